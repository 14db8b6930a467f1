package org.openhotline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.knowledge.KnowledgeFixtures.category;
import static org.openhotline.knowledge.KnowledgeFixtures.draft;
import static org.openhotline.knowledge.KnowledgeFixtures.ok;
import static org.openhotline.knowledge.KnowledgeFixtures.q;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 20 item 2: nobody publishes knowledge alone. Columns are opened only by knowledge editors and the hotline
 * manager; every article needs a second person with the reviewer permission; the admins and the city leader neither
 * open columns nor read what agents ask units (知识提问).
 */
@HotlineTest
class KnowledgeRightsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private long zjj() {
        return jdbc.sql("select id from org_node where code = 'ZJJ'").query(Long.class).single();
    }

    private long columnsNamed(String name) {
        return jdbc.sql("select count(*) from kb_category where name = ?").param(name).query(Long.class).single();
    }

    private long found(ApiClient client, String text) {
        return ok(client.get("/api/knowledge/search?q=" + q(text))).json().path("total").asLong();
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent1", "zjj1", "zjj_leader", "teamleader1", "sysadmin", "secadmin", "auditadmin", "leader"})
    void onlyEditorsAndTheManagerOpenColumnsAndNothingIsLeftBehind(String who) {
        var client = ApiClient.loggedIn(port, who);
        String name = "越权栏目-" + who;
        for (String visibility : List.of("PUBLIC", "INTERNAL", "PRIVATE")) {
            var r = client.post("/api/knowledge/categories", Map.of("name", name, "visibility", visibility));
            assertThat(r.status()).as(who + " opens a " + visibility + " column").isEqualTo(403);
            assertThat(r.detail()).contains("知识栏目");
        }
        var own = client.post("/api/knowledge/categories", Map.of("name", name, "visibility", "PRIVATE",
                "ownerNodeId", zjj()));
        assertThat(own.status()).as(who + " opens a unit's private base").isEqualTo(403);
        assertThat(columnsNamed(name)).isZero();

        var editor = ApiClient.loggedIn(port, "kbeditor1");
        long existing = category(editor, "PUBLIC", List.of());
        var edit = client.put("/api/knowledge/categories/" + existing, Map.of("name", name, "visibility", "PUBLIC",
                "version", 0));
        assertThat(edit.status()).as(who + " renames a column").isEqualTo(403);
        assertThat(columnsNamed(name)).isZero();
    }

    @Test
    void theManagerOpensAUnitsBaseWhoseStaffWriteButCannotPublishAlone() {
        var manager = ApiClient.loggedIn(port, "manager");
        var created = ok(manager.post("/api/knowledge/categories", Map.of("name", "住建局独立库-审核测试",
                "visibility", "PRIVATE", "ownerNodeId", zjj()))).json();
        assertThat(created.path("reviewRequired").asBoolean()).isTrue();
        long ownCat = created.path("id").asLong();
        assertThat(manager.post("/api/knowledge/categories", Map.of("name", "无主独立库", "visibility", "PRIVATE"))
                .status()).as("a private base belongs to a unit").isEqualTo(422);

        var unit = ApiClient.loggedIn(port, "zjj1");
        long mine = draft(unit, ownCat, "独立库未审口径", "<p>未经审核的住建局答复口径独一无二词瑶琨。</p>");
        var submitted = ok(unit.post("/api/knowledge/articles/" + mine + "/submit", null)).json();
        assertThat(submitted.path("state").asString()).as("no column publishes without review").isEqualTo("PENDING");
        assertThat(unit.post("/api/knowledge/articles/" + mine + "/approve", Map.of()).status())
                .as("a handler holds no reviewer permission").isEqualTo(403);
        assertThat(manager.post("/api/knowledge/articles/" + mine + "/approve", Map.of()).status())
                .as("the hotline does not review inside a unit's base").isEqualTo(404);
        assertThat(found(unit, "瑶琨")).isZero();
        assertThat(found(ApiClient.loggedIn(port, "agent1"), "瑶琨")).isZero();
        assertThat(jdbc.sql("select state from kb_article where id = ?").param(mine).query(String.class).single())
                .isEqualTo("PENDING");
    }

    @Test
    void theAuthorNeverApprovesButASecondReviewerDoes() {
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        var manager = ApiClient.loggedIn(port, "manager");
        long cat = category(editor, "PUBLIC", List.of());
        long id = draft(editor, cat, "四眼原则测试", "<p>唯一词琼瑰只在审核通过后可查。</p>");
        ok(editor.post("/api/knowledge/articles/" + id + "/submit", null));
        var own = editor.post("/api/knowledge/articles/" + id + "/approve", Map.of());
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.detail()).contains("不能审核自己");
        assertThat(found(editor, "琼瑰")).isZero();

        var approved = ok(manager.post("/api/knowledge/articles/" + id + "/approve", Map.of("comment", "同意"))).json();
        assertThat(approved.path("state").asString()).isEqualTo("PUBLISHED");
        assertThat(approved.path("reviewedBy").asString()).isEqualTo("manager");
        var hits = ok(ApiClient.loggedIn(port, "agent1").get("/api/knowledge/search?q=" + q("琼瑰"))).json();
        assertThat(hits.path("items").get(0).path("title").asString()).isEqualTo("四眼原则测试");

        // A revision: its writer does not approve it either.
        String revision = "/api/knowledge/articles/" + id + "/revision";
        ok(editor.put(revision, Map.of("categoryId", cat, "title", "四眼原则测试（修订）", "bodyHtml", "<p>修订稿词璎珞。</p>")));
        ok(editor.post(revision + "/submit", null));
        assertThat(editor.post(revision + "/approve", Map.of()).status()).isEqualTo(409);
        assertThat(found(editor, "璎珞")).isZero();
        ok(manager.post(revision + "/approve", Map.of()));
        assertThat(found(editor, "璎珞")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sysadmin", "secadmin", "auditadmin", "leader"})
    void theAdminsAndTheLeaderDoNotReadKnowledgeQuestions(String who) {
        var agent = ApiClient.loggedIn(port, "agent2");
        long question = ok(agent.post("/api/knowledge/questions", Map.of("question", "老旧小区加装电梯补贴怎么申请？",
                "unitId", zjj()))).json().path("question").path("id").asLong();
        var client = ApiClient.loggedIn(port, who);
        for (String box : List.of("inbox", "mine", "all")) {
            assertThat(client.get("/api/knowledge/questions?box=" + box).status()).as(who + " box=" + box).isEqualTo(403);
        }
        assertThat(client.get("/api/knowledge/questions/" + question).status()).isEqualTo(403);
        assertThat(client.post("/api/knowledge/questions/" + question + "/answer", Map.of("answer", "x")).status())
                .isEqualTo(403);
        assertThat(jdbc.sql("select state from kb_question where id = ?").param(question).query(String.class).single())
                .isEqualTo("OPEN");
    }
}
