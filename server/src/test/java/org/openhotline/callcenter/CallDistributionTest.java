package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.testing.Wait.until;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.sip.FreePorts;
import org.openhotline.telephony.sip.Sipp;
import org.openhotline.telephony.sip.TestPhone;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Twenty real calls into two skill groups served by five agents with real (sipp, auto-answer) phones registered
 * to the platform; the citizens' test phones come in through the carrier trunk and hang up once an agent has
 * answered. 12301 routes to 测试社保 (round robin over
 * agents 1–3), 12302 to 测试住房 (skill level first: agent 4 has level 5, agent 5 level 2, agent 3 level 1).
 * Each round starts with all five agents ready, so the strategy alone decides who answers, in a known order.
 * Then callers give up in the IVR, in the queue and while an agent's phone rings, and the call records and
 * queue boards must say where.
 */
@HotlineTest
@Timeout(240)
class CallDistributionTest {

    static final double CITIZEN = 440;

    @LocalServerPort
    int port;

    @Value("${hotline.sip.port}")
    int sipPort;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    final List<Sipp.Run> phones = new ArrayList<>();
    final Map<Integer, Long> agentIds = new HashMap<>();
    final Map<Integer, ApiClient> desks = new HashMap<>();
    final Map<Integer, Integer> phonePorts = new HashMap<>();

    @AfterEach
    void hangUpPhones() {
        phones.forEach(Sipp.Run::stop);
        desks.values().forEach(d -> d.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT")));
    }

    @Test
    void callsAreAnsweredByTheRightSkillInStrategyOrderAndAbandonsAreCountedWhereTheyHappen() throws Exception {
        Sipp.requireInstalled();
        var manager = ApiClient.loggedIn(port, "manager");
        long social = manager.post("/api/callcenter/admin/skill-groups", group("t-social", "测试社保", "ROUND_ROBIN")).json().path("id").asLong();
        long housing = manager.post("/api/callcenter/admin/skill-groups", group("t-housing", "测试住房", "SKILL_LEVEL")).json().path("id").asLong();
        for (var n : Map.of("12301", social, "12302", housing).entrySet()) {
            assertThat(manager.put("/api/callcenter/admin/numbers/" + n.getKey() + "/flow", Map.of("flowId", "direct-to-agent")).status()).isEqualTo(200);
            assertThat(manager.post("/api/callcenter/admin/routing-rules", Map.of("calledNumber", n.getKey(), "groupId", n.getValue(),
                    "priority", 100, "note", "测试")).status()).isEqualTo(201);
        }
        // 12308 runs the full menu: a caller who gives up there abandons in the IVR
        assertThat(manager.put("/api/callcenter/admin/numbers/12308/flow", Map.of("flowId", "default-12345")).status()).isEqualTo(200);
        Map<Integer, Map<Long, Integer>> skills = Map.of(
                1, Map.of(social, 3), 2, Map.of(social, 3), 3, Map.of(social, 3, housing, 1),
                4, Map.of(housing, 5), 5, Map.of(housing, 2));
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        var secadmin = ApiClient.loggedIn(port, "secadmin");
        long city = jdbc.sql("select id from org_node where code = 'JZ'").query(Long.class).single();
        for (int i = 1; i <= 5; i++) {
            var account = sysadmin.post("/api/accounts", Map.of("username", "ccdist" + i, "displayName", "分配测试坐席" + i,
                    "orgNodeId", city, "password", ApiClient.DEMO_PASSWORD)).json();
            long id = account.path("id").asLong();
            assertThat(secadmin.put("/api/accounts/" + id + "/roles", Map.of("roles", List.of("AGENT"),
                    "version", account.path("version").asInt())).status()).isEqualTo(200);
            assertThat(manager.put("/api/callcenter/admin/agents/" + id, Map.of("agentNo", "T90" + i, "extension", "820" + i,
                    "sipPassword", ApiClient.DEMO_PASSWORD, "skills", skills.get(i))).status()).isEqualTo(200);
            agentIds.put(i, id);
        }
        for (int i = 1; i <= 5; i++) {
            int phonePort = FreePorts.sip();
            phonePorts.put(i, phonePort);
            // the phones live through the whole test: a later -timeout overrides the helper's 60 s
            phones.add(Sipp.start(dir, "agent", "phone" + i, Map.of("EXT", "820" + i),
                    List.of("-p", String.valueOf(phonePort), "-mp", String.valueOf(FreePorts.media()), "-rtp_echo", "-m", "50",
                            "-timeout", "600s")));
            register(i, phonePort);
            var desk = ApiClient.loggedIn(port, "ccdist" + i);
            assertThat(desk.post("/api/callcenter/me/sign-in", Map.of()).json().path("phoneRegistered").asBoolean()).isTrue();
            assertThat(desk.post("/api/callcenter/me/state", Map.of("state", "READY")).status()).isEqualTo(200);
            desks.put(i, desk);
        }
        var leader = ApiClient.loggedIn(port, "teamleader1");

        // 20 calls in 10 rounds, the calls of a round at once: even rounds one per group, odd rounds two for 住房.
        // A round starts when the last one is over and all five agents show ready again (the seat wall shows
        // 示闲 only once the ACD may offer to that agent), however slow the machine is. Each citizen hangs up
        // once an agent has answered: no citizen counts seconds (a clock started at the IVR's answer turned a
        // slow agent phone into a ringing abandon on a busy machine).
        for (int k = 0; k < 10; k++) {
            List<String> round = k % 2 == 0 ? List.of("12301", "12302") : List.of("12302", "12302");
            List<TestPhone> citizens = new ArrayList<>();
            try {
                for (int c = 0; c < round.size(); c++) {
                    TestPhone citizen = new TestPhone(citizenNumber(k, c), CITIZEN, sipPort);
                    citizens.add(citizen);
                    citizen.dial(round.get(c));
                }
                for (int c = 0; c < round.size(); c++) {
                    String number = citizenNumber(k, c);
                    until("an agent answers " + number, () -> jdbc.sql("select count(*) from cc_call where caller_index = ? and answered_at is not null")
                            .param(org.openhotline.shared.crypto.PersonalData.phoneIndex(number)).query(Long.class).single() == 1, Duration.ofSeconds(60),
                            () -> statesOfTheFive(leader) + "\n" + calls());
                    citizens.get(c).hangUp();
                }
            } finally {
                for (TestPhone citizen : citizens) {
                    citizen.close();
                }
            }
            int r = k;
            until("all five agents ready after round " + k, () -> statesOfTheFive(leader).values().stream()
                    .allMatch("READY"::equals), Duration.ofSeconds(30), () -> "round " + r + ": " + statesOfTheFive(leader) + "\n" + calls());
        }

        Map<Long, Integer> agentNumber = new HashMap<>();
        agentIds.forEach((n, id) -> agentNumber.put(id, n));
        assertThat(answeredBy("12301", agentNumber)).as("round robin in agent-number order\n%s", calls())
                .containsExactly(1, 2, 3, 1, 2);
        List<Integer> housingOrder = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            housingOrder.addAll(k % 2 == 0 ? List.of(4) : List.of(4, 5));
        }
        assertThat(answeredBy("12302", agentNumber)).as("skill level first\n%s", calls()).isEqualTo(housingOrder);
        // every call queued in its group, answered, and ended by the caller who hung up first
        assertThat(jdbc.sql("""
                select count(*) from cc_call where called in ('12301', '12302') and queued_at is not null and answered_at is not null
                   and abandon_point is null and end_cause = 'NORMAL_CLEARING'
                   and group_id = case called when '12301' then ? else ? end""").params(social, housing)
                .query(Long.class).single()).as(calls()).isEqualTo(20);

        // now callers give up: in the IVR's menu, and in the queue while every agent is busy
        for (ApiClient desk : desks.values()) {
            desk.post("/api/callcenter/me/state", Map.of("state", "NOT_READY"));
        }
        try (TestPhone inIvr = new TestPhone("13500135901", CITIZEN, sipPort)) {
            inIvr.dial("12308");
            until("the caller is in the menu", () -> jdbc.sql("select count(*) from cc_call where caller_index = ?").param(org.openhotline.shared.crypto.PersonalData.phoneIndex("13500135901"))
                    .query(Long.class).single() == 1, Duration.ofSeconds(20), this::calls);
            inIvr.hangUp();
        }
        try (TestPhone inQueue = new TestPhone("13500135902", CITIZEN, sipPort)) {
            inQueue.dial("12301");
            until("the caller is queued", () -> jdbc.sql("select count(*) from cc_call where caller_index = ? and queued_at is not null")
                    .param(org.openhotline.shared.crypto.PersonalData.phoneIndex("13500135902"))
                    .query(Long.class).single() == 1, Duration.ofSeconds(20), this::calls);
            inQueue.hangUp();
        }
        // and while ringing: agent 5's extension now rings a phone nobody picks up
        int silentPort = FreePorts.sip();
        Sipp.Run silentPhone = Sipp.start(dir, "agent-noanswer", "silent-phone", Map.of(),
                List.of("-p", String.valueOf(silentPort), "-m", "1"));
        phones.add(silentPhone);
        register(5, silentPort);
        desks.get(5).post("/api/callcenter/me/state", Map.of("state", "READY"));
        try (TestPhone whileRinging = new TestPhone("13500135903", CITIZEN, sipPort)) {
            whileRinging.dial("12302");
            until("agent 5's phone rings", () -> "RINGING".equals(statesOfTheFive(leader).get(5)), Duration.ofSeconds(20),
                    () -> statesOfTheFive(leader) + "\n" + calls());
            whileRinging.hangUp();
        }
        silentPhone.expectSuccess(Duration.ofSeconds(30)); // the platform cancelled the ringing phone

        until("every abandoned call is closed", () -> jdbc.sql("""
                select count(*) from cc_call where called in ('12301', '12302', '12308') and answered_at is null and ended_at is not null""")
                .query(Long.class).single() == 3, Duration.ofSeconds(20), this::calls);
        var abandons = jdbc.sql("""
                select called || ':' || coalesce(abandon_point, '-') from cc_call
                 where called in ('12301', '12302', '12308') and answered_at is null order by called""").query(String.class).list();
        assertThat(abandons).as(calls()).containsExactly("12301:QUEUE", "12302:RINGING", "12308:IVR");
        until("agent 5 is ready again after the caller left its ringing phone",
                () -> "READY".equals(statesOfTheFive(leader).get(5)), Duration.ofSeconds(10), () -> statesOfTheFive(leader).toString());
        assertThat(jdbc.sql("select state from cc_agent_state_log where account_id = ? order by id desc limit 3")
                .param(agentIds.get(5)).query(String.class).list()).containsExactly("READY", "RINGING", "READY");

        JsonNode boards = leader.get("/api/callcenter/seat-wall").json().path("queues");
        assertThat(board(boards, "t-social").path("answeredToday").asLong()).isEqualTo(5);
        assertThat(board(boards, "t-social").path("abandonedToday").asLong()).isEqualTo(1);
        assertThat(board(boards, "t-housing").path("answeredToday").asLong()).isEqualTo(15);
        assertThat(board(boards, "t-housing").path("abandonedToday").asLong()).isEqualTo(1);
    }

    private void register(int agent, int contactPort) throws Exception {
        Sipp.start(dir, "register", "register" + agent + "-" + contactPort,
                Map.of("EXT", "820" + agent, "CONTACT_PORT", String.valueOf(contactPort), "EXPIRES", "600", "EXPECT", "200"),
                List.of("127.0.0.1:" + sipPort, "-p", String.valueOf(FreePorts.sip()), "-m", "1", "-au", "820" + agent,
                        "-ap", ApiClient.DEMO_PASSWORD)).expectSuccess(Duration.ofSeconds(15));
    }

    private Map<Integer, String> statesOfTheFive(ApiClient leader) {
        Map<Integer, String> states = new java.util.TreeMap<>();
        for (JsonNode a : leader.get("/api/callcenter/seat-wall").json().path("agents")) {
            agentIds.forEach((n, id) -> {
                if (id == a.path("accountId").asLong()) {
                    states.put(n, a.path("state").asString());
                }
            });
        }
        return states;
    }

    private static JsonNode board(JsonNode boards, String code) {
        return StreamSupport.stream(boards.spliterator(), false).filter(b -> b.path("code").asString().equals(code))
                .findFirst().orElseThrow();
    }

    private String calls() {
        return String.join("\n", jdbc.sql("""
                select called || ' agent=' || coalesce(agent_id::text, '-') || ' queued=' || (queued_at is not null)
                       || ' offered=' || coalesce(to_char(offered_at, 'HH24:MI:SS.MS'), '-') || ' answered=' || (answered_at is not null)
                       || ' ended=' || (ended_at is not null) || ' cause=' || coalesce(end_cause, '-')
                       || ' abandon=' || coalesce(abandon_point, '-') || ' ivr=' || coalesce(ivr_result, '-')
                  from cc_call where called in ('12301', '12302', '12308') order by arrived_at""").query(String.class).list());
    }

    /** A citizen's number per round and call, so that its call record is found by the caller. */
    private static String citizenNumber(int round, int call) {
        return "135001358" + round + call;
    }

    private List<Integer> answeredBy(String called, Map<Long, Integer> agentNumber) {
        return jdbc.sql("select agent_id from cc_call where called = ? and answered_at is not null order by offered_at")
                .param(called).query(Long.class).list().stream().map(agentNumber::get).toList();
    }


    private static Map<String, Object> group(String code, String name, String strategy) {
        // 30 s of ringing: an auto-answering sipp phone starved by a busy machine has taken seconds to pick up
        return Map.of("code", code, "name", name, "strategy", strategy, "ringTimeoutS", 30, "maxWaitS", 120,
                "afterCallWorkS", 0);
    }
}
