package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.testing.Wait.until;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhotline.telephony.sip.TestPhone;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 漏接回拨 with real SIP callers (test phones through the carrier trunk). A citizen who hangs up while queued in the
 * test's own group (nobody ready) gets exactly one callback task; calling again the same day and hanging up again adds
 * the call to that task instead of opening a second; when the same number then gets through to agent ccmiss1 (a
 * registered test phone that answers), the task leaves the open list as 来电已接通 with both misses and the closing on
 * its timeline, and the team leader's 漏话 list shows both calls with that status. A second citizen routed to a group
 * whose longest wait is 10 s is asked to leave a message: the voicemail is listed under 电话留言 with playback, and gets
 * a task the same way. Own group, routing by the callers' prefixes on 12307, agent T975 (extension 8275).
 */
@HotlineTest
@Timeout(180)
class MissedCallCallbacksTest {

    // Numbers of this try's own, each under a routing prefix of its own: a rerun in the same database finds the first
    // try's task of the day for a number (one per number and day) and its calls.
    final String n = String.format("%05d", Math.floorMod(System.nanoTime(), 100_000L));
    final String abandons = "1391" + n + "01";
    final String leavesMessage = "1392" + n + "01";

    @LocalServerPort
    int port;

    @Value("${hotline.sip.port}")
    int sipPort;

    @Autowired
    JdbcClient jdbc;

    ApiClient desk;

    @AfterEach
    void signOut() {
        if (desk != null) {
            desk.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT"));
        }
    }

    @Test
    void aQueueAbandonMakesOneTaskPerDayThatClosesWhenTheCallerGetsThrough() throws Exception {
        var fixture = new CallCenterFixture(port, jdbc);
        long group = fixture.group("t-missed", "测试漏接回拨", "LONGEST_IDLE", Map.of());
        routeCallers("1391" + n, group);
        fixture.agent("ccmiss1", "T975", "8275", Map.of(group, 3));
        desk = ApiClient.loggedIn(port, "ccmiss1");

        String first = abandonInQueue();
        JsonNode task = until("one open callback task for the number", () -> openTask(abandons), Duration.ofSeconds(15),
                () -> desk.get("/api/callcenter/missed-tasks?size=100").body());
        assertThat(task.path("missedCount").asInt()).isEqualTo(1);
        assertThat(task.path("statusLabel").asString()).isEqualTo("待回拨");
        assertThat(tasksOf(abandons)).as("exactly one task").isEqualTo(1);

        String second = abandonInQueue();
        until("the second abandon joins the same task", () -> {
            JsonNode t = openTask(abandons);
            return t != null && t.path("missedCount").asInt() == 2 ? t : null;
        }, Duration.ofSeconds(15), () -> desk.get("/api/callcenter/missed-tasks?size=100").body());
        assertThat(tasksOf(abandons)).as("still one task for the number and day").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from cc_missed_call where number_index = ?").param(org.openhotline.shared.crypto.PersonalData.phoneIndex(abandons)).query(Long.class).single())
                .isEqualTo(2);

        // the same number gets through to an agent: the task leaves the open list by itself
        try (TestPhone agentPhone = new TestPhone("8275", 660, sipPort)) {
            agentPhone.register(ApiClient.DEMO_PASSWORD);
            assertThat(desk.post("/api/callcenter/me/sign-in", Map.of()).status()).isEqualTo(200);
            assertThat(desk.post("/api/callcenter/me/state", Map.of("state", "READY")).status()).isEqualTo(200);
            try (TestPhone citizen = new TestPhone(abandons, 440, sipPort)) {
                citizen.dial("12307");
                until("ccmiss1 answers", () -> jdbc.sql("select count(*) from cc_call where caller_index = ? and answered_at is not null")
                        .param(org.openhotline.shared.crypto.PersonalData.phoneIndex(abandons)).query(Long.class).single() == 1, Duration.ofSeconds(30), this::calls);
                citizen.hangUp();
            }
        }
        long id = task.path("id").asLong();
        until("the task closes as got through", () -> "GOT_THROUGH".equals(jdbc.sql("select status from cc_missed_task where id = ?")
                .param(id).query(String.class).single()), Duration.ofSeconds(15), this::calls);
        assertThat(openTask(abandons)).as("gone from the open list").isNull();

        var timeline = desk.get("/api/callcenter/missed-tasks/" + id + "/timeline").json();
        assertThat(timeline.valueStream().map(e -> e.path("text").asString()).toList())
                .containsExactly("漏接：排队中挂机", "漏接：排队中挂机", "关闭：来电已接通");

        var leader = ApiClient.loggedIn(port, "teamleader1");
        var abandoned = leader.get("/api/callcenter/missed-calls?kind=abandoned&number=" + abandons + "&sort=missedAt&direction=asc");
        assertThat(abandoned.status()).as(abandoned.body()).isEqualTo(200);
        assertThat(abandoned.json().path("items").valueStream().map(r -> r.path("callId").asString()).toList())
                .containsExactly(first, second);
        assertThat(abandoned.json().path("items").valueStream().map(r -> r.path("statusLabel").asString()).distinct().toList())
                .containsExactly("来电已接通");
        var figures = leader.get("/api/callcenter/missed-calls/figures").json();
        assertThat(figures.path("tasks").asLong()).isPositive();
        assertThat(figures.path("gotThrough").asLong()).isPositive();
        var masked = ApiClient.loggedIn(port, "manager").get("/api/callcenter/missed-calls?kind=abandoned&number=" + abandons);
        assertThat(masked.json().path("items").get(0).path("number").asString()).as("the manager sees masked numbers")
                .doesNotContain(abandons);
        var export = leader.get("/api/callcenter/missed-calls/export?kind=abandoned&number=" + abandons);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).contains("spreadsheetml");
        assertThat(ApiClient.loggedIn(port, "kbeditor1").get("/api/callcenter/missed-calls").status()).isEqualTo(403);
        assertThat(ApiClient.loggedIn(port, "agent3").get("/api/callcenter/missed-calls").status()).isEqualTo(403);
        assertThat(leader.get("/api/callcenter/missed-calls?kind=nonsense").status()).isEqualTo(400);
        assertThat(leader.get("/api/callcenter/missed-calls?from=2026-12-04&to=2026-12-01").detail()).isEqualTo("结束日期不能早于开始日期");
    }

    @Test
    void aVoicemailIsListedWithPlaybackAndGetsACallbackTask() throws Exception {
        var fixture = new CallCenterFixture(port, jdbc);
        long group = fixture.group("t-missed-vm", "测试留言", "LONGEST_IDLE", Map.of("maxWaitS", 10));
        routeCallers("1392" + n, group);
        String callId;
        try (TestPhone citizen = new TestPhone(leavesMessage, 440, sipPort)) {
            try {
                citizen.dial("12307");
                callId = until("the wait runs out", () -> jdbc.sql("select id from cc_call where caller_index = ? and end_cause = 'MAX_WAIT'")
                        .param(org.openhotline.shared.crypto.PersonalData.phoneIndex(leavesMessage)).query(String.class).optional().orElse(null), Duration.ofSeconds(40), this::calls);
                until("the caller is asked to leave a message", () -> QueueAnnouncementTest.findInOrder(citizen.audio.heard(),
                        List.of("leave-message"), 0), Duration.ofSeconds(20), () -> "heard " + citizen.audio.heard().length / 8000.0 + " s");
            } finally {
                citizen.hangUp();
            }
        }
        var leader = ApiClient.loggedIn(port, "teamleader1");
        JsonNode row = until("the voicemail is listed", () -> leader.get("/api/callcenter/missed-calls?kind=voicemail&number="
                + leavesMessage).json().path("items").valueStream().findFirst().orElse(null), Duration.ofSeconds(20), this::calls);
        assertThat(row.path("callId").asString()).isEqualTo(callId);
        assertThat(row.path("voicemail").asBoolean()).isTrue();
        assertThat(row.path("statusLabel").asString()).isEqualTo("待回拨");
        var audio = leader.get("/api/callcenter/missed-calls/" + callId + "/voicemail");
        assertThat(audio.status()).as(audio.body()).isEqualTo(200);
        assertThat(audio.contentType()).contains("audio/wav");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'callcenter.recording-played' and target = ?")
                .param("call:" + callId).query(Long.class).single()).as("playback is audited").isEqualTo(1);
        assertThat(tasksOf(leavesMessage)).isEqualTo(1);
        assertThat(leader.get("/api/callcenter/missed-calls/unknown-call/voicemail").status()).isEqualTo(404);
    }

    /**
     * The call back itself: ccmiss2 claims the task of a number that is a registered test phone (extension 8277) and
     * presses 回拨; the platform rings the agent's own phone (8276, answers by itself), then the number; when it
     * answers the task closes by itself as 回拨接通 by ccmiss2, and the agent's "reached" keeps it so. The try, with its
     * call, is on the task's timeline.
     */
    @Test
    void anAgentCallsBackThroughThePlatformAndTheAnsweredCallbackClosesTheTask() throws Exception {
        var fixture = new CallCenterFixture(port, jdbc);
        long agentId = fixture.agent("ccmiss2", "T976", "8276", Map.of());
        fixture.agent("ccmiss3", "T977", "8277", Map.of());
        desk = ApiClient.loggedIn(port, "ccmiss2");
        // a first try of this test (rerun in the same database) left today's task of 8277: one task per number and day
        jdbc.sql("delete from cc_missed_attempt where task_id in (select id from cc_missed_task where number_index = ?)")
                .param(org.openhotline.shared.crypto.PersonalData.phoneIndex("8277")).update();
        jdbc.sql("delete from cc_missed_call where task_id in (select id from cc_missed_task where number_index = ?)")
                .param(org.openhotline.shared.crypto.PersonalData.phoneIndex("8277")).update();
        jdbc.sql("delete from cc_missed_task where number_index = ?")
                .param(org.openhotline.shared.crypto.PersonalData.phoneIndex("8277")).update();
        long id = jdbc.sql("""
                insert into cc_missed_task (number, number_index, day, first_missed_at, last_missed_at)
                values (?, ?, current_date, now() - interval '1 hour', now() - interval '1 hour') returning id""")
                .params(org.openhotline.shared.crypto.PersonalData.seal("8277"),
                        org.openhotline.shared.crypto.PersonalData.phoneIndex("8277")) // as the platform writes it
                .query(Long.class).single();
        try (TestPhone agentPhone = new TestPhone("8276", 660, sipPort); TestPhone citizen = new TestPhone("8277", 440, sipPort)) {
            agentPhone.register(ApiClient.DEMO_PASSWORD);
            citizen.register(ApiClient.DEMO_PASSWORD);
            assertThat(desk.post("/api/callcenter/me/sign-in", Map.of()).status()).isEqualTo(200);
            var unclaimed = desk.post("/api/callcenter/missed-tasks/" + id + "/call", null);
            assertThat(unclaimed.status()).isEqualTo(409);
            assertThat(unclaimed.detail()).isEqualTo("请先认领该回拨任务");
            int version = jdbc.sql("select version from cc_missed_task where id = ?").param(id).query(Integer.class).single();
            assertThat(desk.post("/api/callcenter/missed-tasks/" + id + "/claim", Map.of("version", version)).status()).isEqualTo(204);
            var called = desk.post("/api/callcenter/missed-tasks/" + id + "/call", null);
            assertThat(called.status()).as(called.body()).isEqualTo(200);
            String callId = called.json().path("callId").asString();
            until("the answered callback closes the task", () -> "CALLED_BACK".equals(jdbc.sql("select status from cc_missed_task where id = ?")
                    .param(id).query(String.class).single()), Duration.ofSeconds(30), () -> callback(id));
            assertThat(jdbc.sql("select closed_by from cc_missed_task where id = ?").param(id).query(Long.class).single()).isEqualTo(agentId);
            // the answer is on the call's record too (it was lost when the call was placed before the task's commit)
            assertThat(jdbc.sql("select agent_id from cc_call where id = ? and answered_at is not null").param(callId)
                    .query(Long.class).optional()).as(callback(id)).contains(agentId);
            until("the agent talks with the citizen", () -> "TALKING".equals(desk.get("/api/callcenter/me").json().path("state").asString()),
                    Duration.ofSeconds(10), this::calls);
            assertThat(desk.post("/api/callcenter/me/hangup", Map.of()).status()).isEqualTo(200);
            assertThat(desk.post("/api/callcenter/missed-tasks/" + id + "/attempts", Map.of("outcome", "REACHED")).status()).isEqualTo(204);
            assertThat(jdbc.sql("select status from cc_missed_task where id = ?").param(id).query(String.class).single())
                    .isEqualTo("CALLED_BACK");
            var timeline = desk.get("/api/callcenter/missed-tasks/" + id + "/timeline").json();
            assertThat(timeline.valueStream().filter(e -> "ATTEMPT".equals(e.path("kind").asString())).toList())
                    .singleElement().satisfies(e -> {
                        assertThat(e.path("callId").asString()).isEqualTo(callId);
                        assertThat(e.path("text").asString()).isEqualTo("回拨（坐席 T976）：已接通");
                    });
        }
    }

    /** The callback's calls and task, and the agent's desk, for a failed wait. */
    private String callback(long taskId) {
        return jdbc.sql("select id, direction, agent_id, arrived_at, answered_at, ended_at, end_cause from cc_call where caller_index = ? order by arrived_at")
                .param(org.openhotline.shared.crypto.PersonalData.phoneIndex("8277")).query().listOfRows()
                + "\ntask " + jdbc.sql("select * from cc_missed_task where id = ?").param(taskId).query().listOfRows()
                + "\nattempts " + jdbc.sql("select * from cc_missed_attempt where task_id = ?").param(taskId).query().listOfRows()
                + "\ndesk " + desk.get("/api/callcenter/me").body();
    }

    private void routeCallers(String prefix, long group) {
        new CallCenterFixture(port, jdbc).routeCallers("12307", prefix, group, 200, "漏接回拨测试");
    }

    /** The citizen waits in the queue (nobody is ready in the group), then hangs up; returns the call's id. */
    private String abandonInQueue() throws Exception {
        long before = jdbc.sql("select count(*) from cc_call where caller_index = ?").param(org.openhotline.shared.crypto.PersonalData.phoneIndex(abandons)).query(Long.class).single();
        String callId;
        try (TestPhone citizen = new TestPhone(abandons, 440, sipPort)) {
            citizen.dial("12307");
            callId = until("the call is queued", () -> jdbc.sql("""
                    select id from cc_call where caller_index = ? and queued_at is not null order by arrived_at offset ?""")
                    .params(org.openhotline.shared.crypto.PersonalData.phoneIndex(abandons), before).query(String.class).optional().orElse(null), Duration.ofSeconds(20), this::calls);
            citizen.hangUp();
        }
        until("the call ends in the queue", () -> "QUEUE".equals(jdbc.sql("select abandon_point from cc_call where id = ?")
                .param(callId).query(String.class).optional().orElse(null)), Duration.ofSeconds(15), this::calls);
        return callId;
    }

    private JsonNode openTask(String number) {
        var list = desk.get("/api/callcenter/missed-tasks?size=100");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().path("items").valueStream().filter(t -> number.equals(t.path("number").asString())).findFirst().orElse(null);
    }

    private long tasksOf(String number) {
        return jdbc.sql("select count(*) from cc_missed_task where number_index = ?").param(org.openhotline.shared.crypto.PersonalData.phoneIndex(number)).query(Long.class).single();
    }

    private String calls() {
        return jdbc.sql("""
                select id, caller, queued_at, answered_at, ended_at, end_cause, abandon_point from cc_call
                 where caller_index in (?, ?) order by arrived_at""").params(org.openhotline.shared.crypto.PersonalData.phoneIndex(abandons), org.openhotline.shared.crypto.PersonalData.phoneIndex(leavesMessage)).query().listOfRows().toString()
                + "\ntasks " + jdbc.sql("select * from cc_missed_task where number_index in (?, ?)")
                .params(org.openhotline.shared.crypto.PersonalData.phoneIndex(abandons), org.openhotline.shared.crypto.PersonalData.phoneIndex(leavesMessage))
                .query().listOfRows();
    }
}
