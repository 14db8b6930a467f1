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
import org.openhotline.shared.crypto.PersonalData;
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
 * <p>A rerun in the same database meets the first try's agents, groups, rules and calls: each try has its own agents
 * (usernames, agent numbers, free extensions), groups, and citizens, routed by their number prefix on 12301/12302, and
 * counts its own calls only.
 */
@HotlineTest
@Timeout(240)
class CallDistributionTest {

    static final double CITIZEN = 440;

    /** This try's own: its citizens' numbers start with {@code "136" + run}, its codes and names end with it. */
    final String run = String.format("%05d", Math.floorMod(System.nanoTime(), 100_000L));
    final String citizens = "136" + run;

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
    final Map<Integer, String> extensions = new HashMap<>();
    final String inTheMenu = citizens + "901";
    final String inTheQueue = citizens + "902";
    final String whileItRings = citizens + "903";
    /** Everyone who called in this try, for the calls shown when a wait fails. */
    final List<String> callers = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(inTheMenu, inTheQueue, whileItRings));

    @AfterEach
    void hangUpPhones() {
        phones.forEach(Sipp.Run::stop);
        desks.values().forEach(d -> d.post("/api/callcenter/me/state", Map.of("state", "SIGNED_OUT")));
    }

    @Test
    void callsAreAnsweredByTheRightSkillInStrategyOrderAndAbandonsAreCountedWhereTheyHappen() throws Exception {
        Sipp.requireInstalled();
        var manager = ApiClient.loggedIn(port, "manager");
        var fixture = new CallCenterFixture(port, jdbc);
        // 30 s of ringing: an auto-answering sipp phone starved by a busy machine has taken seconds to pick up
        long social = fixture.group("t-social-" + run, "测试社保" + run, "ROUND_ROBIN", Map.of("ringTimeoutS", 30));
        long housing = fixture.group("t-housing-" + run, "测试住房" + run, "SKILL_LEVEL", Map.of("ringTimeoutS", 30));
        fixture.routeCallers("12301", citizens, social, 200, "分配测试");
        fixture.routeCallers("12302", citizens, housing, 200, "分配测试");
        // 12308 runs the full menu: a caller who gives up there abandons in the IVR
        assertThat(manager.put("/api/callcenter/admin/numbers/12308/flow", Map.of("flowId", "default-12345")).status()).isEqualTo(200);
        Map<Integer, Map<Long, Integer>> skills = Map.of(
                1, Map.of(social, 3), 2, Map.of(social, 3), 3, Map.of(social, 3, housing, 1),
                4, Map.of(housing, 5), 5, Map.of(housing, 2));
        for (int i = 1; i <= 5; i++) {
            // round robin goes by agent number: this try's numbers sort as its agents 1-5
            extensions.put(i, fixture.freeExtension());
            agentIds.put(i, fixture.agent("ccdist" + run + i, "D" + run + i, extensions.get(i), skills.get(i)));
        }
        for (int i = 1; i <= 5; i++) {
            int phonePort = FreePorts.sip();
            phonePorts.put(i, phonePort);
            // the phones live through the whole test: a later -timeout overrides the helper's 60 s
            phones.add(Sipp.start(dir, "agent", "phone" + i, Map.of("EXT", extensions.get(i)),
                    List.of("-p", String.valueOf(phonePort), "-mp", String.valueOf(FreePorts.media()), "-rtp_echo", "-m", "50",
                            "-timeout", "600s")));
            register(i, phonePort);
            var desk = ApiClient.loggedIn(port, "ccdist" + run + i);
            assertThat(desk.post("/api/callcenter/me/sign-in", Map.of()).json().path("phoneRegistered").asBoolean()).isTrue();
            assertThat(desk.post("/api/callcenter/me/state", Map.of("state", "READY")).status()).isEqualTo(200);
            desks.put(i, desk);
        }
        var leader = ApiClient.loggedIn(port, "teamleader1");

        // 20 calls in 10 rounds, the calls of a round at once: even rounds one per group, odd rounds two for 住房.
        // A round starts when the last one is over and all five agents show ready again (the seat wall shows
        // 示闲 only once the ACD may offer to that agent), however slow the machine is. The citizens hang up
        // once agents have answered them all: no citizen counts seconds (a clock started at the IVR's answer turned a
        // slow agent phone into a ringing abandon on a busy machine).
        for (int k = 0; k < 10; k++) {
            List<String> round = k % 2 == 0 ? List.of("12301", "12302") : List.of("12302", "12302");
            List<TestPhone> citizens = new ArrayList<>();
            try {
                for (int c = 0; c < round.size(); c++) {
                    callers.add(citizenNumber(k, c));
                    TestPhone citizen = new TestPhone(citizenNumber(k, c), CITIZEN, sipPort);
                    citizens.add(citizen);
                    citizen.dial(round.get(c));
                }
                // the round's citizens hang up once all of them are answered: a citizen who hung up before the other
                // call was offered freed agent 4 for it (4, 4 where skill level first says 4, 5)
                for (int c = 0; c < round.size(); c++) {
                    String number = citizenNumber(k, c);
                    until("an agent answers " + number, () -> jdbc.sql("select count(*) from cc_call where caller_index = ? and answered_at is not null")
                            .param(PersonalData.phoneIndex(number)).query(Long.class).single() == 1, Duration.ofSeconds(60),
                            () -> statesOfTheFive(leader) + "\n" + calls());
                }
                citizens.forEach(TestPhone::hangUp);
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
        assertThat(answeredBy(social, agentNumber)).as("round robin in agent-number order\n%s", calls())
                .containsExactly(1, 2, 3, 1, 2);
        List<Integer> housingOrder = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            housingOrder.addAll(k % 2 == 0 ? List.of(4) : List.of(4, 5));
        }
        assertThat(answeredBy(housing, agentNumber)).as("skill level first\n%s", calls()).isEqualTo(housingOrder);
        // every call queued in its group, answered, and ended by the caller who hung up first
        assertThat(jdbc.sql("""
                select count(*) from cc_call where group_id in (:social, :housing) and queued_at is not null and answered_at is not null
                   and abandon_point is null and end_cause = 'NORMAL_CLEARING'
                   and called = case group_id when :social then '12301' else '12302' end""").param("social", social).param("housing", housing)
                .query(Long.class).single()).as(calls()).isEqualTo(20);

        // now callers give up: in the IVR's menu, and in the queue while every agent is busy
        for (ApiClient desk : desks.values()) {
            desk.post("/api/callcenter/me/state", Map.of("state", "NOT_READY"));
        }
        try (TestPhone inIvr = new TestPhone(inTheMenu, CITIZEN, sipPort)) {
            inIvr.dial("12308");
            until("the caller is in the menu", () -> jdbc.sql("select count(*) from cc_call where caller_index = ?").param(PersonalData.phoneIndex(inTheMenu))
                    .query(Long.class).single() == 1, Duration.ofSeconds(20), this::calls);
            inIvr.hangUp();
        }
        try (TestPhone inQueue = new TestPhone(inTheQueue, CITIZEN, sipPort)) {
            inQueue.dial("12301");
            until("the caller is queued", () -> jdbc.sql("select count(*) from cc_call where caller_index = ? and queued_at is not null")
                    .param(PersonalData.phoneIndex(inTheQueue))
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
        try (TestPhone whileRinging = new TestPhone(whileItRings, CITIZEN, sipPort)) {
            whileRinging.dial("12302");
            until("agent 5's phone rings", () -> "RINGING".equals(statesOfTheFive(leader).get(5)), Duration.ofSeconds(20),
                    () -> statesOfTheFive(leader) + "\n" + calls());
            whileRinging.hangUp();
        }
        silentPhone.expectSuccess(Duration.ofSeconds(30)); // the platform cancelled the ringing phone

        until("every abandoned call is closed", () -> jdbc.sql("""
                select count(*) from cc_call where caller_index in (?, ?, ?) and answered_at is null and ended_at is not null""")
                .params(abandoning()).query(Long.class).single() == 3, Duration.ofSeconds(20), this::calls);
        var abandons = jdbc.sql("""
                select called || ':' || coalesce(abandon_point, '-') from cc_call
                 where caller_index in (?, ?, ?) and answered_at is null order by called""").params(abandoning())
                .query(String.class).list();
        assertThat(abandons).as(calls()).containsExactly("12301:QUEUE", "12302:RINGING", "12308:IVR");
        until("agent 5 is ready again after the caller left its ringing phone",
                () -> "READY".equals(statesOfTheFive(leader).get(5)), Duration.ofSeconds(10), () -> statesOfTheFive(leader).toString());
        assertThat(jdbc.sql("select state from cc_agent_state_log where account_id = ? order by id desc limit 3")
                .param(agentIds.get(5)).query(String.class).list()).containsExactly("READY", "RINGING", "READY");

        JsonNode boards = leader.get("/api/callcenter/seat-wall").json().path("queues");
        assertThat(board(boards, "t-social-" + run).path("answeredToday").asLong()).isEqualTo(5);
        assertThat(board(boards, "t-social-" + run).path("abandonedToday").asLong()).isEqualTo(1);
        assertThat(board(boards, "t-housing-" + run).path("answeredToday").asLong()).isEqualTo(15);
        assertThat(board(boards, "t-housing-" + run).path("abandonedToday").asLong()).isEqualTo(1);
    }

    private void register(int agent, int contactPort) throws Exception {
        Sipp.start(dir, "register", "register" + agent + "-" + contactPort,
                Map.of("EXT", extensions.get(agent), "CONTACT_PORT", String.valueOf(contactPort), "EXPIRES", "600", "EXPECT", "200"),
                List.of("127.0.0.1:" + sipPort, "-p", String.valueOf(FreePorts.sip()), "-m", "1", "-au", extensions.get(agent),
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
                  from cc_call where caller_index in (%s) order by arrived_at""".formatted(String.join(", ",
                        java.util.Collections.nCopies(callers.size(), "?"))))
                .params(callers.stream().map(PersonalData::phoneIndex).toList()).query(String.class).list());
    }

    /** A citizen's number per round and call, so that its call record is found by the caller. */
    private String citizenNumber(int round, int call) {
        return citizens + "8" + round + call;
    }

    private List<Integer> answeredBy(long groupId, Map<Long, Integer> agentNumber) {
        return jdbc.sql("select agent_id from cc_call where group_id = ? and answered_at is not null order by offered_at")
                .param(groupId).query(Long.class).list().stream().map(agentNumber::get).toList();
    }

    /** The three callers who give up: in the menu, in the queue, and while an agent's phone rings. */
    private Object[] abandoning() {
        return new Object[] {PersonalData.phoneIndex(inTheMenu), PersonalData.phoneIndex(inTheQueue),
                PersonalData.phoneIndex(whileItRings)};
    }
}
