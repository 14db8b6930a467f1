package org.openhotline.knowledge.internal.assistant;

import java.util.List;
import org.openhotline.knowledge.internal.search.KnowledgeIndex;

/**
 * When the assistant says it does not know. Search always returns the nearest articles, even for a question the
 * knowledge base cannot answer (天气, 寻猫, 公租房 when no article covers it); what tells the two apart is how near
 * the nearest one is: the cosine of the question and the best article. On bench/smart (279 in-base questions of two
 * sets, 49 outside the base) one threshold did best: from 0.60 the assistant answers; that answers 86.4 % of the
 * in-base questions from the right article (4.3 % wrongly) and 5 of the 49 outside ones (10.2 %: 公租房, 丧葬补助, 公证,
 * 二手车过户, 留学签证 sit at 0.61–0.67, as near as many real answers). 0.61 would answer 4 of them but only 82 % of the
 * in-base questions right. Signals tried beside it and left out
 * because they did not help: whether the words found the same article (first, or among the first 3, 5, 10), a second
 * lower threshold for that case, the margin to the second article (district copies of one article make it near zero
 * for in-base questions too). Change the threshold only with bench/smart/assistant/tune.py.
 */
final class Abstention {

    /** From here on the best article is taken to answer the question. */
    static final double NEAR = 0.60;
    /** Below this the knowledge base most likely has nothing on the matter. */
    static final double FAR = 0.50;
    /** Without a vector (not computed yet) the words decide, with the passage's confidence as before. */
    static final double CONFIDENT = 0.35;

    private Abstention() {}

    /** Why the assistant should not answer confidently, or null when it may. */
    static String doubt(boolean wordsMatched, List<KnowledgeIndex.Ranked> ranked, double passageConfidence) {
        var top = ranked.getFirst();
        double cos = top.cosine();
        if (Double.isNaN(cos)) {
            return wordsMatched && passageConfidence >= CONFIDENT ? null : "没有把握回答（问题与知识的匹配度低）。";
        }
        if (cos >= NEAR) {
            return null;
        }
        String similarity = String.format("%.2f", cos);
        if (cos < FAR) {
            return "知识库中可能没有这个问题的答案：最接近的知识《" + top.hit().title() + "》与问题的语义相似度只有 "
                    + similarity + "。";
        }
        return "没有把握回答：最接近的知识《" + top.hit().title() + "》与问题的语义相似度 " + similarity + "，低于可信线 "
                + String.format("%.2f", NEAR) + "。";
    }
}
