package org.openhotline.knowledge.internal.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@HotlineTest
class ExpiryRemindersTest {

    @LocalServerPort
    int port;

    @Autowired
    ExpiryReminders reminders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    /**
     * The test's own category holds three published articles: one expiring in 10 days (inside the 30-day notice),
     * one in 60 days and one expired yesterday (both outside it). A run reminds exactly the first: its reminded
     * date is today, one audit row names it, the editor's list shows the date; a second run reminds nothing again.
     */
    @Test
    void articlesAboutToExpireAreRemindedOnceAndListedForTheEditors() {
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        LocalDate today = LocalDate.now(clock);
        long cat = editor.post("/api/knowledge/categories", Map.of("name", "到期提醒测试", "visibility", "PUBLIC"))
                .json().path("id").asLong();
        long soon = published(editor, cat, "即将到期的停车收费标准", today.plusDays(10));
        long later = published(editor, cat, "明年到期的停车收费标准", today.plusDays(60));
        long expired = published(editor, cat, "已过期的停车收费标准", today.minusDays(1));
        assertThat(reminded(soon)).as("not reminded before the run").isNull();

        int first = reminders.remind();
        assertThat(first).as("the run reminded at least the article due in 10 days").isPositive();
        assertThat(reminded(soon)).as("reminded today").isEqualTo(today);
        assertThat(reminded(later)).as("60 days ahead is outside the notice period").isNull();
        assertThat(reminded(expired)).as("an expired article is not reminded").isNull();
        Wait.until("the reminder audited", () -> audits(soon) == 1, Duration.ofSeconds(10), () -> "audits " + audits(soon));

        assertThat(reminders.remind()).as("a second run reminds nothing").isZero();
        assertThat(reminded(soon)).isEqualTo(today);
        assertThat(audits(soon)).as("reminded once").isEqualTo(1);
        assertThat(audits(later) + audits(expired)).isZero();

        var listed = editor.get("/api/knowledge/expiring?days=30").json().valueStream()
                .filter(e -> e.path("id").asLong() == soon).findFirst().orElseThrow();
        assertThat(listed.path("reminded").asString()).isEqualTo(today.toString());
        assertThat(listed.path("expiresOn").asString()).isEqualTo(today.plusDays(10).toString());
        assertThat(editor.get("/api/knowledge/expiring?days=30").json().valueStream().map(e -> e.path("id").asLong()))
                .as("the list holds the expired article too, not the one 60 days ahead").contains(expired).doesNotContain(later);
    }

    private long published(ApiClient editor, long cat, String title, LocalDate expiresOn) {
        var created = editor.post("/api/knowledge/articles", Map.of("categoryId", cat, "title", title,
                "bodyHtml", "<p>" + title + "：按政府定价执行。</p>", "effectiveFrom", LocalDate.now(clock).minusYears(1).toString(),
                "expiresOn", expiresOn.toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(editor.post("/api/knowledge/articles/" + id + "/submit", null).status()).isEqualTo(200);
        var approved = ApiClient.loggedIn(port, "manager").post("/api/knowledge/articles/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    private LocalDate reminded(long article) {
        return jdbc.sql("select expiry_reminded from kb_article where id = ?").param(article)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).list().getFirst();
    }

    private long audits(long article) {
        return jdbc.sql("select count(*) from audit_event where action = 'knowledge.article.expiry-reminded' and target = ?")
                .param("kb-article:" + article).query(Long.class).single();
    }

    @Test
    void anExpiredArticleLeavesTheSearchButEditorsCanStillFindIt() {
        var editor = ApiClient.loggedIn(port, "kbeditor1");
        long cat = editor.post("/api/knowledge/categories", Map.of("name", "过期测试", "visibility", "PUBLIC"))
                .json().path("id").asLong();
        long id = editor.post("/api/knowledge/articles", Map.of("categoryId", cat, "title", "旧版冬季供暖补贴",
                "bodyHtml", "<p>冬季供暖补贴已于去年停止发放。</p>", "effectiveFrom", LocalDate.now().minusYears(1).toString(),
                "expiresOn", LocalDate.now().minusDays(1).toString())).json().path("id").asLong();
        editor.post("/api/knowledge/articles/" + id + "/submit", null);
        assertThat(ApiClient.loggedIn(port, "manager").post("/api/knowledge/articles/" + id + "/approve", Map.of()).status())
                .isEqualTo(200);
        String q = URLEncoder.encode("供暖补贴", StandardCharsets.UTF_8);
        assertThat(ApiClient.loggedIn(port, "agent1").get("/api/knowledge/search?q=" + q + "&categoryId=" + cat)
                .json().path("total").asLong()).isZero();
        assertThat(editor.get("/api/knowledge/search?includeExpired=true&q=" + q + "&categoryId=" + cat)
                .json().path("total").asLong()).isEqualTo(1);
        assertThat(ApiClient.loggedIn(port, "agent1").post("/api/knowledge/articles/" + id + "/citations",
                Map.of("context", "INTAKE")).status()).as("an expired article is not cited").isEqualTo(409);
    }
}
