package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.channels.internal.chat.Chats;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The facts kept incrementally from events equal the facts recomputed from the owners' records, row by row, for
 * everything in the database (demo data, other tests' orders and calls, and a scenario of this test with a return,
 * an extension, a rejected reply and a reopening, whose events touch the same rows in several ways, an order sent to
 * the difficult ones and supervised, an approved return with its reason, an upheld appeal, and a chat the citizen
 * left while waiting) — with the KPI columns kept on the rows from other facts (main reply, first callback, approved
 * return, appeals: OrderKpiColumns).
 */
@HotlineTest
class FactRebuildTest {

    /** The facts' meaning, without the bookkeeping columns that only order concurrent events. */
    private static final Map<String, String> FACTS = Map.of(
            "calls", """
                    select call_id, direction, arrived_at, queued_at, group_id, offered_at, agent_id, answered_at, ended_at,
                           abandon_point, satisfaction, inspected from rpt_call_fact order by call_id""",
            "states", "select account_id, started_at, state, ended_at, next_state from rpt_agent_state_fact order by 1, 2",
            "orders", """
                    select order_id, number, channel, appeal_type, urgency, category_id, region_id, region_path, created_at,
                           direct_reply_at, first_dispatched_at, closed_at, reopen_count, urge_count, difficult_at,
                           supervised_at, main_reply_at, first_signed_at, first_callback_at, excluded_kpis::text as excluded
                      from rpt_order_fact order by order_id""",
            "assignments", """
                    select assignment_id, order_id, unit_id, unit_path, role, assigned_at, sign_due_at, handle_due_at,
                           signed_at, replied_at, return_approved, extension_approved, return_requested_at,
                           excluded_kpis::text from rpt_assignment_fact order by assignment_id""",
            "decisions", "select * from rpt_assignment_decision order by 1, 2, 3",
            "callbacks", "select * from rpt_callback_fact order by 1, 2",
            "lights", "select * from rpt_light_fact order by 1, 2, 3, 4",
            "chats", "select * from rpt_chat_fact order by chat_id");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    Chats chats;

    ReportingFixture f;

    @BeforeEach
    void setUp() {
        f = new ReportingFixture(port, jdbc, clock);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void incrementalFactsEqualARebuildFromTheOwnersRecords() {
        LocalDate day = f.ownDay(47);
        var agent = ApiClient.loggedIn(port, "agent3");
        var dispatcher = ApiClient.loggedIn(port, "dispatcher1");
        var zjj = ApiClient.loggedIn(port, "zjj1");
        var callback = ApiClient.loggedIn(port, "callback1");
        var manager = ApiClient.loggedIn(port, "manager");

        long o = f.order(agent, "WEB", "HELP", "楼上漏水多次协调未果", null);
        f.dispatch(dispatcher, o, "ZJJ");
        long a = f.assignment(zjj, o, "ZJJ");
        f.ok(zjj, "/api/work-orders/" + o + "/assignments/" + a + "/return-request", Map.of("reason", "请核实"));
        f.ok(dispatcher, "/api/work-orders/" + o + "/requests/" + f.request(a, "RETURN") + "/decision", Map.of("approve", false));
        f.ok(zjj, "/api/work-orders/" + o + "/assignments/" + a + "/sign", null);
        f.ok(zjj, "/api/work-orders/" + o + "/assignments/" + a + "/extension-request",
                Map.of("amount", 3, "unit", "WORKING_DAYS", "reason", "需要物业配合"));
        f.ok(dispatcher, "/api/work-orders/" + o + "/requests/" + f.request(a, "EXTENSION") + "/decision", Map.of("approve", true));
        f.ok(zjj, "/api/work-orders/" + o + "/assignments/" + a + "/reply", Map.of("text", "已协调"));
        f.ok(dispatcher, "/api/work-orders/" + o + "/reply-review", Map.of("accept", false, "note", "答复过于简单"));
        clock.advance(Duration.ofHours(2));
        f.ok(zjj, "/api/work-orders/" + o + "/assignments/" + a + "/reply", Map.of("text", "已上门维修并协调赔偿"));
        f.ok(dispatcher, "/api/work-orders/" + o + "/reply-review", Map.of("accept", true));
        f.ok(callback, "/api/work-orders/" + o + "/callback", Map.of("resolved", false, "satisfaction", "DISSATISFIED"));
        // an upheld appeal of the unit takes the order and the unit's assignment out of the satisfaction KPI
        var appeal = zjj.post("/api/work-orders/" + o + "/appeals", Map.of("assignmentId", f.assignment(zjj, o, "ZJJ"),
                "kind", "DISSATISFIED_CALLBACK", "reason", "群众诉求超出法定职责，已依法解释"));
        assertThat(appeal.status()).as(appeal.body()).isEqualTo(200);
        long appealId = appeal.json().path("id").asLong();
        var upheld = ApiClient.loggedIn(port, "supervisor1").post("/api/work-orders/appeals/" + appealId + "/review",
                Map.of("decision", "UPHOLD", "note", "申诉成立", "version",
                        jdbc.sql("select version from wo_appeal where id = ?").param(appealId).query(Integer.class).single()));
        assertThat(upheld.status()).as(upheld.body()).isEqualTo(200);
        f.ok(agent, "/api/work-orders/" + o + "/urge", Map.of("note", "群众再次来电"));
        f.ok(dispatcher, "/api/work-orders/" + o + "/difficult", Map.of("note", "多次协调未果"));
        f.ok(ApiClient.loggedIn(port, "supervisor1"), "/api/work-orders/" + o + "/supervise", Map.of("note", "请限期解决"));
        long o2 = f.order(agent, "PHONE", "COMPLAINT", "夜间施工噪音扰民", null);
        f.dispatch(dispatcher, o2, "CGJ");
        var cgj = ApiClient.loggedIn(port, "cgj1");
        long a2 = f.assignment(cgj, o2, "CGJ");
        f.ok(cgj, "/api/work-orders/" + o2 + "/assignments/" + a2 + "/return-request", Map.of("reason", "夜间施工噪音属住建局职责"));
        f.ok(dispatcher, "/api/work-orders/" + o2 + "/requests/" + f.request(a2, "RETURN") + "/decision", Map.of("approve", true));
        // an online chat the citizen left while waiting (the chat facts are rebuilt too)
        long group = jdbc.sql("select id from cc_skill_group order by id limit 1").query(Long.class).single();
        var chat = chats.open("WEB", null, "王女士", "13900000000", group);
        chats.end(chat.chatId(), "CITIZEN");
        // The clock stands still from here and every timer already due has fired: otherwise a background sweep may
        // light an order between the snapshot and the rebuild, and the light is in one and not the other (CI saw a
        // red DISPATCH light of another test's order appear there).
        clock.freezeAt(clock.instant());
        org.openhotline.testing.Wait.until("the timers due at the frozen moment have fired", () -> jdbc.sql(
                "select count(*) from calendar_timer where fired_at is null and due_at <= ?")
                .param(java.sql.Timestamp.from(clock.instant())).query(Long.class).single() == 0,
                Duration.ofSeconds(30));
        f.awaitFacts();

        String query = "from=" + day + "&to=" + day.plusDays(1);
        String figuresBefore = f.kpis(manager, query).path("kpis").toString();
        Map<String, List<Map<String, Object>>> incremental = snapshot();
        assertThat(incremental.get("orders")).as("the scenario's order is in the facts, difficult and supervised")
                .anySatisfy(row -> {
                    assertThat(row.get("order_id")).isEqualTo(o);
                    assertThat(row.get("difficult_at")).isNotNull();
                    assertThat(row.get("supervised_at")).isNotNull();
                    assertThat(row.get("first_callback_at")).isNotNull();
                    assertThat(row.get("excluded")).isEqualTo("{satisfaction}");
                });
        assertThat(incremental.get("assignments")).as("the unit's assignment is excluded, the approved return kept")
                .anySatisfy(row -> assertThat(row.get("excluded_kpis")).isEqualTo("{satisfaction}"))
                .anySatisfy(row -> {
                    assertThat(row.get("assignment_id")).isEqualTo(a2);
                    assertThat(row.get("return_approved")).isEqualTo(true);
                    assertThat(row.get("return_requested_at")).isNotNull();
                });
        assertThat(incremental.get("chats")).as("the chat is in the facts")
                .anySatisfy(row -> assertThat(row.get("chat_id")).isEqualTo(chat.chatId()));
        assertThat(incremental.get("decisions")).as("the approved return keeps its reason")
                .anySatisfy(row -> assertThat(row.get("reason")).isEqualTo("夜间施工噪音属住建局职责"));

        var refused = agent.post("/api/reports/rebuild", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        var rebuilt = manager.post("/api/reports/rebuild", Map.of());
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().path("rpt_order_fact").asLong()).isEqualTo(incremental.get("orders").size());

        Map<String, List<Map<String, Object>>> recomputed = snapshot();
        for (String table : FACTS.keySet()) {
            assertThat(recomputed.get(table)).as(table).containsExactlyElementsOf(incremental.get(table));
        }
        assertThat(f.kpis(manager, query).path("kpis").toString()).isEqualTo(figuresBefore);
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        var result = new java.util.HashMap<String, List<Map<String, Object>>>();
        FACTS.forEach((name, sql) -> result.put(name, jdbc.sql(sql).query().listOfRows()));
        return result;
    }
}
