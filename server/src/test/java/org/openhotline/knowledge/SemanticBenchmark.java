package org.openhotline.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openhotline.knowledge.internal.assistant.AnswerAssistant;
import org.openhotline.knowledge.internal.search.ArticleVectors;
import org.openhotline.knowledge.internal.search.KnowledgeSearch;
import org.openhotline.knowledge.internal.search.VectorBackfill;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.shared.TextEmbeddings;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Semantic search and the abstaining assistant on the demo knowledge base (bench/smart/search/run.sh; skipped by
 * verify): recall@1/@5 of words alone (BM25), meaning alone (vectors) and both fused, over the original evaluation set
 * and the independently written spoken set; the assistant's correct answers on in-base questions and its confident
 * answers on questions outside the base; the cost of one embedding. Writes the signals of every question to
 * {@code bench/smart/assistant/signals.tsv} (what the abstention thresholds were set on).
 */
@HotlineTest
@EnabledIfSystemProperty(named = "bench", matches = "semantic")
class SemanticBenchmark {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KnowledgeSearch search;

    @Autowired
    AnswerAssistant assistant;

    @Autowired
    VectorBackfill backfill;

    @Autowired
    TextEmbeddings embeddings;

    @Autowired
    ArticleVectors vectors;

    @Test
    void quality() throws Exception {
        var out = new StringBuilder();
        Consumer<String> say = s -> {
            System.out.println(s);
            out.append(s).append('\n');
        };
        say.accept("# Semantic search and assistant — " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", load average " + load());
        long t0 = System.nanoTime();
        embeddings.embed("模型加载");
        say.accept(String.format("embedding model loaded (first call) in %.1f s", (System.nanoTime() - t0) / 1e9));
        t0 = System.nanoTime();
        int computed = backfill.runNow();
        say.accept(String.format("article vectors computed now: %d in %.1f s (the rest by the background pass before)",
                computed, (System.nanoTime() - t0) / 1e9));
        var who = KnowledgeEvaluation.agent(jdbc);
        var old = KnowledgeEvaluation.questions(jdbc);
        var spokenDev = SpokenQuestions.spokenDev(jdbc);
        // -Dbench.heldout=false leaves the held-out sets closed (tuning runs): only the development sets are asked.
        boolean heldOut = !"false".equals(System.getProperty("bench.heldout"));
        var spoken = heldOut ? SpokenQuestions.spoken(jdbc) : List.<KnowledgeEvaluation.Question>of();
        List<String> outside = heldOut ? SpokenQuestions.outside() : List.of();
        var fresh = heldOut ? SpokenQuestions.fresh(jdbc) : List.<KnowledgeEvaluation.Question>of();
        List<String> freshOutside = heldOut ? SpokenQuestions.freshOutside() : List.of();
        say.accept("questions: original set " + old.size() + ", spoken-dev set " + spokenDev.size() + ", outside-dev "
                + SpokenQuestions.outsideDev().size() + (heldOut ? ", held out: spoken set " + spoken.size()
                + ", outside the base " + outside.size() + ", fresh spoken " + fresh.size() + ", fresh outside "
                + freshOutside.size() : ", held-out sets not asked (tuning run)"));
        for (var mode : KnowledgeSearch.Mode.values()) {
            var a = KnowledgeEvaluation.recall(old, ranked(who, mode));
            var d = KnowledgeEvaluation.recall(spokenDev, ranked(who, mode));
            var b = heldOut ? " | spoken set: " + KnowledgeEvaluation.recall(spoken, ranked(who, mode))
                    + " | fresh spoken: " + KnowledgeEvaluation.recall(fresh, ranked(who, mode)) : "";
            say.accept(String.format("%-8s original set: %s | spoken-dev set: %s%s", mode, a, d, b));
        }
        if (Boolean.getBoolean("bench.lists")) {
            // a tuning run lists the development sets (spoken-dev, outside-dev) under their own names
            lists(who, old, heldOut ? spoken : spokenDev, heldOut ? outside : SpokenQuestions.outsideDev(), heldOut);
        }
        // The search box pages ten hits with filters and highlights, and drops hits that only the meaning found, under
        // a cosine of 0.5 (KnowledgeSearch.MEANING_ONLY_FROM): its first five, per set.
        say.accept("search box (hybrid, with filters and highlight), original set: "
                + KnowledgeEvaluation.recall(old, KnowledgeEvaluation.search(search, who)) + " | spoken-dev set: "
                + KnowledgeEvaluation.recall(spokenDev, KnowledgeEvaluation.search(search, who))
                + (heldOut ? " | spoken set: " + KnowledgeEvaluation.recall(spoken, KnowledgeEvaluation.search(search, who))
                + " | fresh spoken: " + KnowledgeEvaluation.recall(fresh, KnowledgeEvaluation.search(search, who))
                : ""));

        List<String> signals = new ArrayList<>();
        signals.add("set\tquestion\tanswered\tcorrect\tsimilarity\tcoverage\tfirst passage confidence\tmessage");
        // The previous rule (cosine ≥ 0.60 alone) beside the platform's, on the same replies: development sets (the
        // original one, outside-dev.tsv) are what the rule was tuned on, the spoken and outside sets are held out.
        say.accept("assistant: previous rule (cosine >= 0.60) -> this rule (" + "Abstention), same replies");
        Map<String, int[]> inBase = new java.util.LinkedHashMap<>(); // set → {right, asked}
        for (var set : heldOut ? List.of("original", "spoken-dev", "spoken", "fresh") : List.of("original", "spoken-dev")) {
            var qs = set.equals("original") ? old : set.equals("spoken-dev") ? spokenDev
                    : set.equals("spoken") ? spoken : fresh;
            int n = 0;
            int[] right = new int[2];
            int[] wrong = new int[2];
            for (var q : qs) {
                var r = assistant.ask(who, q.text(), 3);
                boolean correct = !r.passages().isEmpty() && q.answers().contains(r.passages().getFirst().articleId());
                boolean before = r.similarity() >= PREVIOUS_NEAR;
                n++;
                right[0] += before && correct ? 1 : 0;
                wrong[0] += before && !correct ? 1 : 0;
                right[1] += r.answered() && correct ? 1 : 0;
                wrong[1] += r.answered() && !correct ? 1 : 0;
                signals.add(row(set, q.text(), r, correct));
            }
            say.accept(String.format("  in-base, %-10s %-10s: answered and right %5.1f %% -> %5.1f %%, wrong confident "
                            + "%4.1f %% -> %4.1f %% (of %d)", set,
                    set.equals("original") || set.equals("spoken-dev") ? "(dev)" : "(held out)",
                    100.0 * right[0] / n, 100.0 * right[1] / n, 100.0 * wrong[0] / n, 100.0 * wrong[1] / n, n));
            inBase.put(set, new int[] {right[1], n});
        }
        if (heldOut) {
            // The share: in-base questions answered from a right article, over the original and a spoken set.
            for (var spokenSet : List.of("spoken", "fresh")) {
                int[] o = inBase.get("original");
                int[] s = inBase.get(spokenSet);
                say.accept(String.format("  in-base, original + %-6s: answered and right %d of %d = %.1f %%", spokenSet,
                        o[0] + s[0], o[1] + s[1], 100.0 * (o[0] + s[0]) / (o[1] + s[1])));
            }
        }
        for (var set : heldOut ? List.of("outside-dev", "outside", "fresh-outside") : List.of("outside-dev")) {
            var qs = set.equals("outside") ? outside : set.equals("fresh-outside") ? freshOutside
                    : SpokenQuestions.outsideDev();
            int[] confident = new int[2];
            for (String q : qs) {
                var r = assistant.ask(who, q, 3);
                confident[0] += r.similarity() >= PREVIOUS_NEAR ? 1 : 0;
                confident[1] += r.answered() ? 1 : 0;
                signals.add(row(set, q, r, false));
            }
            say.accept(String.format("  outside the base, %-11s %-10s: confident %5.1f %% -> %5.1f %% (%d -> %d of %d)",
                    set, set.equals("outside-dev") ? "(dev)" : "(held out)", 100.0 * confident[0] / qs.size(),
                    100.0 * confident[1] / qs.size(), confident[0], confident[1], qs.size()));
        }

        var texts = SpokenQuestions.texts(heldOut ? spoken : spokenDev);
        for (int i = 0; i < 20; i++) {
            vectors.question(texts.get(i)); // warm-up
        }
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        for (String q : texts) {
            vectors.question(q); // as the search embeds it, with the query instruction
        }
        say.accept(String.format("embedding one question (%d spoken questions, one thread): %.1f ms wall, %.1f ms CPU",
                texts.size(), (System.nanoTime() - t0) / 1e6 / texts.size(),
                (cpu.getCurrentThreadCpuTime() - c0) / 1e6 / texts.size()));
        record Texts(String title, String keywords, String body) {}
        List<Texts> articleTexts = jdbc.sql("select title, keywords, body_text from kb_article order by id limit 100")
                .query((rs, n) -> new Texts(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        c0 = cpu.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        articleTexts.forEach(a -> vectors.embed(a.title(), a.keywords(), a.body()));
        say.accept(String.format("embedding one article (title, keywords, 160 characters of body; and title, keywords "
                        + "alone; %d articles): %.1f ms wall, %.1f ms CPU", articleTexts.size(),
                (System.nanoTime() - t0) / 1e6 / articleTexts.size(),
                (cpu.getCurrentThreadCpuTime() - c0) / 1e6 / articleTexts.size()));
        say.accept("heap used after the run: " + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory())
                / (1024 * 1024) + " MB");
        Path folder = SpokenQuestions.folder().getParent();
        Files.createDirectories(folder.resolve("assistant"));
        Files.write(folder.resolve("assistant/signals.tsv"), signals);
        Files.writeString(folder.resolve("search/last-run.txt"), out);
    }

    /** Each question's first 40 by words and by meaning, for tuning the fusion and the abstention offline. */
    private void lists(StaffPrincipal who, List<KnowledgeEvaluation.Question> old,
                       List<KnowledgeEvaluation.Question> spoken, List<String> outside, boolean heldOut) throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add("set\tquestion\tmode\trank\tarticle\tscore\tcorrect");
        List<KnowledgeEvaluation.Question> all = new ArrayList<>(concat(old, spoken));
        outside.forEach(q -> all.add(new KnowledgeEvaluation.Question(q, Set.of())));
        for (int i = 0; i < all.size(); i++) {
            var q = all.get(i);
            String set = i < old.size() ? "original" : i < old.size() + spoken.size() ? (heldOut ? "spoken" : "spoken-dev")
                    : (heldOut ? "outside" : "outside-dev");
            for (var mode : List.of(KnowledgeSearch.Mode.WORDS, KnowledgeSearch.Mode.MEANING)) {
                var hits = search.candidates(who, q.text(), mode, 40).ranking().hits();
                for (int r = 0; r < hits.size(); r++) {
                    var h = hits.get(r);
                    double score = mode == KnowledgeSearch.Mode.WORDS ? h.textScore() : h.cosine();
                    rows.add(String.join("\t", set, q.text(), mode.name(), String.valueOf(r + 1),
                            String.valueOf(h.hit().id()), String.valueOf(score),
                            String.valueOf(q.answers().contains(h.hit().id()))));
                }
            }
        }
        Files.write(SpokenQuestions.folder().getParent().resolve("assistant/lists.tsv"), rows);
    }

    private static List<KnowledgeEvaluation.Question> concat(List<KnowledgeEvaluation.Question> a,
                                                             List<KnowledgeEvaluation.Question> b) {
        List<KnowledgeEvaluation.Question> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The threshold of the rule before round s8 (cosine alone), reported beside the platform's. */
    static final double PREVIOUS_NEAR = 0.60;

    private static String row(String set, String q, AnswerAssistant.Reply r, boolean correct) {
        return String.join("\t", set, q, String.valueOf(r.answered()), String.valueOf(correct),
                String.valueOf(r.similarity()), String.valueOf(r.coverage()),
                r.passages().isEmpty() ? "" : String.valueOf(r.passages().getFirst().confidence()), r.message());
    }

    private Function<String, List<Long>> ranked(StaffPrincipal who, KnowledgeSearch.Mode mode) {
        return q -> search.candidates(who, q, mode, 5).ranking().hits().stream()
                .map(h -> h.hit().id()).toList();
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

}
