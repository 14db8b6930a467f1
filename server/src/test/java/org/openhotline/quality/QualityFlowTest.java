package org.openhotline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The manual half of quality inspection through the API: a plan draws each agent's share with the weighted stratum,
 * a fatal item scores 0 and the result reaches the coverage and the {@code qc-coverage} KPI; the appeal deadline is
 * counted in working days; a second inspector changes the score with a reason, on the timeline.
 */
@HotlineTest
class QualityFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    BusinessCalendar calendar;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private QualityFixture f() {
        return fixture();
    }

    private QualityFixture fixture() {
        return new QualityFixture(port, jdbc);
    }

    /** The agent's group in the quality analysis of {@code month}, null when it has no results there. */
    private JsonNode analysisOf(long agent, String month) {
        var analysis = ApiClient.loggedIn(port, "manager").get("/api/quality/analysis?from=" + month + "&to=" + month + "&by=agent");
        assertThat(analysis.status()).as(analysis.body()).isEqualTo(200);
        for (JsonNode g : analysis.json().path("groups")) {
            if (g.path("key").asLong() == agent) {
                return g;
            }
        }
        return null;
    }

    private static Map<String, Object> score(JsonNode task, Map<String, Object> answers) {
        return Map.of("answers", answers, "comments", List.of(Map.of("at", 12.5, "text", "开头语不规范")), "summary", "需改进",
                "version", task.path("version").asInt());
    }

    @Test
    void aPlanDrawsEachAgentsShareWithItsStratumAndAFatalResultReachesCoverageAndTheKpi() {
        var f = fixture();
        YearMonth month = QualityFixture.ownMonth();
        f.calls("flow", "agent4", month, 40, 4);
        f.calls("flow", "agent5", month, 20, 0);
        JsonNode plan = f.drawnPlan("五月抽检", month, 10, Map.of("DISSATISFIED", 100.0), List.of("qc1", "qc2"), 2031L);
        assertThat(plan.path("state").asString()).isEqualTo("DRAWN");
        assertThat(plan.path("seed").asLong()).isEqualTo(2031L);
        assertThat(plan.path("drawnCount").asInt()).isEqualTo(4 + 2);

        List<JsonNode> tasks = new java.util.ArrayList<>(f.tasks("qc1", plan.path("id").asLong()));
        tasks.addAll(f.tasks("qc2", plan.path("id").asLong()));
        assertThat(tasks).hasSize(6);
        assertThat(f.tasks("qc1", plan.path("id").asLong())).hasSize(3);
        // agent4's four dissatisfied calls weigh 101 against 1: the sample of four is (nearly surely) them
        assertThat(tasks.stream().filter(t -> "DISSATISFIED".equals(t.path("stratum").asString())).count()).isGreaterThanOrEqualTo(3);

        JsonNode task = f.tasks("qc1", plan.path("id").asLong()).getFirst();
        var qc1 = ApiClient.loggedIn(port, "qc1");
        long id = task.path("id").asLong();
        long agent = task.path("agentId").asLong();
        // the analysis is of the month of submission, ours or not: this month's earlier results of the agent (a
        // first try's, rerun in the same database) are counted before ours
        String now = YearMonth.now(clock).toString();
        JsonNode earlier = analysisOf(agent, now);
        var draft = qc1.post("/api/quality/inspections/" + id + "/draft", score(task, Map.of("greeting", Map.of("deduction", 5))));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().path("inspection").path("state").asString()).isEqualTo("DRAFT");
        var stale = qc1.post("/api/quality/inspections/" + id + "/submit", score(task, Map.of()));
        assertThat(stale.status()).isEqualTo(409);
        var submitted = qc1.post("/api/quality/inspections/" + id + "/submit", score(draft.json().path("inspection"),
                Map.of("greeting", Map.of("deduction", 5), "rude", Map.of("fatal", true, "note", "顶撞市民"))));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().path("inspection").path("score").decimalValue()).isZero();
        assertThat(submitted.json().path("inspection").path("fatal").asBoolean()).isTrue();
        assertThat(submitted.json().path("comments").get(0).path("at").asDouble()).isEqualTo(12.5);
        assertThat(qc1.post("/api/quality/inspections/" + id + "/submit", score(submitted.json().path("inspection"), Map.of())).status())
                .isEqualTo(409);

        var coverage = ApiClient.loggedIn(port, "manager").get("/api/quality/coverage?month=" + month);
        JsonNode mine = null;
        for (JsonNode c : coverage.json()) {
            if (c.path("agentId").asLong() == agent) {
                mine = c;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("sampled").asInt()).isEqualTo(agent == f.accountId("agent4") ? 4 : 2);
        assertThat(mine.path("inspected").asInt()).isEqualTo(1);

        // results are placed in the month they were submitted
        var analysis = ApiClient.loggedIn(port, "manager").get("/api/quality/analysis?from=" + now + "&to=" + now + "&by=agent");
        assertThat(analysis.status()).as(analysis.body()).isEqualTo(200);
        JsonNode group = analysisOf(agent, now);
        assertThat(group).isNotNull();
        int before = earlier == null ? 0 : earlier.path("results").asInt();
        assertThat(group.path("results").asInt()).isEqualTo(before + 1);
        assertThat(group.path("fatal").asInt()).isEqualTo((earlier == null ? 0 : earlier.path("fatal").asInt()) + 1);
        // ours scored 0
        java.math.BigDecimal sumBefore = earlier == null ? java.math.BigDecimal.ZERO
                : earlier.path("averageScore").decimalValue().multiply(java.math.BigDecimal.valueOf(before));
        assertThat(group.path("averageScore").decimalValue()).isCloseTo(
                sumBefore.divide(java.math.BigDecimal.valueOf(before + 1), 2, java.math.RoundingMode.HALF_UP),
                org.assertj.core.data.Offset.offset(new java.math.BigDecimal("0.02")));
        assertThat(analysis.json().path("items").toString()).contains("辱骂、顶撞市民或泄露市民信息").contains("开头语、结束语规范");
        assertThat(ApiClient.loggedIn(port, "manager").get("/api/quality/analysis/export?from=" + now + "&to=" + now + "&by=month").status())
                .isEqualTo(200);

        Wait.until("qc-coverage counts the result", () -> {
            JsonNode k = ApiClient.loggedIn(port, "manager").get("/api/reports/kpis?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth() + "&codes=qc-coverage").json();
            return k.path("kpis").get(0).path("numerator").asLong() == 1 && k.path("kpis").get(0).path("denominator").asLong() == 60
                    ? k : null;
        }, Duration.ofSeconds(30));
    }

    @Test
    void theAgentMayAppealWithinTheWorkingDaysAndASecondInspectorChangesTheScore() {
        var f = fixture();
        YearMonth month = QualityFixture.ownMonth();
        f.calls("appeal", "agent6", month, 2, 0);
        JsonNode plan = f.drawnPlan("七月申诉", month, 100, Map.of(), List.of("qc1"), 7L);
        List<JsonNode> tasks = f.tasks("qc1", plan.path("id").asLong());
        assertThat(tasks).hasSize(2);

        // the appeal window is 3 working days here (RequestFuzzTest may have changed the setting); restored below
        var lead = ApiClient.loggedIn(port, "manager");
        int window = lead.get("/api/quality/settings").json().path("appealWorkingDays").asInt();
        assertThat(lead.put("/api/quality/settings", Map.of("appealWorkingDays", 3)).status()).isEqualTo(200);
        try {
            appealAndReview(tasks);
        } finally {
            lead.put("/api/quality/settings", Map.of("appealWorkingDays", window));
        }
    }

    private void appealAndReview(List<JsonNode> tasks) {
        // submitted on a Friday morning: 3 working days run to the next Wednesday (the weekend does not count)
        LocalDate friday = LocalDate.now(clock).plusWeeks(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        while (!calendar.isWorkingDay(friday) || !calendar.isWorkingDay(friday.plusDays(3)) || !calendar.isWorkingDay(friday.plusDays(4))
                || !calendar.isWorkingDay(friday.plusDays(5))) {
            friday = friday.plusWeeks(1);
        }
        clock.set(friday.atTime(LocalTime.of(10, 0)).atZone(clock.getZone()).toInstant());
        var qc1 = ApiClient.loggedIn(port, "qc1");
        for (JsonNode t : tasks) {
            // both results find a 有理由投诉 (the operator assessment's complaint item)
            Map<String, Object> form = new java.util.HashMap<>(score(t, Map.of("answer", Map.of("deduction", 15, "note", "答复错误"))));
            form.put("complaint", "COMPLAINT");
            var r = qc1.post("/api/quality/inspections/" + t.path("id").asLong() + "/submit", form);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("inspection").path("score").decimalValue()).isEqualByComparingTo("85");
        }
        var agent = ApiClient.loggedIn(port, "agent6");
        JsonNode first = agent.get("/api/quality/inspections/" + tasks.get(0).path("id").asLong()).json();
        Instant due = Instant.parse(first.path("inspection").path("appealDueAt").asString());
        assertThat(due.atZone(clock.getZone()).toLocalDate()).isEqualTo(friday.plusDays(5));
        assertThat(first.path("mayAppeal").asBoolean()).isTrue();
        assertThat(agent.get("/api/quality/inspections?scope=mine").body()).contains("\"id\":" + tasks.get(0).path("id").asLong());
        assertThat(ApiClient.loggedIn(port, "agent7").get("/api/quality/inspections/" + tasks.get(0).path("id").asLong()).status())
                .isEqualTo(403);

        // Wednesday a minute before the deadline: in time
        clock.set(due.minus(1, ChronoUnit.MINUTES));
        var appealed = agent.post("/api/quality/inspections/" + tasks.get(0).path("id").asLong() + "/appeal",
                Map.of("reason", "已按知识库答复，市民后来改口", "version", first.path("inspection").path("version").asInt()));
        assertThat(appealed.status()).as(appealed.body()).isEqualTo(200);
        assertThat(appealed.json().path("inspection").path("state").asString()).isEqualTo("APPEALED");
        // a minute after it: too late
        clock.set(due.plus(1, ChronoUnit.MINUTES));
        JsonNode second = agent.get("/api/quality/inspections/" + tasks.get(1).path("id").asLong()).json();
        var late = agent.post("/api/quality/inspections/" + tasks.get(1).path("id").asLong() + "/appeal",
                Map.of("reason", "晚了", "version", second.path("inspection").path("version").asInt()));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.detail()).contains("申诉期限已过");

        // 二次质检: not by the first inspector; qc2 sees it in the appeals and changes the score with a reason
        long id = tasks.get(0).path("id").asLong();
        int version = appealed.json().path("inspection").path("version").asInt();
        var own = qc1.post("/api/quality/inspections/" + id + "/review", Map.of("answers", Map.of(), "reason", "维持", "version", version));
        assertThat(own.status()).isEqualTo(403);
        var qc2 = ApiClient.loggedIn(port, "qc2");
        assertThat(qc2.get("/api/quality/inspections?scope=appeals").body()).contains("\"id\":" + id);
        var reviewed = qc2.post("/api/quality/inspections/" + id + "/review", Map.of("answers", Map.of("answer", Map.of("deduction", 5)),
                "reason", "答复基本正确，改为扣 5 分，投诉不成立", "version", version, "complaint", "NONE"));
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        JsonNode r = reviewed.json();
        assertThat(r.path("inspection").path("state").asString()).isEqualTo("REVIEWED");
        assertThat(r.path("inspection").path("score").decimalValue()).isEqualByComparingTo("95");
        assertThat(r.path("firstScore").decimalValue()).isEqualByComparingTo("85");
        assertThat(r.path("steps").toString()).contains("appealed").contains("改分 85 → 95");
        Wait.until("the reviewed score reaches the facts", () -> jdbc.sql("select score from rpt_qc_fact where inspection_id = ?")
                .param(id).query(java.math.BigDecimal.class).optional().map(s -> s.compareTo(java.math.BigDecimal.valueOf(95)) == 0)
                .orElse(false) ? true : null, Duration.ofSeconds(30));
        // the withdrawn finding leaves the assessment; the other result's 有理由投诉 stays in it, from QC
        long upheld = tasks.get(1).path("id").asLong();
        String month = java.time.YearMonth.from(friday).toString();
        var manager = ApiClient.loggedIn(port, "manager");
        Wait.until("only the upheld complaint is in the assessment", () -> {
            String adjustments = manager.get("/api/reports/agent-adjustments?month=" + month + "&agentId=" + f().accountId("agent6")).body();
            return adjustments.contains("质检记录 " + upheld) && !adjustments.contains("质检记录 " + id + "，") ? adjustments : null;
        }, Duration.ofSeconds(30));
        assertThat(manager.get("/api/reports/agent-adjustments?month=" + month + "&agentId=" + f().accountId("agent6")).body())
                .contains("\"source\":\"QC\"").contains("\"kind\":\"COMPLAINT\"");
        jdbc.sql("delete from rpt_agent_adjustment where inspection_id in (?, ?)").params(id, upheld).update();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'quality.appeal-reviewed' and target = ?")
                .param("qc-inspection:" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void inspectorsScoreACallBlindAndTheCalibrationShowsTheirSpreadAndAgreement() {
        var f = fixture();
        String call = f.calls("calib", "agent9", QualityFixture.ownMonth(), 1, 0).getFirst();
        var lead = ApiClient.loggedIn(port, "manager");
        var created = lead.post("/api/quality/calibrations", Map.of("title", "八月校准", "callId", call, "templateId", f.callTemplate(),
                "inspectorIds", List.of(f.accountId("qc1"), f.accountId("qc2"))));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        long id = created.json().path("id").asLong();
        Map<String, Map<String, Object>> sheets = Map.of(
                "qc1", Map.of("greeting", Map.of("deduction", 5), "answer", Map.of("deduction", 5)),
                "qc2", Map.of("greeting", Map.of("deduction", 5), "answer", Map.of("deduction", 15)));
        for (String who : List.of("qc1", "qc2")) {
            var client = ApiClient.loggedIn(port, who);
            var view = client.get("/api/quality/calibrations/" + id).json();
            if (who.equals("qc1")) {
                assertThat(view.path("blind").asBoolean()).isTrue();
                assertThat(view.path("figures").isNull()).isTrue();
            }
            long task = 0;
            for (JsonNode s : view.path("sheets")) {
                if (s.path("inspectorId").asLong() == f.accountId(who)) {
                    task = s.path("inspectionId").asLong();
                }
            }
            JsonNode t = client.get("/api/quality/inspections/" + task).json().path("inspection");
            assertThat(client.post("/api/quality/inspections/" + task + "/submit", score(t, sheets.get(who))).status()).isEqualTo(200);
        }
        // the agent never sees a calibration sheet
        assertThat(ApiClient.loggedIn(port, "agent9").get("/api/quality/inspections?scope=mine").json()).isEmpty();
        JsonNode figures = ApiClient.loggedIn(port, "qc1").get("/api/quality/calibrations/" + id).json().path("figures");
        // 8 items, all agreed but 答复准确 (5 vs 15)
        assertThat(figures.path("agreementPercent").decimalValue()).isEqualByComparingTo("87.5");
        assertThat(figures.path("scoreSpread").decimalValue()).isEqualByComparingTo("10");
        var withReference = lead.put("/api/quality/calibrations/" + id + "/reference",
                Map.of("answers", sheets.get("qc1"), "version", created.json().path("version").asInt()));
        assertThat(withReference.status()).as(withReference.body()).isEqualTo(200);
        assertThat(withReference.json().path("figures").path("referenceScore").decimalValue()).isEqualByComparingTo("90");
        JsonNode deviations = withReference.json().path("figures").path("deviations");
        assertThat(deviations.get(0).decimalValue()).isEqualByComparingTo("0");
        assertThat(deviations.get(1).decimalValue()).isEqualByComparingTo("-10");
    }

    @Test
    void badInputAndMissingPermissionsAreRefusedInChinese() {
        var lead = ApiClient.loggedIn(port, "manager");
        var empty = lead.post("/api/quality/templates", Map.of("name", "空模板", "kind", "CALL", "items", List.of()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.detail()).contains("评分项");
        var fatalZero = lead.post("/api/quality/templates", Map.of("name", "零分项", "kind", "CALL", "items",
                List.of(Map.of("group", "服务规范", "name", "开头语", "points", 0))));
        assertThat(fatalZero.detail()).contains("只有一票否决项可以为 0 分");
        assertThat(ApiClient.loggedIn(port, "qc1").post("/api/quality/templates", Map.of("name", "x")).status()).isEqualTo(403);
        var plan = lead.post("/api/quality/plans", Map.of("name", "坏月份", "templateId", fixture().callTemplate(), "month", "2031-13",
                "sharePercent", 5, "inspectorIds", List.of(fixture().accountId("qc1")), "dueDays", 3));
        assertThat(plan.status()).isEqualTo(400);
        assertThat(plan.detail()).contains("月份格式");
        var notInspector = lead.post("/api/quality/plans", Map.of("name", "坏人员", "templateId", fixture().callTemplate(), "month", "2031-01",
                "sharePercent", 5, "inspectorIds", List.of(fixture().accountId("agent1")), "dueDays", 3));
        assertThat(notInspector.detail()).contains("不是在用的质检员");
        assertThat(ApiClient.loggedIn(port, "agent1").get("/api/quality/inspections?scope=tasks").status()).isEqualTo(403);
        assertThat(ApiClient.loggedIn(port, "agent1").get("/api/quality/analysis?from=2031-01&to=2031-02").status()).isEqualTo(403);

        // a template saved again is a new version; the old version stays readable
        var created = lead.post("/api/quality/templates", Map.of("name", "回访质检", "kind", "CALL", "items",
                List.of(Map.of("group", "服务规范", "name", "开头语", "points", 10))));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        long versionOne = created.json().path("currentVersionId").asLong();
        var saved = lead.put("/api/quality/templates/" + created.json().path("id").asLong(), Map.of("name", "回访质检", "items",
                List.of(Map.of("key", "i1", "group", "服务规范", "name", "开头语", "points", 20)), "version", created.json().path("version").asInt()));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("currentVersion").asInt()).isEqualTo(2);
        assertThat(saved.json().path("totalPoints").decimalValue()).isEqualByComparingTo("20");
        assertThat(lead.get("/api/quality/templates/versions/" + versionOne).json().path("totalPoints").decimalValue())
                .isEqualByComparingTo("10");
        var staleSave = lead.put("/api/quality/templates/" + created.json().path("id").asLong(), Map.of("name", "回访质检", "items",
                List.of(Map.of("group", "服务规范", "name", "开头语", "points", 30)), "version", created.json().path("version").asInt()));
        assertThat(staleSave.status()).isEqualTo(409);
    }
}
