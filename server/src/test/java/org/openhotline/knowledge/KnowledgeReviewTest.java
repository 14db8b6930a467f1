package org.openhotline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.knowledge.KnowledgeFixtures.category;
import static org.openhotline.knowledge.KnowledgeFixtures.draft;
import static org.openhotline.knowledge.KnowledgeFixtures.ok;
import static org.openhotline.knowledge.KnowledgeFixtures.q;

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
class KnowledgeReviewTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private long found(ApiClient client, String text, long cat) {
        return ok(client.get("/api/knowledge/search?q=" + q(text) + "&categoryId=" + cat)).json().path("total").asLong();
    }

    @Test
    void draftToReviewToPublishedToUnpublishedWithTheReviewerRecorded() {
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        var manager = ApiClient.loggedIn(port, "manager");
        var agent = ApiClient.loggedIn(port, "agent6");
        long cat = category(editor, "PUBLIC", List.of());
        long id = draft(editor, cat, "犬只登记办理", "<p>养犬人应在犬只满三个月时办理犬只登记。</p>");

        assertThat(agent.get("/api/knowledge/articles/" + id).status()).as("drafts are the editors' business").isEqualTo(404);
        assertThat(found(agent, "犬只登记", cat)).isZero();
        assertThat(manager.post("/api/knowledge/articles/" + id + "/approve", Map.of()).status())
                .as("only pending articles are approved").isEqualTo(409);

        ok(editor.post("/api/knowledge/articles/" + id + "/submit", null));
        var queue = ok(manager.get("/api/knowledge/review-queue?size=200")).json();
        assertThat(StreamSupport.stream(queue.path("items").spliterator(), false).map(a -> a.path("id").asLong()))
                .contains(id);
        var own = editor.post("/api/knowledge/articles/" + id + "/approve", Map.of());
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.detail()).contains("不能审核自己提交的知识");
        assertThat(agent.post("/api/knowledge/articles/" + id + "/approve", Map.of()).status()).isEqualTo(403);

        var approved = ok(manager.post("/api/knowledge/articles/" + id + "/approve", Map.of("comment", "内容准确"))).json();
        assertThat(approved.path("state").asString()).isEqualTo("PUBLISHED");
        assertThat(approved.path("reviewedBy").asString()).isEqualTo("manager");
        assertThat(found(agent, "犬只登记", cat)).isEqualTo(1);
        assertThat(editor.put("/api/knowledge/articles/" + id, Map.of("categoryId", cat, "title", "改", "bodyHtml",
                "<p>改</p>", "version", approved.path("version").asInt())).status())
                .as("a live article is not edited in place").isEqualTo(409);

        assertThat(manager.post("/api/knowledge/articles/" + id + "/unpublish", Map.of("comment", "")).status())
                .isEqualTo(422);
        ok(manager.post("/api/knowledge/articles/" + id + "/unpublish", Map.of("comment", "政策已调整")));
        assertThat(found(agent, "犬只登记", cat)).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where target = ? and action like 'knowledge.article.%'")
                .param("kb-article:" + id).query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void rejectionNeedsACommentAndReturnsTheDraftThenEditsKeepVersionsWithADiff() {
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        var manager = ApiClient.loggedIn(port, "manager");
        long cat = category(editor, "PUBLIC", List.of());
        long id = draft(editor, cat, "路灯报修", "<p>主干道路灯24小时内修复。</p><p>小区路灯由物业维修。</p>");
        ok(editor.post("/api/knowledge/articles/" + id + "/submit", null));
        assertThat(manager.post("/api/knowledge/articles/" + id + "/reject", Map.of("comment", " ")).status()).isEqualTo(422);
        var rejected = ok(manager.post("/api/knowledge/articles/" + id + "/reject", Map.of("comment", "补充次干道时限"))).json();
        assertThat(rejected.path("state").asString()).isEqualTo("DRAFT");
        assertThat(rejected.path("reviewComment").asString()).isEqualTo("补充次干道时限");

        ok(editor.put("/api/knowledge/articles/" + id, Map.of("categoryId", cat, "title", "路灯报修",
                "bodyHtml", "<p>主干道路灯24小时内修复。</p><p>次干道48小时内修复。</p><p>小区路灯由物业维修。</p>",
                "version", rejected.path("version").asInt())));
        var diff = ok(editor.get("/api/knowledge/articles/" + id + "/diff?from=1&to=2")).json();
        var lines = StreamSupport.stream(diff.path("lines").spliterator(), false)
                .map(l -> l.path("op").asString() + ":" + l.path("text").asString()).toList();
        assertThat(lines).containsExactly("SAME:主干道路灯24小时内修复。", "ADDED:次干道48小时内修复。", "SAME:小区路灯由物业维修。");
        assertThat(ok(editor.get("/api/knowledge/articles/" + id + "/versions")).json().size()).isEqualTo(2);
    }

    @Test
    void aLiveArticleIsRevisedWhileItStaysPublishedAndTheApprovedRevisionReplacesIt() {
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        var manager = ApiClient.loggedIn(port, "manager");
        var agent = ApiClient.loggedIn(port, "agent6");
        long cat = category(editor, "PUBLIC", List.of());
        long id = KnowledgeFixtures.published(editor, manager, cat, "古树名木保护",
                "<p>损害古树名木可拨打园林热线举报。</p><p>古树移植须经市园林局批准。</p>");
        String revisionUrl = "/api/knowledge/articles/" + id + "/revision";
        var form = Map.of("categoryId", cat, "title", "古树名木保护与认养",
                "bodyHtml", "<p>损害古树名木可拨打园林热线举报。</p><p>市民可申请认养古树名木。</p>", "note", "增加认养");

        var draft = ok(editor.put(revisionUrl, form)).json();
        assertThat(draft.path("state").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("revision").asInt()).isEqualTo(2);
        var live = ok(agent.get("/api/knowledge/articles/" + id)).json().path("article");
        assertThat(live.path("title").asString()).as("the published text stays live").isEqualTo("古树名木保护");
        assertThat(live.path("state").asString()).isEqualTo("PUBLISHED");
        assertThat(found(agent, "移植", cat)).isEqualTo(1);
        assertThat(found(agent, "认养", cat)).as("the revision is not searchable before approval").isZero();
        assertThat(agent.get(revisionUrl).status()).as("revisions are the editors' business").isEqualTo(404);

        ok(editor.post(revisionUrl + "/submit", null));
        assertThat(editor.put(revisionUrl, form).status()).as("not edited while under review").isEqualTo(409);
        var queue = ok(manager.get("/api/knowledge/review-queue/revisions")).json();
        assertThat(StreamSupport.stream(queue.spliterator(), false).map(r -> r.path("articleId").asLong())).contains(id);
        assertThat(editor.post(revisionUrl + "/approve", Map.of()).status()).as("four eyes").isEqualTo(409);
        assertThat(manager.post(revisionUrl + "/reject", Map.of("comment", " ")).status()).isEqualTo(422);
        var returned = ok(manager.post(revisionUrl + "/reject", Map.of("comment", "写明认养途径"))).json();
        assertThat(returned.path("state").asString()).isEqualTo("DRAFT");
        assertThat(found(agent, "移植", cat)).as("a returned revision leaves the live text alone").isEqualTo(1);

        ok(editor.put(revisionUrl, Map.of("categoryId", cat, "title", "古树名木保护与认养", "bodyHtml",
                "<p>损害古树名木可拨打园林热线举报。</p><p>市民可通过园林局网站申请认养古树名木。</p>",
                "version", returned.path("version").asInt())));
        ok(editor.post(revisionUrl + "/submit", null));
        var approved = ok(manager.post(revisionUrl + "/approve", Map.of("comment", "可以"))).json();
        assertThat(approved.path("state").asString()).isEqualTo("PUBLISHED");
        assertThat(approved.path("title").asString()).isEqualTo("古树名木保护与认养");
        assertThat(approved.path("revision").asInt()).isEqualTo(2);
        assertThat(approved.path("reviewedBy").asString()).isEqualTo("manager");
        assertThat(found(agent, "认养", cat)).isEqualTo(1);
        assertThat(found(agent, "移植", cat)).isZero();
        assertThat(editor.get(revisionUrl).status()).isEqualTo(404);

        var diff = ok(editor.get("/api/knowledge/articles/" + id + "/diff?from=1&to=2")).json();
        var lines = StreamSupport.stream(diff.path("lines").spliterator(), false)
                .map(l -> l.path("op").asString() + ":" + l.path("text").asString()).toList();
        assertThat(lines).contains("SAME:损害古树名木可拨打园林热线举报。", "REMOVED:古树移植须经市园林局批准。",
                "ADDED:市民可通过园林局网站申请认养古树名木。");
        assertThat(ok(editor.get("/api/knowledge/articles/" + id + "/versions")).json().size()).isEqualTo(2);

        // A revision given up leaves no trace in the versions; the next one takes the same number.
        ok(editor.put(revisionUrl, form));
        assertThat(editor.delete(revisionUrl).status()).isEqualTo(204);
        assertThat(ok(editor.get("/api/knowledge/articles/" + id + "/versions")).json().size()).isEqualTo(2);
        assertThat(ok(editor.put(revisionUrl, form)).json().path("revision").asInt()).isEqualTo(3);
        assertThat(editor.put("/api/knowledge/articles/" + id + "/revision", Map.of("categoryId", cat, "title", "x",
                "bodyHtml", "<p>x</p>", "version", 99)).status()).as("a stale revision is refused").isEqualTo(409);
    }

    @Test
    void scriptInTheBodyIsRemovedBeforeItIsStored() {
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        long cat = category(editor, "PUBLIC", List.of());
        var created = ok(editor.post("/api/knowledge/articles", Map.of("categoryId", cat, "title", "测试清洗",
                "bodyHtml", "<p onclick=\"x()\">正文<script>alert(1)</script><a href=\"javascript:alert(2)\">链接</a>"
                        + "<img src=x onerror=alert(3)></p>"))).json();
        assertThat(created.path("bodyHtml").asString()).isEqualTo("<p>正文<a>链接</a></p>");
    }

    @Test
    void columnsDecideWhoReadsAndWrites() {
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        var manager = ApiClient.loggedIn(port, "manager");
        long internal = category(editor, "INTERNAL", List.of("AGENT"));
        long id = KnowledgeFixtures.published(editor, manager, internal, "内部口径：信访件转办", "<p>信访件统一转信访局。</p>");
        var agent = ApiClient.loggedIn(port, "agent1");
        var unit = ApiClient.loggedIn(port, "zjj1");
        assertThat(agent.get("/api/knowledge/articles/" + id).status()).isEqualTo(200);
        assertThat(unit.get("/api/knowledge/articles/" + id).status()).as("internal column, agents only").isEqualTo(404);
        assertThat(found(unit, "信访件", internal)).isZero();
        assertThat(agent.post("/api/knowledge/articles", Map.of("categoryId", internal, "title", "t", "bodyHtml", "<p>b</p>"))
                .status()).as("agents read, they do not write").isEqualTo(403);

        // A unit's own base (独立知识库), opened for the unit by an editor: its staff write in it; nobody else sees it.
        long zjj = jdbc.sql("select id from org_node where code = 'ZJJ'").query(Long.class).single();
        var own = ok(editor.post("/api/knowledge/categories", Map.of("name", "住建局测试库", "visibility", "PRIVATE",
                "ownerNodeId", zjj))).json();
        long ownCat = own.path("id").asLong();
        long mine = draft(unit, ownCat, "本局测试口径", "<p>仅本局可见的答复口径。</p>");
        assertThat(unit.get("/api/knowledge/articles/" + mine).status()).isEqualTo(200);
        assertThat(agent.get("/api/knowledge/articles/" + mine).status()).isEqualTo(404);
        assertThat(ApiClient.loggedIn(port, "cgj1").get("/api/knowledge/articles/" + mine).status()).isEqualTo(404);
        assertThat(editor.get("/api/knowledge/articles/" + mine).status()).as("not even the hotline's editors").isEqualTo(404);
    }
}
