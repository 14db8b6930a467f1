import java.nio.file.*;
import java.util.*;
import org.openhotline.shared.TextEmbeddings;
import org.openhotline.knowledge.internal.demo.DemoArticles;
import org.openhotline.knowledge.internal.articles.RichText;
import org.openhotline.knowledge.internal.search.ChineseText;

/**
 * Embedding-only replay of the development sets for a meaning-aware coverage (round s14): the platform's coverage
 * (KnowledgeSearch.keyTerms) counts a question word as covered only when the best article contains it, and leaves out
 * words no article contains. Here each question word the article does not contain is also compared by meaning with
 * the article's own words (bge-small-zh of the single words): the nearest word of the title and keywords, and of the
 * whole article. Writes per question the meaning's best article (right or not), its cosine, and per slot word its
 * rarity (0: no article has it), whether the article mentions it, and the two nearest-word cosines, to
 * cover-words.tsv. meaning-cover.py grids rules on it (dev sets only). INSTR=1 in the environment embeds the questions
 * behind bge's query instruction; AGREE=1 adds whether two variants of the question (instruction, fillers cut) find the
 * same article, with their cosines.
 *   java -cp CP bench/smart/assistant/MeaningCoverReplay.java server/src/test/resources/knowledge/eval-questions.tsv \
 *        bench/smart/assistant/spoken-dev.tsv bench/smart/assistant/outside-dev.tsv
 */
public class MeaningCoverReplay {
    static final Map<String, float[]> WORDS = new HashMap<>();
    static TextEmbeddings emb;

    static float[] word(String w) {
        return WORDS.computeIfAbsent(w, emb::embed);
    }

    public static void main(String[] args) throws Exception {
        emb = new TextEmbeddings();
        var all = DemoArticles.all();
        var read = Class.forName("org.openhotline.knowledge.internal.search.QueryText")
                .getDeclaredMethod("read", String.class, List.class);
        read.setAccessible(true);
        var slotsOf = Class.forName("org.openhotline.knowledge.internal.search.QueryText").getDeclaredMethod("slots");
        slotsOf.setAccessible(true);
        List<float[]> vecs = new ArrayList<>();
        List<String> titles = new ArrayList<>(), texts = new ArrayList<>();
        List<Set<String>> headWords = new ArrayList<>(), allWords = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (var d : all) {
            titles.add(d.title());
            String kw = org.openhotline.knowledge.internal.articles.ArticleEditing.normalizeList(d.keywords());
            String body = RichText.text(d.body());
            vecs.add(EmbeddingReplay.articleVector(emb, d.title(), kw, body));
            String text = ChineseText.normalize(d.title() + " " + kw + " " + body);
            texts.add(text);
            Set<String> ws = new LinkedHashSet<>();
            for (var w : ChineseText.words(text)) if (!w.filler() && w.text().length() >= 2 && w.text().codePoints().allMatch(Character::isIdeographic)) ws.add(w.text());
            allWords.add(ws);
            Set<String> hs = new LinkedHashSet<>();
            for (var w : ChineseText.words(ChineseText.normalize(d.title() + " " + kw))) if (!w.filler() && w.text().length() >= 2) hs.add(w.text());
            headWords.add(hs);
            Set<String> seen = new HashSet<>();
            for (var w : ChineseText.words(text)) if (seen.add(w.text())) df.merge(w.text(), 1, Integer::sum);
        }
        int N = all.size();
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < titles.size(); i++) first.putIfAbsent(titles.get(i), i);
        List<EmbeddingReplay.Q> qs = EmbeddingReplay.questionSets(args, first, titles);
        StringBuilder out = new StringBuilder("set\tquestion\tok\tcos\ttitle\twords\tagree\n");
        long t0 = System.nanoTime();
        for (var q : qs) {
            float[] qv = emb.embed(System.getenv("INSTR") == null ? q.text() : "为这个句子生成表示以用于检索相关文章：" + q.text());
            int best = 0; double bc = -2;
            for (int i = 0; i < vecs.size(); i++) { double c = TextEmbeddings.cosine(qv, vecs.get(i)); if (c > bc) { bc = c; best = i; } }
            // AGREE=1: does the question behind bge's query instruction, and with its fillers cut, find the same article?
            String agree = "";
            if (System.getenv("AGREE") != null) {
                StringBuilder a = new StringBuilder();
                for (String variant : List.of("为这个句子生成表示以用于检索相关文章：" + q.text(),
                        q.text().replaceAll("你好|您好|请问一下|请问|我想问一下|想问一下|问一下|咨询一下|麻烦|谢谢|那个|就是|咋办|怎么办|咋整|呢|啊|吧|呀", ""))) {
                    float[] vv = emb.embed(variant);
                    int vb = 0; double vc = -2;
                    for (int i = 0; i < vecs.size(); i++) { double c = TextEmbeddings.cosine(vv, vecs.get(i)); if (c > vc) { vc = c; vb = i; } }
                    a.append(titles.get(vb).equals(titles.get(best)) ? "1" : "0").append(String.format(":%.4f,", vc));
                }
                agree = a.toString();
            }
            Object qt = read.invoke(null, q.text(), List.of());
            @SuppressWarnings("unchecked") List<List<List<String>>> slots = (List<List<List<String>>>) slotsOf.invoke(qt);
            String text = texts.get(best);
            List<String> cells = new ArrayList<>();
            for (List<List<String>> slot : slots) {
                String name = null; double weight = -1;
                for (List<String> alt : slot) for (String w : alt) {
                    if (w.length() < 2) continue;
                    int f = df.getOrDefault(w, 0);
                    double r = f == 0 ? 0 : Math.log(1 + (N - f + 0.5) / (f + 0.5));
                    if (r > weight) { weight = r; name = w; }
                }
                if (name == null) continue;
                boolean mentioned = slot.stream().anyMatch(alt -> !alt.isEmpty() && alt.stream().allMatch(text::contains));
                double mh = -1, ma = -1;
                if (!mentioned) {
                    float[] wv = word(name);
                    for (String t : headWords.get(best)) mh = Math.max(mh, TextEmbeddings.cosine(wv, word(t)));
                    for (String t : allWords.get(best)) ma = Math.max(ma, TextEmbeddings.cosine(wv, word(t)));
                }
                cells.add(String.format("%s:%.3f:%s:%.3f:%.3f", name, weight, mentioned ? 1 : 0, mh, ma));
            }
            out.append(String.join("\t", q.set(), q.text(), String.valueOf(q.answers().contains(best)),
                    String.format("%.4f", bc), titles.get(best), String.join(" ", cells), agree)).append('\n');
        }
        System.err.printf("%d questions in %.1f s, %d words embedded%n", qs.size(), (System.nanoTime() - t0) / 1e9, WORDS.size());
        Files.writeString(Path.of("cover-words.tsv"), out);
    }
}
