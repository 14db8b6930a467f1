package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.CallCenterFixture;
import org.openhotline.callcenter.internal.RecordedCalls;
import org.openhotline.shared.ExcelSheets;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The report tables on scenarios of their own days, each figure computed by hand below: calls written by the call
 * center's own record writer at exact times (so durations are known to the second), orders taken through the API.
 * Every export holds the API's numbers cell by cell; figures open their records; bad requests get Chinese 4xx.
 */
@HotlineTest
class ReportsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationContext context;

    ReportingFixture f;

    @BeforeEach
    void setUp() {
        f = new ReportingFixture(port, jdbc, clock);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /**
     * Agent A1 sits at the city, A2 in the hotline center (below the city); one skill group G. Local times of day D:
     * C1 arrives 09:00:00, queues :05, rings A1 :10, answered :15, ends 09:03:15 (wait 10 s, talk 180 s), rated 1;
     * C2 arrives 09:10:00, queues :05, rings A1 :30 (not answered), rings A2 :45, answered :50, ends 09:12:50 (wait
     * 45 s, talk 120 s), rated 3; C3 queues 09:40:05 and is abandoned in the queue at 09:41:05; C4 hangs up in the IVR
     * 09:45:30; C5 is A1's outbound call at 10:00; C6 queues 10:05:02, rings A2 10:05:04, caller hangs up 10:05:10.
     * A1: READY 09:00:00, RINGING :10, TALKING :15, ACW 09:03:15, READY 09:03:45, RINGING 09:10:30, READY 09:10:45,
     * NOT_READY 09:30, SIGNED_OUT 10:30. A2: READY 09:10:00, RINGING :45, TALKING :50, READY 09:12:50, RINGING
     * 10:05:04, READY 10:05:10, SIGNED_OUT 10:30.
     */
    @Test
    void callReportsMatchTheScenarioComputedByHand() throws Exception {
        LocalDate day = f.ownDay(64);
        var cc = new CallCenterFixture(port, jdbc);
        // group and agents of this try's own (a rerun in the same database finds the first try's)
        String n = String.valueOf(System.nanoTime() % 1_000_000);
        long g = cc.group("t-rpt" + n, "报表测试组", "LONGEST_IDLE", Map.of());
        long a1 = cc.agent("rptagent1-" + n, "T301-" + n, cc.freeExtension(), Map.of(g, 3));
        long a2 = cc.agent("rptagent2-" + n, "T302-" + n, cc.freeExtension(), Map.of(g, 3), "JZ-12345");
        var calls = new RecordedCalls(context);
        String c = "rpt-" + day + "-";

        at(day, "09:00:00");
        calls.state(a1, AgentState.READY, clock.instant());
        calls.arrived(c + 1, "INBOUND");
        at(day, "09:00:05");
        calls.queued(c + 1, g);
        at(day, "09:00:10");
        calls.offered(c + 1, a1, g);
        calls.state(a1, AgentState.RINGING, clock.instant());
        at(day, "09:00:15");
        calls.answered(c + 1, a1);
        calls.state(a1, AgentState.TALKING, clock.instant());
        at(day, "09:03:15");
        calls.ended(c + 1, null);
        calls.state(a1, AgentState.AFTER_CALL_WORK, clock.instant());
        at(day, "09:03:20");
        calls.rated(c + 1, 1);
        at(day, "09:03:45");
        calls.state(a1, AgentState.READY, clock.instant());

        at(day, "09:10:00");
        calls.state(a2, AgentState.READY, clock.instant());
        calls.arrived(c + 2, "INBOUND");
        at(day, "09:10:05");
        calls.queued(c + 2, g);
        at(day, "09:10:30");
        calls.offered(c + 2, a1, g);
        calls.state(a1, AgentState.RINGING, clock.instant());
        at(day, "09:10:45");
        calls.state(a1, AgentState.READY, clock.instant());
        calls.offered(c + 2, a2, g);
        calls.state(a2, AgentState.RINGING, clock.instant());
        at(day, "09:10:50");
        calls.answered(c + 2, a2);
        calls.state(a2, AgentState.TALKING, clock.instant());
        at(day, "09:12:50");
        calls.ended(c + 2, null);
        calls.state(a2, AgentState.READY, clock.instant());
        at(day, "09:12:55");
        calls.rated(c + 2, 3);

        at(day, "09:30:00");
        calls.state(a1, AgentState.NOT_READY, clock.instant());
        at(day, "09:40:00");
        calls.arrived(c + 3, "INBOUND");
        at(day, "09:40:05");
        calls.queued(c + 3, g);
        at(day, "09:41:05");
        calls.ended(c + 3, "QUEUE");
        at(day, "09:45:00");
        calls.arrived(c + 4, "INBOUND");
        at(day, "09:45:30");
        calls.ended(c + 4, "IVR");
        at(day, "10:00:00");
        calls.arrived(c + 5, "OUTBOUND");
        at(day, "10:00:20");
        calls.answered(c + 5, a1);
        at(day, "10:01:20");
        calls.ended(c + 5, null);
        at(day, "10:05:00");
        calls.arrived(c + 6, "INBOUND");
        at(day, "10:05:02");
        calls.queued(c + 6, g);
        at(day, "10:05:04");
        calls.offered(c + 6, a2, g);
        calls.state(a2, AgentState.RINGING, clock.instant());
        at(day, "10:05:10");
        calls.ended(c + 6, "RINGING");
        calls.state(a2, AgentState.READY, clock.instant());
        at(day, "10:30:00");
        calls.state(a1, AgentState.SIGNED_OUT, clock.instant());
        calls.state(a2, AgentState.SIGNED_OUT, clock.instant());
        at(day, "12:00:00");
        f.awaitFacts();
        clock.set(clock.instant());

        var manager = ApiClient.loggedIn(port, "manager");
        String q = "from=" + day + "&to=" + day;

        // 每日运营情况: inbound C1 C2 C3 C4 C6; C4 ended in the IVR; C1 C2 C3 C6 queued; C1 C2 answered, C1 within 20 s;
        // C3 C6 abandoned; waits 10 + 45, talks 180 + 120; C5 outbound; C1 rated 满意, C2 不满意; A1 and A2 answered
        JsonNode daily = table(manager, "daily-operations", q);
        assertThat(daily.path("rows")).hasSize(1);
        JsonNode d = daily.path("rows").get(0);
        assertThat(d.path("keys").path("period").asString()).isEqualTo(day.toString());
        expect(d.path("values"), "inbound", "5", "ivrOnly", "1", "offered", "4", "answered", "2", "answerRate", "50",
                "within", "1", "withinRate", "25", "abandoned", "2", "abandonRate", "50", "avgWait", "27.5",
                "avgTalk", "150", "outbound", "1", "rated", "2", "satisfactionRate", "50", "agents", "2");
        assertThat(daily.path("totals")).isEqualTo(d.path("values"));
        assertThat(columnLabel(daily, "within")).isEqualTo("20秒内接听");

        // 分时话务分析: 48 half hours; 09:00 holds C1 C2, 09:30 C3 C4, 10:00 C6 (C5 is outbound)
        JsonNode halves = table(manager, "half-hourly", q);
        assertThat(halves.path("rows")).hasSize(48);
        expect(row(halves, "halfHour", "09:00"), "inbound", "2", "offered", "2", "answered", "2", "answerRate", "100",
                "withinRate", "50", "abandoned", "0", "avgWait", "27.5", "avgTalk", "150");
        expect(row(halves, "halfHour", "09:30"), "inbound", "2", "offered", "1", "answered", "0", "answerRate", "0",
                "abandoned", "1", "avgWait", "null");
        expect(row(halves, "halfHour", "10:00"), "inbound", "1", "offered", "1", "answered", "0", "abandoned", "1");
        expect(row(halves, "halfHour", "08:00"), "inbound", "0", "answerRate", "null");
        expect(halves.path("totals"), "inbound", "5", "offered", "4", "answered", "2", "abandoned", "2");
        assertThat(halves.path("rows").get(18).path("labels").path("halfHour").asString()).isEqualTo("09:00–09:30");

        // 坐席话务统计: A1 ready 10 + 405 + 1155 s, busy 5 + 180 + 30 + 15 s, not ready 3600 s; A2 ready 45 + 3134 +
        // 1490 s, busy 5 + 120 + 6 s; occupancy 230 / 1800 and 131 / 4800
        JsonNode agents = table(manager, "agents", q);
        expect(row(agents, "agent", String.valueOf(a1)), "answered", "1", "outbound", "1", "talkSeconds", "180",
                "avgTalk", "180", "rings", "2", "missed", "1", "readySeconds", "1570", "notReadySeconds", "3600",
                "acwSeconds", "30", "loginSeconds", "5400", "occupancy", "12.78", "rated", "1", "satisfactionRate", "100");
        expect(row(agents, "agent", String.valueOf(a2)), "answered", "1", "outbound", "0", "talkSeconds", "120",
                "rings", "2", "missed", "1", "readySeconds", "4669", "loginSeconds", "4800", "occupancy", "2.73",
                "rated", "1", "satisfactionRate", "0");
        expect(agents.path("totals"), "answered", "2", "rings", "4", "missed", "2", "occupancy", "5.47");
        assertThat(labelOf(agents, "agent", String.valueOf(a1))).contains("T301-" + n);
        // the same occupancy as the KPI, and its records now add up to the seconds, not to the number of intervals
        JsonNode occupancy = groupOf(f.kpis(manager, q + "&groupBy=agent"), "occupancy", String.valueOf(a1));
        assertThat(ReportingFixture.number(occupancy.path("numerator"))).isEqualTo("230");
        assertThat(ReportingFixture.number(occupancy.path("value"))).isEqualTo("12.78");
        var kpiRecords = manager.get("/api/reports/kpis/occupancy/records?" + q + "&groupBy=agent&group=" + a1
                + "&part=numerator&size=200").json();
        assertThat(ReportingFixture.number(kpiRecords.path("seconds"))).isEqualTo("230");
        assertThat(kpiRecords.path("total").asLong()).isEqualTo(4);
        assertThat(records(manager, "agents", q + "&k.agent=" + a1, "occupancy").path("sum").asDouble()).isEqualTo(230.0);
        assertThat(records(manager, "agents", q + "&k.agent=" + a1, "missed").path("total").asLong()).isEqualTo(1);

        // 技能组话务统计 for G: C1 C2 C3 C6 queued in G
        JsonNode groups = table(manager, "skill-groups", q + "&group=" + g);
        assertThat(groups.path("rows")).hasSize(1);
        expect(row(groups, "group", String.valueOf(g)), "offered", "4", "answered", "2", "answerRate", "50", "within", "1",
                "withinRate", "25", "queueAbandoned", "1", "ringAbandoned", "1", "abandonRate", "50", "avgWait", "27.5",
                "avgTalk", "150", "talkSeconds", "300", "rated", "2", "satisfied", "1", "satisfactionRate", "50");
        assertThat(labelOf(groups, "group", String.valueOf(g))).isEqualTo("报表测试组");

        // 未接来电统计: C3 (60 s in the queue), C6 (8 s); C4 in the IVR
        expect(table(manager, "unanswered", q).path("totals"), "offered", "4", "unanswered", "2", "queueAbandoned", "1",
                "ringAbandoned", "1", "otherUnanswered", "0", "unansweredRate", "50", "avgAbandonWait", "34",
                "maxAbandonWait", "60", "ivrAbandoned", "1");
        // 漏话统计: each agent one ring answered, one not; rings 5 + 15 s and 5 + 6 s
        JsonNode missed = table(manager, "missed-rings", q);
        expect(row(missed, "agent", String.valueOf(a1)), "rings", "2", "ringAnswered", "1", "missed", "1", "missedRate", "50",
                "ringSeconds", "20", "avgRing", "10");
        expect(row(missed, "agent", String.valueOf(a2)), "rings", "2", "missed", "1", "ringSeconds", "11", "avgRing", "5.5");
        expect(table(manager, "satisfaction", q).path("totals"), "answered", "2", "rated", "2", "participation", "100",
                "grade1", "1", "grade2", "0", "grade3", "1", "satisfactionRate", "50", "dissatisfiedRate", "50");
        assertThat(table(manager, "voicemails", q).path("totals").path("messages").asLong()).isZero();

        // every count opens exactly its calls
        var answered = records(manager, "daily-operations", q + "&k.period=" + day, "answered");
        assertThat(answered.path("total").asLong()).isEqualTo(2);
        List<String> abandonedCalls = new ArrayList<>();
        records(manager, "daily-operations", q, "abandoned").path("items")
                .forEach(r -> abandonedCalls.add(r.path("call_id").asString()));
        assertThat(abandonedCalls).containsExactlyInAnyOrder(c + 3, c + 6);

        // below the city: the hotline center's agent A2 took C2 and was rung with C6
        long center = f.unit("JZ-12345");
        JsonNode team = table(manager, "daily-operations", q + "&org=" + center);
        expect(team.path("totals"), "inbound", "2", "offered", "2", "answered", "1", "abandoned", "1", "answerRate", "50");
        assertThat(team.path("note").asString()).contains("坐席");
        assertThat(table(manager, "agents", q + "&org=" + center).path("rows")).hasSize(1);
        assertThat(ReportingFixture.figures(f.kpis(manager, q + "&org=" + center), "answer-rate"))
                .containsExactly("1", "2", "50");

        for (String code : List.of("daily-operations", "half-hourly", "agents", "skill-groups", "unanswered")) {
            exportEqualsApi(manager, code, q);
        }
        exportEqualsApi(manager, "daily-operations", "from=" + day.minusDays(3) + "&to=" + day + "&granularity=week");
    }

    /**
     * O1 consultation answered directly; O2 complaint by WeChat dispatched to 住建局, returned (approved, reason
     * “占道经营属城管职责”), dispatched to 城管局 which signs 25 h later (late), is granted an extension, replies, and
     * the citizen is satisfied; O3 help request dispatched to 城管局, signed at once, urged twice, sent to the difficult
     * orders and supervised.
     */
    @Test
    void orderReportsMatchTheScenarioComputedByHand() throws Exception {
        LocalDate day = f.ownDay(66);
        var agent = ApiClient.loggedIn(port, "agent4");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        var zjj = ApiClient.loggedIn(port, "zjj1");
        var cgj = ApiClient.loggedIn(port, "cgj1");
        var callback = ApiClient.loggedIn(port, "callback1");
        var supervisor = ApiClient.loggedIn(port, "supervisor1");
        var manager = ApiClient.loggedIn(port, "manager");

        f.order(agent, "PHONE", "CONSULTATION", "社保卡补办需要带什么",
                Map.of("mode", "DIRECT_REPLY", "reply", "携带身份证到社保服务窗口办理"));
        long o2 = f.order(agent, "WECHAT", "COMPLAINT", "小区门口占道经营堵塞交通", null);
        f.dispatch(dispatcher, o2, "ZJJ");
        long a2 = f.assignment(zjj, o2, "ZJJ");
        f.ok(zjj, "/api/work-orders/" + o2 + "/assignments/" + a2 + "/return-request", Map.of("reason", "占道经营属城管职责"));
        f.ok(dispatcher, "/api/work-orders/" + o2 + "/requests/" + f.request(a2, "RETURN") + "/decision", Map.of("approve", true));
        f.dispatch(dispatcher, o2, "CGJ");
        long a3 = f.assignment(cgj, o2, "CGJ");
        long o3 = f.order(agent, "PHONE", "HELP", "路灯不亮请求维修", null);
        f.dispatch(dispatcher, o3, "CGJ");
        long a4 = f.assignment(cgj, o3, "CGJ");
        f.ok(cgj, "/api/work-orders/" + o3 + "/assignments/" + a4 + "/sign", null);
        f.ok(agent, "/api/work-orders/" + o3 + "/urge", Map.of("note", "群众来电催办"));
        f.ok(agent, "/api/work-orders/" + o3 + "/urge", Map.of("note", "群众再次催办"));
        f.ok(dispatcher, "/api/work-orders/" + o3 + "/difficult", Map.of("note", "涉及多个部门"));
        f.ok(supervisor, "/api/work-orders/" + o3 + "/supervise", Map.of("note", "请尽快修复"));
        clock.advance(Duration.ofHours(25));
        f.ok(cgj, "/api/work-orders/" + o2 + "/assignments/" + a3 + "/sign", null);
        f.ok(cgj, "/api/work-orders/" + o2 + "/assignments/" + a3 + "/extension-request",
                Map.of("amount", 2, "unit", "WORKING_DAYS", "reason", "需要联合执法"));
        f.ok(dispatcher, "/api/work-orders/" + o2 + "/requests/" + f.request(a3, "EXTENSION") + "/decision", Map.of("approve", true));
        f.ok(cgj, "/api/work-orders/" + o2 + "/assignments/" + a3 + "/reply", Map.of("text", "已清理占道摊点"));
        f.ok(dispatcher, "/api/work-orders/" + o2 + "/reply-review", Map.of("accept", true));
        f.ok(callback, "/api/work-orders/" + o2 + "/callback", Map.of("resolved", true, "satisfaction", "SATISFIED"));
        f.awaitFacts();

        String q = "from=" + day + "&to=" + day.plusDays(1);
        String zjjId = String.valueOf(f.unit("ZJJ"));
        String cgjId = String.valueOf(f.unit("CGJ"));

        // 工单受理统计 by channel and by appeal type
        JsonNode byChannel = table(manager, "order-intake", q);
        expect(row(byChannel, "channel", "PHONE"), "orders", "2", "directReplies", "1", "dispatched", "1");
        expect(row(byChannel, "channel", "WECHAT"), "orders", "1", "directReplies", "0", "dispatched", "1");
        assertThat(labelOf(byChannel, "channel", "WECHAT")).isEqualTo("微信公众号");
        expect(byChannel.path("totals"), "orders", "3");
        JsonNode byType = table(manager, "order-intake", q + "&by=appealType");
        expect(row(byType, "appealType", "HELP"), "orders", "1");
        assertThat(byType.path("rows")).hasSize(3);
        expect(table(manager, "order-intake", q + "&channel=PHONE").path("totals"), "orders", "2");

        // 退回统计: 住建局 returned its one dispatch; the reason is in the records
        JsonNode returns = table(manager, "returns", q);
        expect(row(returns, "unit", zjjId), "dispatches", "1", "returned", "1", "rate", "100");
        expect(row(returns, "unit", cgjId), "dispatches", "2", "returned", "0", "rate", "0");
        var returned = records(manager, "returns", q + "&k.unit=" + zjjId, "returned");
        assertThat(returned.path("total").asLong()).isEqualTo(1);
        assertThat(returned.path("items").get(0).path("return_reason").asString()).isEqualTo("占道经营属城管职责");

        // 签收及时率: 城管局 signed O3 at once and O2 after 25 h; 住建局's returned dispatch is not counted
        JsonNode signs = table(manager, "sign-timeliness", q);
        expect(row(signs, "unit", cgjId), "dispatches", "2", "due", "2", "onTime", "1", "lateSigned", "1",
                "unsignedOverdue", "0", "rate", "50");
        expect(row(signs, "unit", zjjId), "dispatches", "1", "due", "0", "rate", "null");
        assertThat(ReportingFixture.figures(f.kpis(manager, q), "sign-timeliness")).containsExactly("1", "2", "50");
        expect(signs.path("totals"), "due", "2", "rate", "50");

        // 延期统计, 催办与督办, 重办与疑难, 直接答复, 回访 (the callback came the next day)
        expect(row(table(manager, "extensions", q), "unit", cgjId), "dispatches", "2", "extended", "1", "times", "1", "rate", "50");
        expect(table(manager, "urges-supervision", q).path("totals"), "orders", "3", "urged", "1", "urgeTimes", "2",
                "urgedRate", "33.33", "supervised", "1");
        expect(table(manager, "reopened-difficult", q).path("totals"), "orders", "3", "calledBack", "1", "reopened", "0",
                "difficult", "1");
        expect(table(manager, "direct-replies", q).path("totals"), "orders", "3", "consultations", "1",
                "consultationsDirect", "1", "rate", "100", "direct", "1", "directShare", "33.33");
        JsonNode callbacks = table(manager, "callbacks", q);
        expect(row(callbacks, "period", day.plusDays(1).toString()), "callbacks", "1", "resolved", "1", "satisfied", "1",
                "satisfactionRate", "100");
        expect(table(manager, "dispatch-timeliness", q).path("totals"), "dispatched", "2", "inTime", "2", "rate", "100");

        // a unit leader sees its own unit only
        JsonNode own = table(ApiClient.loggedIn(port, "zjj_leader"), "returns", q);
        assertThat(own.path("rows")).hasSize(1);
        assertThat(own.path("rows").get(0).path("keys").path("unit").asString()).isEqualTo(zjjId);

        for (String code : List.of("order-intake", "returns", "sign-timeliness", "urges-supervision", "callbacks")) {
            exportEqualsApi(manager, code, q);
        }
    }

    @Test
    void badRequestsGetChineseProblemsAndAgentsNoReports() {
        var manager = ApiClient.loggedIn(port, "manager");
        problem(manager.get("/api/reports/tables/no-such-report"), 404, "没有编码为“no-such-report”的报表");
        problem(manager.get("/api/reports/tables/daily-operations?granularity=hour"), 400, "统计粒度");
        problem(manager.get("/api/reports/tables/daily-operations?from=2026-03-10&to=2026-03-01"), 400, "结束日期不能早于开始日期");
        problem(manager.get("/api/reports/tables/daily-operations?from=2026-02-30"), 400, "格式应为");
        problem(manager.get("/api/reports/tables/daily-operations?colour=red"), 400, "不支持参数“colour”");
        problem(manager.get("/api/reports/tables/daily-operations?group=abc"), 400, "技能组应为编号");
        problem(manager.get("/api/reports/tables/order-intake?channel=FAX"), 400, "渠道不支持");
        problem(manager.get("/api/reports/tables/order-intake?by=weather"), 400, "不能按“weather”统计");
        problem(manager.get("/api/reports/tables/daily-operations?org=x"), 400, "机构应为编号");
        problem(manager.get("/api/reports/tables/daily-operations?org=999999999"), 404, "机构不存在");
        problem(manager.get("/api/reports/tables/daily-operations/records"), 400, "请指定列");
        problem(manager.get("/api/reports/tables/daily-operations/records?column=nope"), 400, "没有列“nope”");
        problem(manager.get("/api/reports/tables/daily-operations/records?column=agents"), 400, "去重计数");
        problem(manager.get("/api/reports/tables/daily-operations/records?column=answered&k.agent=1"), 400, "没有“agent”");
        problem(manager.get("/api/reports/tables/daily-operations/records?column=answered&page=x"), 400, "page");
        problem(ApiClient.loggedIn(port, "agent5").get("/api/reports/tables"), 403, null);
        problem(ApiClient.loggedIn(port, "agent5").get("/api/reports/tables/daily-operations/export"), 403, null);

        var catalogue = ApiClient.loggedIn(port, "leader").get("/api/reports/tables");
        assertThat(catalogue.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        catalogue.json().forEach(r -> names.add(r.path("name").asString()));
        assertThat(names).contains("每日运营情况", "坐席服务水平", "整体话务分析", "分时话务分析", "技能组话务统计", "坐席话务统计",
                "客户满意率分析", "漏话统计", "客户留言统计", "未接来电统计", "工单受理统计", "退回统计", "签收及时率");
    }

    /**
     * 客户留言统计 on day D: V1 from 13900710001 queued in G at 09:00:05 and left a 13-s voicemail at 09:01; V2, an
     * anonymous caller (no callback task), left 8 s at 09:30; 13900710001 called again at 10:00 and was answered, which
     * closes its callback task and so handles V1. Messages 2, handled 1, rate 50 %, average 10.5 s — and a rebuild
     * of the facts from the call center's view says the same.
     */
    @Test
    void voicemailsAreCountedWithTheirLengthAndHandledWhenTheirCallbackTaskCloses() throws Exception {
        LocalDate day = f.ownDay(71);
        var cc = new CallCenterFixture(port, jdbc);
        String n = String.valueOf(System.nanoTime() % 1_000_000);
        long g = cc.group("t-rpt-vm" + n, "留言测试组", "LONGEST_IDLE", Map.of());
        long a1 = cc.agent("rptagent9-" + n, "T309-" + n, cc.freeExtension(), Map.of(g, 3));
        var calls = new RecordedCalls(context);
        String c = "rpt-vm-" + day + "-";
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("voicemail");
        java.nio.file.Path v1 = java.nio.file.Files.write(dir.resolve("v1.wav"),
                org.openhotline.telephony.media.WavFile.toBytes(new short[104_000]));
        java.nio.file.Path v2 = java.nio.file.Files.write(dir.resolve("v2.wav"),
                org.openhotline.telephony.media.WavFile.toBytes(new short[64_000]));

        at(day, "09:00:00");
        calls.arrived(c + 1, "INBOUND", "13900710001");
        at(day, "09:00:05");
        calls.queued(c + 1, g);
        at(day, "09:01:00");
        calls.voicemail(c + 1, v1);
        at(day, "09:30:00");
        calls.arrived(c + 2, "INBOUND", null);
        at(day, "09:30:40");
        calls.voicemail(c + 2, v2);
        at(day, "10:00:00");
        calls.arrived(c + 3, "INBOUND", "13900710001");
        calls.queued(c + 3, g);
        at(day, "10:00:05");
        calls.offered(c + 3, a1, g);
        at(day, "10:00:08");
        calls.answered(c + 3, a1);
        at(day, "10:02:00");
        calls.ended(c + 3, null);
        f.awaitFacts();
        clock.set(clock.instant());

        var manager = ApiClient.loggedIn(port, "manager");
        String q = "from=" + day + "&to=" + day;
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                expect(table(manager, "voicemails", q).path("totals"), "messages", "2", "handled", "1", "unhandled", "1",
                        "handledRate", "50", "avgSeconds", "10.5"));
        expect(table(manager, "voicemails", q + "&group=" + g).path("totals"), "messages", "1", "handled", "1");
        List<String> handled = new ArrayList<>();
        records(manager, "voicemails", q, "handled").path("items").forEach(r -> handled.add(r.path("call_id").asString()));
        assertThat(handled).containsExactly(c + 1);

        var rebuilt = manager.post("/api/reports/rebuild", Map.of());
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        expect(table(manager, "voicemails", q).path("totals"), "messages", "2", "handled", "1", "unhandled", "1",
                "handledRate", "50", "avgSeconds", "10.5");
        expect(table(manager, "voicemails", q + "&group=" + g).path("totals"), "messages", "1", "handled", "1");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** The clock stands at {@code time} of {@code day}: the call center writes exactly these times. */
    private void at(LocalDate day, String time) {
        clock.freezeAt(day.atTime(LocalTime.parse(time)).atZone(clock.getZone()).toInstant());
    }

    private static JsonNode table(ApiClient client, String code, String query) {
        var r = client.get("/api/reports/tables/" + code + "?" + query);
        assertThat(r.status()).as(code + " → " + r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode records(ApiClient client, String code, String query, String column) {
        var r = client.get("/api/reports/tables/" + code + "/records?" + query + "&column=" + column + "&size=200");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode row(JsonNode table, String key, String value) {
        for (JsonNode r : table.path("rows")) {
            if (r.path("keys").path(key).asString().equals(value)) {
                return r.path("values");
            }
        }
        throw new AssertionError("no row " + key + "=" + value + " in " + table);
    }

    private static String labelOf(JsonNode table, String key, String value) {
        for (JsonNode r : table.path("rows")) {
            if (r.path("keys").path(key).asString().equals(value)) {
                return r.path("labels").path(key).asString();
            }
        }
        throw new AssertionError("no row " + key + "=" + value);
    }

    private static String columnLabel(JsonNode table, String key) {
        for (JsonNode c : table.path("columns")) {
            if (c.path("key").asString().equals(key)) {
                return c.path("label").asString();
            }
        }
        throw new AssertionError("no column " + key);
    }

    private static JsonNode groupOf(JsonNode report, String code, String key) {
        for (JsonNode gr : ReportingFixture.kpi(report, code).path("groups")) {
            if (gr.path("key").asString().equals(key)) {
                return gr;
            }
        }
        throw new AssertionError("no group " + key + " of " + code);
    }

    /** {@code values} holds each named figure (as plain text: "50" for 50.00, "null" for none). */
    private static void expect(JsonNode values, String... namesAndFigures) {
        for (int i = 0; i < namesAndFigures.length; i += 2) {
            assertThat(ReportingFixture.number(values.path(namesAndFigures[i]))).as(namesAndFigures[i] + " in " + values)
                    .isEqualTo(namesAndFigures[i + 1]);
        }
    }

    /** The workbook holds the API's rows, labels and figures cell by cell, and the totals as its last row. */
    private static void exportEqualsApi(ApiClient client, String code, String query) {
        JsonNode api = table(client, code, query);
        var download = client.get("/api/reports/tables/" + code + "/export?" + query);
        assertThat(download.status()).as(download.body()).isEqualTo(200);
        assertThat(download.contentType()).contains("spreadsheetml");
        List<ExcelSheets.SheetRow> sheet = ExcelSheets.read(new ByteArrayInputStream(download.bytes()));
        int keys = api.path("keys").size();
        int offset = Math.max(keys, 1);
        assertThat(sheet).as(code).hasSize(api.path("rows").size() + 1);
        for (int i = 0; i <= api.path("rows").size(); i++) {
            boolean total = i == api.path("rows").size();
            JsonNode values = total ? api.path("totals") : api.path("rows").get(i).path("values");
            ExcelSheets.SheetRow cells = sheet.get(i);
            if (total) {
                assertThat(cells.cell(0)).isEqualTo("合计");
            } else {
                for (int k = 0; k < keys; k++) {
                    String key = api.path("keys").get(k).path("key").asString();
                    assertThat(cells.cell(k)).isEqualTo(api.path("rows").get(i).path("labels").path(key).asString());
                }
            }
            int col = 0;
            for (JsonNode c : api.path("columns")) {
                JsonNode v = values.path(c.path("key").asString());
                String cell = cells.cell(offset + col++);
                if (v.isNull() || v.isMissingNode()) {
                    assertThat(cell).as(code + " row " + i + " " + c.path("key").asString()).isEmpty();
                } else {
                    assertThat(new BigDecimal(cell.replace(",", ""))).as(code + " row " + i + " " + c.path("key").asString())
                            .isEqualByComparingTo(new BigDecimal(v.asString()));
                }
            }
        }
    }

    private static void problem(ApiClient.Response r, int status, String detail) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        if (detail != null) {
            assertThat(r.detail()).contains(detail);
        }
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("java.");
    }
}
