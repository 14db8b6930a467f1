package org.openhotline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.knowledge.internal.articles.ArticleEditing;
import org.openhotline.knowledge.internal.articles.RichText;
import org.openhotline.knowledge.internal.demo.DemoArticles;
import org.openhotline.knowledge.internal.search.ArticleVectors;

/**
 * The platform's own encoding of bge-small-zh gives the vectors langchain4j's {@code OnnxBertBiEncoder} gave (the
 * vectors stored before the change stay valid, and the search figures of bench/smart hold): every demo article's
 * text, the evaluation questions, text with symbols, letters and emoji, and a text longer than the 512 tokens the
 * model reads (cut there).
 */
class TextEmbeddingsTest {

    @Test
    void encodesAsLangchain4jDid() throws Exception {
        List<String> texts = new ArrayList<>();
        for (var d : DemoArticles.all()) {
            texts.add(ArticleVectors.text(d.title(), ArticleEditing.normalizeList(d.keywords()), RichText.text(d.body())));
        }
        for (String line : Files.readAllLines(Path.of("src/test/resources/knowledge/eval-questions.tsv"),
                StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                texts.add(line.split("\t")[0]);
            }
        }
        texts.add("WiFi密码忘了咋办？？😂 ABC-123 ＡＢＣ　全角 ①②③ ～～");
        texts.add("社保卡".repeat(400)); // 1,200 characters: more than the model reads
        var library = new Library();
        var ours = TextEmbeddings.Holder.MODEL;
        double worst = 1;
        String worstText = null;
        for (String t : texts) {
            double c = TextEmbeddings.cosine(ours.embed(t), library.embed(t).content().vector());
            if (c < worst) {
                worst = c;
                worstText = t;
            }
        }
        assertThat(texts).hasSizeGreaterThan(400);
        assertThat(worst).as("least similar: %s", worstText).isGreaterThan(0.999_99); // 0.999 999 6 measured
    }

    /** What TextEmbeddings used before: langchain4j's in-process model over the same model file. */
    private static final class Library extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Library() throws Exception {
            super(Runnable::run);
            var env = OrtEnvironment.getEnvironment();
            byte[] model;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("bge-small-zh-v1.5-q.onnx")) {
                model = in.readAllBytes();
            }
            try (InputStream tokenizer = getClass().getClassLoader()
                    .getResourceAsStream("bge-small-zh-v1.5-q-tokenizer.json")) {
                var options = new ai.onnxruntime.OrtSession.SessionOptions();
                options.setIntraOpNumThreads(1); // as TextEmbeddings had it
                options.setInterOpNumThreads(1);
                encoder = new OnnxBertBiEncoder(env, env.createSession(model, options), tokenizer, PoolingMode.CLS);
            }
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return TextEmbeddings.DIMENSIONS;
        }
    }
}
