package org.openhotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The manager's edits of the dispatch catalogue (诉求分类), the time limits (办理时限) and the calendar's years, each
 * judged by what the next read shows; other roles are refused and stale versions conflict. Each test creates or
 * uses rows of its own (a category, a rule and the year 2098) and removes them.
 */
@HotlineTest
class CatalogueAndCalendarAdminTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theManagerRenamesAndDisablesACategoryWithItsVersion() {
        var manager = ApiClient.loggedIn(port, "manager");
        var agent = ApiClient.loggedIn(port, "agent9");
        String name = "测试分类" + System.nanoTime() % 100000;
        var created = manager.post("/api/work-orders/categories", Map.of("name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        int version = created.json().path("version").asInt();
        try {
            assertThat(agent.put("/api/work-orders/categories/" + id, Map.of("name", "x", "version", version)).status())
                    .isEqualTo(403);
            var renamed = manager.put("/api/work-orders/categories/" + id,
                    Map.of("name", name + "改", "enabled", false, "version", version));
            assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
            assertThat(manager.get("/api/work-orders/categories?all=false").body()).doesNotContain(name + "改");
            assertThat(manager.get("/api/work-orders/categories?all=true").body()).contains(name + "改");
            var stale = manager.put("/api/work-orders/categories/" + id, Map.of("name", name, "version", version));
            assertThat(stale.status()).isEqualTo(409);
            var missing = manager.put("/api/work-orders/categories/" + id, Map.of("name", name));
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.detail()).contains("版本号");
        } finally {
            jdbc.sql("delete from wo_category where id = ?").param(id).update();
        }
    }

    @Test
    void theManagerEditsATimeLimitRuleWithItsVersion() {
        var manager = ApiClient.loggedIn(port, "manager");
        Map<String, Object> rule = new HashMap<>(Map.of("stage", "HANDLE", "appealType", "SUGGESTION", "urgency", "URGENT",
                "amount", 3, "unit", "WORKING_DAYS", "note", "测试规则"));
        var created = manager.post("/api/calendar/time-limits", rule);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        try {
            rule.put("amount", 4);
            var missing = manager.put("/api/calendar/time-limits/" + id, rule);
            assertThat(missing.status()).isEqualTo(400);
            rule.put("version", created.json().path("version").asInt());
            var edited = manager.put("/api/calendar/time-limits/" + id, rule);
            assertThat(edited.status()).as(edited.body()).isEqualTo(200);
            var listed = manager.get("/api/calendar/time-limits").json();
            boolean found = false;
            for (var p : listed) {
                if (p.path("id").asLong() == id) {
                    assertThat(p.path("amount").asInt()).isEqualTo(4);
                    found = true;
                }
            }
            assertThat(found).isTrue();
            assertThat(manager.put("/api/calendar/time-limits/" + id, rule).status()).as("stale version").isEqualTo(409);
        } finally {
            manager.delete("/api/calendar/time-limits/" + id);
        }
    }

    @Test
    void theManagerSetsAYearsWorkingHoursAndTheListShowsThem() {
        var manager = ApiClient.loggedIn(port, "manager");
        var agent = ApiClient.loggedIn(port, "agent9");
        try {
            assertThat(agent.put("/api/calendar/years/2098", Map.of("workStart", "08:00", "workEnd", "12:00")).status())
                    .isEqualTo(403);
            var saved = manager.put("/api/calendar/years/2098", Map.of("workStart", "08:00", "workEnd", "12:00",
                    "source", "测试依据"));
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            boolean found = false;
            for (var y : manager.get("/api/calendar/years").json()) {
                if (y.path("year").asInt() == 2098) {
                    assertThat(y.path("workStart").asString()).startsWith("08:00");
                    assertThat(y.path("workEnd").asString()).startsWith("12:00");
                    assertThat(y.path("source").asString()).isEqualTo("测试依据");
                    found = true;
                }
            }
            assertThat(found).isTrue();
            assertThat(manager.put("/api/calendar/years/1999", Map.of("workStart", "08:00", "workEnd", "12:00")).status())
                    .isEqualTo(422);
        } finally {
            jdbc.sql("delete from calendar_year where year = 2098").update();
        }
    }
}
