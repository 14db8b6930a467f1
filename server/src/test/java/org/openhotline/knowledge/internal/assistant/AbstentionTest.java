package org.openhotline.knowledge.internal.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.knowledge.internal.search.KnowledgeIndex;
import org.openhotline.knowledge.internal.search.KnowledgeSearch;

/**
 * The abstention rule on the search's signals, band by band: from 0.66 the best article answers; from 0.61 if it
 * mentions enough (0.6) of the question's words; below 0.61 never — not even when the words and the meaning both put the
 * same article first (tried in round s11 from 0.52: it answered 我家养了条狗，要办狗证吗 confidently, whose telling
 * word no article contains and so is left out of the share).
 */
class AbstentionTest {

    private static final KnowledgeIndex.Hit ARTICLE = new KnowledgeIndex.Hit(1, 1f, 1, "PUBLISHED", "建筑垃圾和大件垃圾怎么处理",
            "装修垃圾", "……", "", null, 0);

    private static String doubt(double cosine, int textRank, int vectorRank, double cover) {
        var top = new KnowledgeIndex.Ranked(ARTICLE, 0.7, textRank, textRank == 0 ? 0f : 5f, vectorRank, cosine);
        return Abstention.doubt(true, List.of(top), 0.5, new KnowledgeSearch.KeyTerms(cover, "柜子"));
    }

    @Test
    void aNearArticleAnswersWhenItMentionsTheQuestionsWords() {
        assertThat(doubt(0.67, 3, 1, 0.0)).isNull();
        assertThat(doubt(0.63, 3, 1, 0.7)).isNull();
        assertThat(doubt(0.63, 1, 1, 0.5)).contains("没有提到问题中的“柜子”");
    }

    @Test
    void belowTheNearLineNoArticleAnswersEvenWhenBothListsPutItFirst() {
        assertThat(doubt(0.60, 1, 1, 1.0)).contains("低于可信线");
        assertThat(doubt(0.55, 1, 1, 1.0)).contains("低于可信线");
        assertThat(doubt(0.45, 1, 1, 1.0)).contains("知识库中可能没有这个问题的答案");
    }
}
