package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.reporting.internal.periodic.ReportSchedule;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 分析报告: the schedule produces each kind's last completed period with its publish-by day in working days (a
 * monthly report within 8), and a generated .docx, parsed back, holds the KPI table with the API's own numbers and
 * the manager's commentary; publishing freezes it, a stale edit is refused.
 */
@HotlineTest
class PeriodicReportTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ReportSchedule schedule;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theScheduleProducesTheLastCompletedPeriodOfEachKindDueInWorkingDays() {
        // Tuesday 4 March 2031: February is over, so is the week of 24 Feb–2 Mar and Monday 3 March
        clock.set(LocalDateTime.of(2031, 3, 4, 2, 0).atZone(clock.getZone()).toInstant());
        schedule.runDue();
        var manager = ApiClient.loggedIn(port, "manager");
        Map<String, JsonNode> byKind = new HashMap<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            byKind.clear();
            for (JsonNode r : manager.get("/api/reports/periodic").json()) {
                if (r.path("from").asString().startsWith("203")) {
                    byKind.put(r.path("kind").asString() + " " + r.path("from").asString(), r);
                }
            }
            return byKind.keySet().containsAll(List.of("MONTHLY 2031-02-01", "WEEKLY 2031-02-24", "DAILY 2031-03-03",
                    "YEARLY 2030-01-01")) && byKind.values().stream().noneMatch(r -> r.path("state").asString().equals("GENERATING"));
        });
        JsonNode monthly = byKind.get("MONTHLY 2031-02-01");
        assertThat(monthly.path("to").asString()).isEqualTo("2031-02-28");
        // March 2031 begins on a Saturday: working days 3, 4, 5, 6, 7, 10, 11, 12 — the 8th is the 12th
        assertThat(monthly.path("dueOn").asString()).isEqualTo("2031-03-12");
        assertThat(monthly.path("state").asString()).isEqualTo("DRAFT");
        assertThat(byKind.get("WEEKLY 2031-02-24").path("to").asString()).isEqualTo("2031-03-02");
        assertThat(byKind.get("WEEKLY 2031-02-24").path("dueOn").asString()).isEqualTo("2031-03-04");
        assertThat(byKind.get("DAILY 2031-03-03").path("dueOn").asString()).isEqualTo("2031-03-04");
        assertThat(byKind.get("YEARLY 2030-01-01").path("to").asString()).isEqualTo("2030-12-31");
        // once per period: running again starts nothing
        assertThat(schedule.runDue()).isEmpty();
    }

    @Test
    void aGeneratedDocxHoldsTheKpiTableWithTheApisNumbersAndTheCommentary() throws Exception {
        var f = new ReportingFixture(port, jdbc, clock);
        LocalDate day = f.ownDay(303);
        var agent = ApiClient.loggedIn(port, "agent4");
        f.order(agent, "PHONE", "CONSULTATION", "社保卡丢失怎么补办", Map.of("mode", "DIRECT_REPLY", "reply", "到社保窗口补办"));
        f.order(agent, "WEB", "CONSULTATION", "公积金提取需要哪些材料", null);
        f.order(agent, "WECHAT", "COMPLAINT", "夜间施工噪音扰民", null);
        f.awaitFacts();
        clock.set(day.plusDays(1).atTime(8, 0).atZone(clock.getZone()).toInstant());

        var manager = ApiClient.loggedIn(port, "manager");
        var started = manager.post("/api/reports/periodic", Map.of("kind", "DAILY", "day", day.toString()));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long id = started.json().path("id").asLong();
        JsonNode draft = Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> manager.get("/api/reports/periodic/" + id).json(), r -> r.path("state").asString().equals("DRAFT"));
        assertThat(draft.path("progress").asInt()).isEqualTo(100);

        var stale = manager.put("/api/reports/periodic/" + id + "/commentary",
                Map.of("commentary", "旧版本", "version", draft.path("version").asInt() - 1));
        assertThat(stale.status()).isEqualTo(409);
        var commented = manager.put("/api/reports/periodic/" + id + "/commentary",
                Map.of("commentary", "本日咨询量平稳，网络渠道占比上升。", "version", draft.path("version").asInt()));
        assertThat(commented.status()).as(commented.body()).isEqualTo(200);
        // a leader sees published reports only
        var leader = ApiClient.loggedIn(port, "leader");
        assertThat(leader.get("/api/reports/periodic/" + id).status()).isEqualTo(404);
        var published = manager.post("/api/reports/periodic/" + id + "/publish",
                Map.of("version", commented.json().path("version").asInt()));
        assertThat(published.status()).as(published.body()).isEqualTo(200);

        var docx = leader.get("/api/reports/periodic/" + id + "/document");
        assertThat(docx.status()).as(docx.body()).isEqualTo(200);
        JsonNode api = f.kpis(manager, "from=" + day + "&to=" + day);
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx.bytes()))) {
            String text = doc.getParagraphs().stream().map(p -> p.getText()).reduce("", (a, b) -> a + "\n" + b);
            assertThat(text).contains("本日咨询量平稳，网络渠道占比上升。").contains(day + " 日报（正式）");
            XWPFTable kpis = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("指标"))
                    .findFirst().orElseThrow();
            int checked = 0;
            for (JsonNode k : api.path("kpis")) {
                var row = kpis.getRows().stream().filter(r -> r.getCell(1).getText().equals(k.path("code").asString()))
                        .findFirst().orElseThrow(() -> new AssertionError("no row for " + k.path("code")));
                assertThat(row.getCell(2).getText()).as(k.path("code").asString()).isEqualTo(ReportingFixture.number(k.path("numerator")));
                assertThat(row.getCell(3).getText()).as(k.path("code").asString()).isEqualTo(ReportingFixture.number(k.path("denominator")));
                checked++;
            }
            assertThat(checked).isGreaterThanOrEqualTo(20);
            assertThat(ReportingFixture.figures(api, "direct-reply-rate").get(1)).isNotEqualTo("0");
            assertThat(doc.getAllPictures()).isNotEmpty();
        }
        var again = manager.put("/api/reports/periodic/" + id + "/commentary",
                Map.of("commentary", "发布后修改", "version", published.json().path("version").asInt()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains("已发布");
    }
}
