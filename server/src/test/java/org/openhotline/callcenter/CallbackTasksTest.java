package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.testing.Wait.until;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
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
 * 预约回呼 from end to end: a citizen calls 12309, routed to the test's own skill group that nobody staffs and whose
 * longest wait is 10 s; when the wait runs out the call ends as MAX_WAIT, the caller hears the voicemail prompt, and
 * a callback task (排队超时) appears in
 * the agents' open list ({@code GET /api/callcenter/callback-tasks}). Agent ccback1 marks it done
 * ({@code POST /callback-tasks/{id}/done}): it leaves the list, and the row records who and when. The tasks are a
 * shared queue, not assigned to an agent: the code lets any agent or callback clerk close any open task, so a
 * second "done" (here by colleague ccback2) is refused with 409 and a Chinese problem, as is an unknown id; a
 * role with neither permission gets 403. Own agents ccback1/ccback2 (with this try's suffix, no phones).
 */
@HotlineTest
@Timeout(120)
class CallbackTasksTest {

    @LocalServerPort
    int port;

    @Value("${hotline.sip.port}")
    int sipPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aCallerWhoWaitedTooLongBecomesACallbackTaskThatAnAgentClosesOnce() throws Exception {
        var fixture = new CallCenterFixture(port, jdbc);
        // group, agents (no phones) and caller of this try's own: a rerun in the same database finds the first try's
        String own = String.valueOf(System.nanoTime() % 1_000_000);
        long group = fixture.group("t-callback" + own, "测试预约回呼", "LONGEST_IDLE", Map.of("maxWaitS", 10));
        fixture.route("12309", group);
        long agentId = fixture.agent("ccback1-" + own, "T981-" + own, fixture.freeExtension(), Map.of(group, 3));
        fixture.agent("ccback2-" + own, "T982-" + own, fixture.freeExtension(), Map.of(group, 3));
        ApiClient agent = ApiClient.loggedIn(port, "ccback1-" + own);
        ApiClient colleague = ApiClient.loggedIn(port, "ccback2-" + own);
        String caller = "136" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));

        String callId;
        try (TestPhone citizen = new TestPhone(caller, 440, sipPort)) {
            try {
                citizen.dial("12309");
                callId = until("the call ends as waited too long", () -> jdbc.sql("""
                        select id, caller from cc_call where called = '12309' and end_cause = 'MAX_WAIT' and abandon_point = 'QUEUE'""")
                        .query((rs, n) -> org.openhotline.shared.crypto.PersonalData.open(rs.getString(2)).endsWith(caller) ? rs.getString(1) : null).list()
                        .stream().filter(java.util.Objects::nonNull).findFirst().orElse(null), Duration.ofSeconds(40), this::calls);
                // the queue-timeout flow asks the caller to leave a message; hanging up before would race it
                until("the caller is asked to leave a message", () -> QueueAnnouncementTest.findInOrder(citizen.audio.heard(),
                        java.util.List.of("leave-message"), 0), Duration.ofSeconds(20),
                        () -> "heard " + citizen.audio.heard().length / 8000.0 + " s");
            } finally {
                citizen.hangUp();
            }
        }

        JsonNode task = until("the callback task in the agents' open list", () -> openTask(agent, callId), Duration.ofSeconds(10),
                () -> agent.get("/api/callcenter/callback-tasks").body());
        long id = task.path("id").asLong();
        assertThat(task.path("reason").asString()).isEqualTo("排队超时");
        assertThat(task.path("number").asString()).as("an agent may see the full number").endsWith(caller);
        assertThat(openTask(colleague, callId)).as("the colleague sees the same shared task").isNotNull();

        Instant before = clock.instant();
        var done = agent.post("/api/callcenter/callback-tasks/" + id + "/done", null);
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        Instant after = clock.instant();

        assertThat(openTask(agent, callId)).as("a done task leaves the open list").isNull();
        assertThat(openTask(colleague, callId)).as("for everyone").isNull();
        var row = jdbc.sql("select done_by, done_at from cc_callback_task where id = ?").param(id)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant())).single();
        assertThat(row.getKey()).as("done by ccback1").isEqualTo(agentId);
        assertThat(row.getValue()).as("done now").isBetween(before.minusMillis(1), after.plusMillis(1));

        var again = colleague.post("/api/callcenter/callback-tasks/" + id + "/done", null);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.detail()).isEqualTo("该回呼任务已处理或不存在");
        assertThat(jdbc.sql("select done_by from cc_callback_task where id = ?").param(id).query(Long.class).single())
                .as("the second done changes nothing").isEqualTo(agentId);

        var unknown = agent.post("/api/callcenter/callback-tasks/" + Long.MAX_VALUE + "/done", null);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(409);
        assertThat(unknown.detail()).isEqualTo("该回呼任务已处理或不存在");

        var editor = ApiClient.loggedIn(port, "kbeditor1");
        assertThat(editor.get("/api/callcenter/callback-tasks").status()).isEqualTo(403);
        assertThat(editor.post("/api/callcenter/callback-tasks/" + id + "/done", null).status()).isEqualTo(403);
    }

    private static JsonNode openTask(ApiClient who, String callId) {
        var list = who.get("/api/callcenter/callback-tasks");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().valueStream().filter(t -> callId.equals(t.path("callId").asString())).findFirst().orElse(null);
    }

    private String calls() {
        return jdbc.sql("select id, caller, queued_at, ended_at, end_cause, abandon_point from cc_call where called = '12309'")
                .query().listOfRows().toString();
    }
}
