package org.openhotline.knowledge.internal.assistant;

import java.util.List;
import org.openhotline.knowledge.internal.search.KnowledgeIndex;

/**
 * When the assistant says it does not know. Search always returns the nearest articles, even for a question the
 * knowledge base cannot answer (天气, 寻猫, 公租房 when no article covers it); what tells the two apart is how near
 * the nearest one is. The signals, in order: the cosine of the question and the best article (bge-small-zh puts a
 * question and the article that answers it at 0.6–0.8, an unrelated government matter at 0.4–0.55); whether the
 * words and the meaning agree on it (first by both, or found by both); and the passage's own confidence.
 * The thresholds were set on the questions in {@code bench/smart/search} (in-base and out-of-base) and are reported
 * with their rates in {@code docs/knowledge.md}; change them only with that bench.
 */
final class Abstention {

    /** Below this the best article is not about the question, whatever the words say. */
    static final double FAR = 0.50;
    /** Above this the meaning alone is trusted. */
    static final double NEAR = 0.62;
    /** Passage confidence needed between the two, when words and meaning agree. */
    static final double CONFIDENT = 0.35;

    private Abstention() {}

    /** Why the assistant should not answer confidently, or null when it may. */
    static String doubt(boolean wordsMatched, List<KnowledgeIndex.Ranked> ranked, double passageConfidence) {
        var top = ranked.getFirst();
        double cos = top.cosine();
        if (Double.isNaN(cos)) {
            // The article's vector is not computed yet: the words alone decide, as before semantic search.
            return passageConfidence < CONFIDENT ? "没有把握回答（问题与知识的匹配度低）。" : null;
        }
        String similarity = String.format("%.2f", cos);
        if (cos < FAR) {
            return "知识库中可能没有这个问题的答案：最接近的知识《" + top.hit().title() + "》与问题的语义相似度只有 "
                    + similarity + "。";
        }
        if (cos >= NEAR) {
            return null;
        }
        boolean agree = top.textRank() > 0 && top.vectorRank() > 0 && (top.textRank() <= 3 || top.vectorRank() == 1);
        if (!wordsMatched || !agree) {
            return "没有把握回答：关键词检索与语义检索没有指向同一条知识（语义相似度 " + similarity + "）。";
        }
        if (passageConfidence < CONFIDENT) {
            return "没有把握回答：找到的段落与问题的匹配度低（语义相似度 " + similarity + "）。";
        }
        return null;
    }
}
