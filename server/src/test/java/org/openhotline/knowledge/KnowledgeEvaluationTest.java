package org.openhotline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openhotline.knowledge.internal.assistant.AnswerAssistant;
import org.openhotline.knowledge.internal.search.KnowledgeSearch;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo knowledge base answers the evaluation set's citizen questions: a floor under search quality. */
@HotlineTest
class KnowledgeEvaluationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KnowledgeSearch search;

    @Autowired
    AnswerAssistant assistant;

    @Test
    void searchAndAssistantFindTheAnsweringArticleForMostCitizenQuestions() {
        var questions = KnowledgeEvaluation.questions(jdbc);
        assertThat(questions).hasSizeGreaterThanOrEqualTo(150);
        var who = KnowledgeEvaluation.agent(jdbc);
        var bySearch = KnowledgeEvaluation.recall(questions, KnowledgeEvaluation.search(search, who));
        var byAssistant = KnowledgeEvaluation.recall(questions, KnowledgeEvaluation.assistant(assistant, who));
        System.out.println("search:    " + bySearch + "\n  missed@5: " + bySearch.missedAt5());
        System.out.println("assistant: " + byAssistant + "\n  missed@5: " + byAssistant.missedAt5());
        assertThat(bySearch.at5()).isGreaterThanOrEqualTo(0.9);
        assertThat(bySearch.at1()).isGreaterThanOrEqualTo(0.8);
        assertThat(byAssistant.at5()).isGreaterThanOrEqualTo(0.9);
        assertThat(byAssistant.at1()).isGreaterThanOrEqualTo(0.8);
    }
}
