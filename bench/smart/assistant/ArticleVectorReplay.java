import java.nio.file.*;
import java.util.*;
import java.util.function.*;
import org.openhotline.shared.TextEmbeddings;
import org.openhotline.knowledge.internal.demo.DemoArticles;
import org.openhotline.knowledge.internal.articles.RichText;
import org.openhotline.knowledge.internal.search.ArticleVectors;

/**
 * Embedding-only replay of the development sets for the articles' side (round s12): embeds every demo article as its
 * text (title, keywords, 160 characters of body — ArticleVectors.text), its title alone and its title and keywords, and
 * ranks the articles for each dev question by: each alone; the best or the weighted mean of two cosines; and one vector,
 * the text's embedding plus w × the title-and-keywords' embedding, normalised (what ArticleVectors.embed now stores,
 * w = 0.5). Prints per variant the meaning's recall@1 per set and, at the cosine that answers at most 4 of the
 * outside-dev questions, how many dev in-base questions clear it from the right article. No platform, no words.
 * Run like EmbeddingReplay, from this folder's copy of it (Java 25 compiles both; class path: server/target/classes, the jars it names, jsoup and commons-logging):
 *   java -cp CP bench/smart/assistant/ArticleVectorReplay.java server/src/test/resources/knowledge/eval-questions.tsv \
 *        bench/smart/assistant/spoken-dev.tsv bench/smart/assistant/outside-dev.tsv
 * Its output of 2026-12-06 (outside-dev then 40 questions) is in README.md, round s12.
 */
public class ArticleVectorReplay {
    public static void main(String[] args) throws Exception {
        var emb = new TextEmbeddings();
        var all = DemoArticles.all();
        List<float[]> vecs = new ArrayList<>();
        List<float[]> tvecs = new ArrayList<>();
        List<float[]> kvecs = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (var d : all) {
            titles.add(d.title());
            String kw = org.openhotline.knowledge.internal.articles.ArticleEditing.normalizeList(d.keywords());
            vecs.add(emb.embed(ArticleVectors.text(d.title(), kw, RichText.text(d.body()))));
            tvecs.add(emb.embed(d.title()));
            kvecs.add(emb.embed(d.title() + "。" + kw));
        }
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < titles.size(); i++) first.putIfAbsent(titles.get(i), i);
        List<EmbeddingReplay.Q> qs = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of(args[0]))) qs.addAll(EmbeddingReplay.parse("original", l, first, titles));
        for (String l : Files.readAllLines(Path.of(args[1]))) qs.addAll(EmbeddingReplay.parse("spoken-dev", l, first, titles));
        for (String l : Files.readAllLines(Path.of(args[2]))) if (!l.isBlank() && !l.startsWith("#")) qs.add(new EmbeddingReplay.Q("outside-dev", l.strip(), Set.of()));
        Map<String, ToDoubleBiFunction<float[], Integer>> variants = new LinkedHashMap<>();
        variants.put("cur", (qv, i) -> TextEmbeddings.cosine(qv, vecs.get(i)));
        variants.put("title", (qv, i) -> TextEmbeddings.cosine(qv, tvecs.get(i)));
        variants.put("titlekw", (qv, i) -> TextEmbeddings.cosine(qv, kvecs.get(i)));
        variants.put("max(cur,title)", (qv, i) -> Math.max(TextEmbeddings.cosine(qv, vecs.get(i)), TextEmbeddings.cosine(qv, tvecs.get(i))));
        variants.put("max(cur,titlekw)", (qv, i) -> Math.max(TextEmbeddings.cosine(qv, vecs.get(i)), TextEmbeddings.cosine(qv, kvecs.get(i))));
        for (double w : new double[]{0.25, 0.5, 1.0}) {
            variants.put("cur+" + w + "title", (qv, i) -> (TextEmbeddings.cosine(qv, vecs.get(i)) + w * TextEmbeddings.cosine(qv, tvecs.get(i))) / (1 + w));
            variants.put("cur+" + w + "titlekw", (qv, i) -> (TextEmbeddings.cosine(qv, vecs.get(i)) + w * TextEmbeddings.cosine(qv, kvecs.get(i))) / (1 + w));
        }
        for (double w : new double[]{0.35, 0.5, 0.7, 1.0}) {
            List<float[]> sums = new ArrayList<>();
            for (int i = 0; i < vecs.size(); i++) {
                float[] a = vecs.get(i), h = kvecs.get(i), o = new float[a.length];
                double n = 0;
                for (int k = 0; k < a.length; k++) { o[k] = (float) (a[k] + w * h[k]); n += o[k] * o[k]; }
                for (int k = 0; k < a.length; k++) o[k] /= (float) Math.sqrt(n);
                sums.add(o);
            }
            variants.put("sum(cur+" + w + "titlekw)", (qv, i) -> TextEmbeddings.cosine(qv, sums.get(i)));
        }
        Map<String, float[]> qvecs = new HashMap<>();
        for (EmbeddingReplay.Q q : qs) qvecs.computeIfAbsent(q.text(), emb::embed);
        for (var v : variants.entrySet()) {
            Map<String, double[]> agg = new TreeMap<>();
            StringBuilder rows = new StringBuilder();
            for (EmbeddingReplay.Q q : qs) {
                float[] qv = qvecs.get(q.text());
                int best = -1; double bc = -2;
                for (int i = 0; i < vecs.size(); i++) { double c = v.getValue().applyAsDouble(qv, i); if (c > bc) { bc = c; best = i; } }
                double rightCos = q.answers().stream().mapToDouble(i -> v.getValue().applyAsDouble(qv, i)).max().orElse(Double.NaN);
                boolean ok = q.answers().contains(best);
                double[] a = agg.computeIfAbsent(q.set(), k -> new double[4]);
                a[0]++; a[1] += ok ? 1 : 0; a[2] += bc; a[3] += bc >= 0.60 ? 1 : 0;
                rows.append(v.getKey()).append('\t').append(q.set()).append('\t').append(q.text()).append('\t').append(ok).append('\t')
                    .append(String.format("%.3f\t%.3f\t%s", bc, rightCos, titles.get(best))).append('\n');
            }
            EmbeddingReplay.report(v.getKey(), rows.toString(), agg);
        }
    }
}
