package org.openhotline.knowledge.internal.assistant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openhotline.knowledge.internal.categories.Categories;
import org.openhotline.knowledge.internal.categories.Category;
import org.openhotline.knowledge.internal.search.Highlights;
import org.openhotline.knowledge.internal.search.KnowledgeIndex;
import org.openhotline.knowledge.internal.search.KnowledgeSearch;
import org.openhotline.knowledge.internal.search.Misses;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.stereotype.Service;

/**
 * The answer assistant (智能问答助手). Extractive on purpose: it never writes an answer, it points at the passages of
 * published articles that answer the question best, each quoted verbatim with its source and a confidence, so an
 * agent can read it out and cite it. Candidates come from the hybrid search (words and meaning); each paragraph of
 * each candidate is scored by its article's rank, how much of the question's (rarity-weighted) words it contains, and
 * whether it is the kind of passage the question asks for (materials, time limit, fee, phone…). Whether the reply is
 * confident is decided by {@link Abstention} on the search's signals: a question the knowledge base cannot answer is
 * told so, with the reason, and pointed to a 知识提问.
 */
@Service
public class AnswerAssistant {

    static final double CONFIDENT = 0.35;
    private static final int CANDIDATES = 8;

    /** Question cues and the words of the passage that answers them. */
    private static final Map<List<String>, List<String>> INTENTS = Map.of(
            List.of("材料", "带什么", "证件", "资料", "证明"), List.of("材料", "证件", "身份证", "资料", "证明"),
            List.of("多久", "几天", "时限", "多长时间", "什么时候", "期限"), List.of("时限", "工作日", "日内", "天内", "小时"),
            List.of("多少钱", "费用", "收费", "收不收费", "价格", "标准"), List.of("收费", "费用", "元", "免费", "标准"),
            List.of("电话", "联系", "打给", "找谁"), List.of("电话", "热线", "联系"),
            List.of("条件", "资格", "符合", "能不能", "可不可以"), List.of("条件", "符合", "可以", "应当"),
            List.of("流程", "步骤", "怎么办", "如何办", "办理", "怎么申请", "在哪"), List.of("流程", "步骤", "办理", "申请", "地点", "地址", "窗口"));

    private final KnowledgeSearch search;
    private final KnowledgeIndex index;
    private final Categories categories;
    private final Misses misses;

    AnswerAssistant(KnowledgeSearch search, KnowledgeIndex index, Categories categories, Misses misses) {
        this.search = search;
        this.index = index;
        this.categories = categories;
        this.misses = misses;
    }

    public record Passage(long articleId, String title, String categoryName, String text, String textHtml,
                          double confidence) {}

    /**
     * {@code answered}: confident enough to read out. Otherwise {@code message} says why not and {@code askUnit}
     * suggests a 知识提问 (the passages, if any, are shown for reference only). {@code similarity}: the cosine of the
     * question and the best article, the main signal of the abstention; {@code coverage}: the share of the
     * question's words (weighted by rarity) that the best article mentions, the second one.
     */
    public record Reply(String question, boolean answered, String message, List<Passage> passages, boolean askUnit,
                        double similarity, double coverage) {}

    /** The reply; a question it cannot answer is recorded for the editors (查无信息). */
    public Reply ask(StaffPrincipal caller, String question, int limit) {
        Reply reply = reply(caller, question, limit);
        if (!reply.answered() && !reply.question().isEmpty()) {
            misses.record(reply.question(), caller.username());
        }
        return reply;
    }

    /** The reply alone, nothing recorded (an agent's verdict on a reply asks again). */
    Reply reply(StaffPrincipal caller, String question, int limit) {
        String q = question == null ? "" : question.strip();
        if (q.isEmpty()) {
            return new Reply(q, false, "请输入问题", List.of(), false, 0, 0);
        }
        var found = search.candidates(caller, q, KnowledgeSearch.Mode.HYBRID, CANDIDATES);
        KnowledgeSearch.Parsed parsed = found.parsed();
        var ranked = found.ranking().hits();
        if (ranked.isEmpty()) {
            return new Reply(q, false, "知识库中没有找到相关内容，建议通过“知识提问”请成员单位答复", List.of(), true, 0, 0);
        }
        var hits = ranked.stream().map(KnowledgeIndex.Ranked::hit).toList();
        Map<String, Double> weights = new java.util.HashMap<>();
        for (String w : parsed.highlight()) {
            weights.put(w, index.rarity(w));
        }
        double totalWeight = Math.max(weights.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        List<String> cues = cues(q);
        var names = categories.all().stream().collect(java.util.stream.Collectors.toMap(Category::id, Category::name));
        List<Passage> scored = new ArrayList<>();
        for (int rank = 0; rank < hits.size(); rank++) {
            var h = hits.get(rank);
            // By rank, not by fused score: reciprocal-rank scores of neighbours differ by a hair, and a passage of
            // the second article that repeats the question's words must not overtake the first article's.
            double articleMatch = 1.0 / (1 + rank);
            double titleCover = cover(h.title() + " " + h.keywords(), weights, totalWeight);
            for (String p : passages(h.body())) {
                double passageCover = cover(p, weights, totalWeight);
                double intent = cues.stream().anyMatch(p::contains) ? 1 : 0;
                double score = 0.30 * passageCover + 0.45 * articleMatch + 0.15 * titleCover + 0.10 * intent;
                scored.add(new Passage(h.id(), h.title(), names.getOrDefault(h.categoryId(), ""), p,
                        Highlights.mark(p, parsed.highlight()), Math.round(score * 100) / 100.0));
            }
        }
        scored.sort(Comparator.comparingDouble(Passage::confidence).reversed());
        List<Passage> best = scored.stream().limit(Math.clamp(limit, 1, 10)).toList();
        double similarity = ranked.getFirst().cosine();
        var keyTerms = search.keyTerms(q, ranked.getFirst().hit());
        String doubt = Abstention.doubt(found.strict(), ranked, best.getFirst().confidence(), keyTerms);
        double coverage = Math.round(keyTerms.cover() * 1000) / 1000.0;
        if (doubt != null) {
            return new Reply(q, false, doubt + "以下内容仅供参考，建议核实或通过“知识提问”请成员单位答复", best, true,
                    Double.isNaN(similarity) ? 0 : Math.round(similarity * 1000) / 1000.0, coverage);
        }
        return new Reply(q, true, "以下答案摘自已发布的知识，请核对出处后答复", best, false,
                Double.isNaN(similarity) ? 0 : Math.round(similarity * 1000) / 1000.0, coverage);
    }

    /** Paragraphs of the body; a short heading line (【所需材料】) is kept with the paragraph it introduces. */
    static List<String> passages(String body) {
        List<String> out = new ArrayList<>();
        String pending = "";
        for (String line : body.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.length() <= 12 && !l.endsWith("。")) {
                pending = pending.isEmpty() ? l : pending + " " + l;
                continue;
            }
            String p = pending.isEmpty() ? l : pending + " " + l;
            pending = "";
            if (p.length() <= 320) {
                out.add(p);
            } else {
                StringBuilder chunk = new StringBuilder();
                for (String sentence : p.split("(?<=[。；！？])")) {
                    if (chunk.length() + sentence.length() > 320 && !chunk.isEmpty()) {
                        out.add(chunk.toString());
                        chunk.setLength(0);
                    }
                    chunk.append(sentence);
                }
                if (!chunk.isEmpty()) {
                    out.add(chunk.toString());
                }
            }
        }
        if (!pending.isEmpty()) {
            out.add(pending);
        }
        return out;
    }

    private static double cover(String text, Map<String, Double> weights, double total) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        double sum = 0;
        for (var e : weights.entrySet()) {
            if (lower.contains(e.getKey())) {
                sum += e.getValue();
            }
        }
        return sum / total;
    }

    private static List<String> cues(String question) {
        List<String> out = new ArrayList<>();
        INTENTS.forEach((asks, answers) -> {
            if (asks.stream().anyMatch(question::contains)) {
                out.addAll(answers);
            }
        });
        return out;
    }
}
