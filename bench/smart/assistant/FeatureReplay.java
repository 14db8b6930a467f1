import java.nio.file.*;
import java.util.*;
import org.openhotline.shared.TextEmbeddings;
import org.openhotline.knowledge.internal.demo.DemoArticles;
import org.openhotline.knowledge.internal.articles.RichText;
import org.openhotline.knowledge.internal.search.ArticleVectors;

/**
 * Embedding-only replay of the development sets for other abstention signals (round s13): embeds the demo articles as
 * ArticleVectors.embed does (text + 0.5 × title-and-keywords, normalised), every paragraph of every article alone
 * (AnswerAssistant.passages), and each dev question; writes per question the meaning's best article and whether it is
 * right, the best cosine, the second, the mean and spread of the 10th–50th, the best paragraph's cosine of the best
 * article and of the first three, and the title-and-keywords cosine, to features.tsv in the working directory.
 * feature-rule.py joins it with the platform's signals.tsv (coverage, the assistant's own verdict) and grids rules.
 * Run like EmbeddingReplay (Java 25, multi-file: this folder's EmbeddingReplay.java beside it):
 *   java -cp CP bench/smart/assistant/FeatureReplay.java server/src/test/resources/knowledge/eval-questions.tsv \
 *        bench/smart/assistant/spoken-dev.tsv bench/smart/assistant/outside-dev.tsv
 *   python3 bench/smart/assistant/feature-rule.py features.tsv bench/smart/assistant/signals.tsv
 * Its findings (none kept) are in README.md, round s13.
 */
public class FeatureReplay {
    public static void main(String[] args) throws Exception {
        var emb = new TextEmbeddings();
        var all = DemoArticles.all();
        var m = Class.forName("org.openhotline.knowledge.internal.assistant.AnswerAssistant").getDeclaredMethod("passages", String.class);
        m.setAccessible(true);
        List<float[]> vecs = new ArrayList<>(), heads = new ArrayList<>();
        List<List<float[]>> pass = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        long t0 = System.nanoTime();
        for (var d : all) {
            titles.add(d.title());
            String kw = org.openhotline.knowledge.internal.articles.ArticleEditing.normalizeList(d.keywords());
            String body = RichText.text(d.body());
            float[] v = emb.embed(ArticleVectors.text(d.title(), kw, body));
            float[] h = emb.embed(ArticleVectors.head(d.title(), kw));
            float[] s = new float[v.length]; double n = 0;
            for (int i = 0; i < v.length; i++) { s[i] = v[i] + 0.5f * h[i]; n += s[i] * s[i]; }
            for (int i = 0; i < v.length; i++) s[i] /= (float) Math.sqrt(n);
            vecs.add(s); heads.add(h);
            List<float[]> ps = new ArrayList<>();
            @SuppressWarnings("unchecked") List<String> pp = (List<String>) m.invoke(null, body);
            for (String p : pp) ps.add(emb.embed(p));
            pass.add(ps);
        }
        System.err.printf("%d articles embedded in %.1f s%n", all.size(), (System.nanoTime() - t0) / 1e9);
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < titles.size(); i++) first.putIfAbsent(titles.get(i), i);
        List<EmbeddingReplay.Q> qs = EmbeddingReplay.questionSets(args, first, titles);
        StringBuilder out = new StringBuilder("set\tquestion\tok\tc1\tc2\tmean\tstd\tpmax1\thead1\tpmax3\tbestp\ttitle\n");
        for (var q : qs) {
            float[] qv = emb.embed(q.text());
            Integer[] idx = new Integer[vecs.size()];
            double[] c = new double[vecs.size()];
            for (int i = 0; i < c.length; i++) { idx[i] = i; c[i] = TextEmbeddings.cosine(qv, vecs.get(i)); }
            Arrays.sort(idx, (x, y) -> Double.compare(c[y], c[x]));
            int best = idx[0];
            double mean = 0, sq = 0; int k = 0;
            for (int r = 10; r < 50; r++) { mean += c[idx[r]]; sq += c[idx[r]] * c[idx[r]]; k++; }
            mean /= k; double std = Math.sqrt(sq / k - mean * mean);
            double pmax1 = -1; for (float[] p : pass.get(best)) pmax1 = Math.max(pmax1, TextEmbeddings.cosine(qv, p));
            double pmax3 = -1; int bp = best;
            for (int r = 0; r < 3; r++) for (float[] p : pass.get(idx[r])) { double x = TextEmbeddings.cosine(qv, p); if (x > pmax3) { pmax3 = x; bp = idx[r]; } }
            out.append(String.join("\t", q.set(), q.text(), String.valueOf(q.answers().contains(best)),
                String.format("%.4f", c[best]), String.format("%.4f", c[idx[1]]), String.format("%.4f", mean), String.format("%.4f", std),
                String.format("%.4f", pmax1), String.format("%.4f", TextEmbeddings.cosine(qv, heads.get(best))), String.format("%.4f", pmax3),
                String.valueOf(q.answers().contains(bp)), titles.get(best))).append('\n');
        }
        Files.writeString(Path.of("features.tsv"), out);
    }
}
