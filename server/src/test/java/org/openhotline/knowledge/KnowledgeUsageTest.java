package org.openhotline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.knowledge.KnowledgeFixtures.category;
import static org.openhotline.knowledge.KnowledgeFixtures.ok;
import static org.openhotline.knowledge.KnowledgeFixtures.published;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@HotlineTest
class KnowledgeUsageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void citingAnArticleReturnsItsAnswerAndCountsForTheHotRanking() {
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        long cat = category(editor, "PUBLIC", List.of());
        long id = published(editor, ApiClient.loggedIn(port, "manager"), cat, "井盖缺失报修",
                "<p>道路井盖缺失请立即拨打12345，城管部门2小时内设置警示并修复。</p>");
        var agent = ApiClient.loggedIn(port, "agent1");
        var citation = ok(agent.post("/api/knowledge/articles/" + id + "/citations",
                Map.of("context", "INTAKE", "ref", "GD-TEST-1"))).json();
        assertThat(citation.path("answer").asString()).contains("2小时内设置警示");
        ok(ApiClient.loggedIn(port, "zjj1").post("/api/knowledge/articles/" + id + "/citations",
                Map.of("context", "UNIT_REPLY", "ref", "GD-TEST-1")));
        assertThat(jdbc.sql("select citations from kb_article where id = ?").param(id).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from kb_citation where article_id = ? and context_ref = 'GD-TEST-1'")
                .param(id).query(Long.class).single()).isEqualTo(2);
        var hot = ok(agent.get("/api/knowledge/hot?period=DAY&limit=50")).json();
        var mine = StreamSupport.stream(hot.spliterator(), false).filter(h -> h.path("articleId").asLong() == id).findFirst();
        assertThat(mine).isPresent();
        assertThat(mine.get().path("citations").asLong()).isEqualTo(2);

        ok(agent.get("/api/knowledge/articles/" + id));
        assertThat(jdbc.sql("select views from kb_article where id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyLiveArticlesCanBeCited() {
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        long cat = category(editor, "PUBLIC", List.of());
        long id = KnowledgeFixtures.draft(editor, cat, "草稿不可引用", "<p>草稿。</p>");
        assertThat(editor.post("/api/knowledge/articles/" + id + "/citations", Map.of("context", "INTAKE")).status())
                .isEqualTo(409);
    }

    @Test
    void favouritesKeepAPersonalNote() {
        var agent = ApiClient.loggedIn(port, "agent2");
        var any = ok(agent.get("/api/knowledge/search?q=" + KnowledgeFixtures.q("异地就医备案"))).json().path("items").get(0);
        long id = any.path("id").asLong();
        ok(agent.put("/api/knowledge/articles/" + id + "/favourite", Map.of("note", "来电常问，先问参保地")));
        var mine = ok(agent.get("/api/knowledge/favourites")).json();
        assertThat(mine.get(0).path("articleId").asLong()).isEqualTo(id);
        assertThat(mine.get(0).path("note").asString()).isEqualTo("来电常问，先问参保地");
        assertThat(ok(ApiClient.loggedIn(port, "agent3").get("/api/knowledge/favourites")).json().size()).isZero();
    }

    @Test
    void aQuestionGoesToTheUnitWhoseDutiesMatchAndItsAnswerBecomesAnArticle() {
        var agent = ApiClient.loggedIn(port, "agent1");
        var asked = ok(agent.post("/api/knowledge/questions", Map.of("question", "商品房预售资金监管账户在哪里查询？"))).json();
        assertThat(asked.path("question").path("unitName").asString()).isEqualTo("江州市住房和城乡建设局");
        long qid = asked.path("question").path("id").asLong();

        var cgj = ApiClient.loggedIn(port, "cgj1");
        assertThat(cgj.post("/api/knowledge/questions/" + qid + "/answer", Map.of("answer", "不是我们")).status()).isEqualTo(403);
        var zjj = ApiClient.loggedIn(port, "zjj1");
        var inbox = ok(zjj.get("/api/knowledge/questions?box=inbox&state=OPEN&size=200")).json();
        assertThat(StreamSupport.stream(inbox.path("items").spliterator(), false)
                .map(v -> v.path("question").path("id").asLong())).contains(qid);
        ok(zjj.post("/api/knowledge/questions/" + qid + "/answer",
                Map.of("answer", "可在江州市住建局官网“预售资金监管”栏目按项目名称查询监管账户。")));

        var editor = ApiClient.loggedIn(port, "kbeditor1");
        long cat = category(editor, "PUBLIC", List.of());
        var converted = ok(editor.post("/api/knowledge/questions/" + qid + "/to-article", Map.of("categoryId", cat))).json();
        assertThat(converted.path("question").path("state").asString()).isEqualTo("CONVERTED");
        long article = converted.path("question").path("articleId").asLong();
        var detail = ok(editor.get("/api/knowledge/articles/" + article)).json().path("article");
        assertThat(detail.path("title").asString()).isEqualTo("商品房预售资金监管账户在哪里查询？");
        assertThat(detail.path("state").asString()).isEqualTo("DRAFT");
        assertThat(detail.path("bodyText").asString()).contains("预售资金监管");
    }
}
