package org.openhotline.knowledge.internal.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
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

    @Test
    void articlesAboutToExpireAreRemindedOnceAndListedForTheEditors() {
        int first = reminders.remind();
        assertThat(first + jdbc.sql("select count(*) from kb_article where expiry_reminded is not null")
                .query(Integer.class).single()).isPositive();
        assertThat(reminders.remind()).as("reminded once").isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'knowledge.article.expiry-reminded'")
                .query(Long.class).single()).isPositive();
        var expiring = ApiClient.loggedIn(port, "kbeditor1").get("/api/knowledge/expiring?days=30").json();
        assertThat(expiring.size()).isPositive();
        expiring.forEach(e -> assertThat(LocalDate.parse(e.path("expiresOn").asString()))
                .isBeforeOrEqualTo(LocalDate.now().plusDays(31)));
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
