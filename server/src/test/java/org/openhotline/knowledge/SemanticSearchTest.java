package org.openhotline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.knowledge.internal.assistant.AnswerAssistant;
import org.openhotline.knowledge.internal.search.KnowledgeSearch;
import org.openhotline.knowledge.internal.search.VectorBackfill;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search by meaning beside the words, and the assistant that says when it does not know: a spoken question whose
 * words miss its article is found through the vectors; a question the knowledge base cannot answer is not answered
 * confidently and a 知识提问 is offered; an in-base question still is; spoken questions find their article first.
 */
@HotlineTest
class SemanticSearchTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KnowledgeSearch search;

    @Autowired
    AnswerAssistant assistant;

    @Autowired
    VectorBackfill backfill;

    StaffPrincipal who;

    @BeforeEach
    void vectors() {
        backfill.runNow(); // the background pass may still be busy with the demo base: wait for it, or do it
        who = KnowledgeEvaluation.agent(jdbc);
    }

    private long article(String title) {
        return jdbc.sql("select min(id) from kb_article where title = ?").param(title).query(Long.class).single();
    }

    private List<Long> top(String q, KnowledgeSearch.Mode mode, int n) {
        return search.candidates(who, q, mode, n).ranking().hits().stream().map(h -> h.hit().id()).toList();
    }

    @Test
    void aColloquialQuestionFindsItsArticleThroughTheVectorsWhereTheWordsMissIt() {
        String q = COLLOQUIAL;
        long answer = article(COLLOQUIAL_ANSWER);
        assertThat(top(q, KnowledgeSearch.Mode.WORDS, 5)).as("words alone").doesNotContain(answer);
        assertThat(top(q, KnowledgeSearch.Mode.MEANING, 5)).as("meaning alone").contains(answer);
        assertThat(top(q, KnowledgeSearch.Mode.HYBRID, 5)).as("both fused").contains(answer);
        // and the search box, which fuses both
        var box = ApiClient.loggedIn(port, "agent1").get("/api/knowledge/search?q="
                + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)).json();
        List<Long> ids = new java.util.ArrayList<>();
        box.path("items").forEach(i -> ids.add(i.path("id").asLong()));
        assertThat(ids.subList(0, Math.min(5, ids.size()))).contains(answer);
    }

    /**
     * The spoken development set (bench/smart/assistant/spoken-dev.tsv, 79 questions): both signals fused put the
     * right article first for 75 of them since an article's vector holds its title and keywords apart (round s12), for
     * 72 before; the floor leaves one question of room for a machine whose ONNX kernels round differently.
     */
    @Test
    void spokenQuestionsFindTheirArticleFirst() {
        var questions = SpokenQuestions.spokenDev(jdbc);
        var recall = KnowledgeEvaluation.recall(questions,
                q -> top(q, KnowledgeSearch.Mode.HYBRID, 5));
        assertThat(recall.at1()).as("recall@1 over %d spoken questions", questions.size()).isGreaterThanOrEqualTo(0.93);
        assertThat(recall.at5()).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void aQuestionOutsideTheKnowledgeBaseIsNotAnsweredConfidentlyAndAQuestionToAUnitIsOffered() {
        var reply = assistant.ask(who, "我家养了条狗，要办狗证吗，在哪办", 3);
        assertThat(reply.answered()).as(reply.message()).isFalse();
        assertThat(reply.askUnit()).isTrue();
        assertThat(reply.message()).contains("知识提问");
        var http = ApiClient.loggedIn(port, "agent1").post("/api/knowledge/assistant",
                Map.of("question", "明天会不会下雨，要不要带伞")).json();
        assertThat(http.path("answered").asBoolean()).isFalse();
        assertThat(http.path("askUnit").asBoolean()).isTrue();
    }

    @Test
    void aQuestionNearAnArticleThatDoesNotMentionWhatItAsksAboutIsNotAnsweredConfidently() {
        // Near enough by meaning for the cosine alone (above 0.60), but the nearest article says nothing of 光伏/电网.
        var reply = assistant.ask(who, "我想在自己家屋顶装光伏板发电卖给电网，怎么申请", 3);
        assertThat(reply.similarity()).isGreaterThanOrEqualTo(0.60);
        assertThat(reply.answered()).as(reply.message()).isFalse();
        assertThat(reply.askUnit()).isTrue();
        assertThat(reply.message()).contains("没有提到问题中的").contains("知识提问");
        assertThat(reply.coverage()).isLessThan(0.4);
    }

    @Test
    void anInBaseSpokenQuestionIsStillAnsweredFromItsArticle() {
        var reply = assistant.ask(who, "身份证丢了，要补办，能加急吗", 3);
        assertThat(reply.answered()).as(reply.message()).isTrue();
        assertThat(reply.passages().getFirst().articleId()).isEqualTo(article("居民身份证办理、补领与换领"));
        assertThat(reply.similarity()).isGreaterThan(0.5);
        assertThat(reply.coverage()).isGreaterThanOrEqualTo(0.4);
    }

    static final String COLLOQUIAL = "家里那张旧沙发太大了楼道放不下，想扔掉找谁来拉";
    static final String COLLOQUIAL_ANSWER = "生活垃圾分类与大件垃圾清运";
}
