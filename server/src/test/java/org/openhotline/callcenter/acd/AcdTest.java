package org.openhotline.callcenter.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.internal.acd.Acd;
import org.openhotline.callcenter.internal.acd.AcdDecision;
import org.openhotline.callcenter.internal.acd.RoutingStrategy;
import org.openhotline.callcenter.internal.acd.SkillGroup;
import org.openhotline.callcenter.internal.acd.WaitingCall;

class AcdTest {

    static final long SOCIAL = 1, HOUSING = 2, GENERAL = 3;

    ManualTime time = new ManualTime();
    List<AcdDecision> decisions = new ArrayList<>();
    Acd acd = new Acd(time, time, decisions::add);

    @BeforeEach
    void groups() {
        group(GENERAL, RoutingStrategy.LONGEST_IDLE, null);
    }

    void group(long id, RoutingStrategy strategy, Long overflowTo) {
        acd.defineGroup(new SkillGroup(id, "G" + id, "组" + id, strategy, overflowTo,
                overflowTo == null ? null : Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofMinutes(3)));
    }

    void agent(long id, Map<Long, Integer> skills) {
        acd.defineAgent(id, String.format("1%03d", id), skills);
    }

    void ready(long id) {
        acd.agentState(id, AgentState.READY);
        time.advance(Duration.ofSeconds(1));
    }

    WaitingCall call(String id, long group, int priority) {
        WaitingCall c = new WaitingCall(id, "1380000" + id, group, priority, time.instant());
        acd.enqueue(c);
        return c;
    }

    List<Long> offeredAgents() {
        return decisions.stream().filter(d -> d instanceof AcdDecision.Offer).map(d -> ((AcdDecision.Offer) d).agentId()).toList();
    }

    @Test
    void longestIdleAgentGetsTheCall() {
        group(SOCIAL, RoutingStrategy.LONGEST_IDLE, null);
        agent(1, Map.of(SOCIAL, 1));
        agent(2, Map.of(SOCIAL, 5));
        ready(2);
        ready(1);
        call("a", SOCIAL, 0);
        assertThat(offeredAgents()).containsExactly(2L);
        assertThat(acd.stateOf(2)).isEqualTo(AgentState.RINGING);
    }

    @Test
    void skillLevelFirstPrefersTheMostSkilled() {
        group(SOCIAL, RoutingStrategy.SKILL_LEVEL, null);
        agent(1, Map.of(SOCIAL, 2));
        agent(2, Map.of(SOCIAL, 5));
        agent(3, Map.of(SOCIAL, 3));
        ready(1);
        ready(3);
        ready(2);
        call("a", SOCIAL, 0);
        call("b", SOCIAL, 0);
        call("c", SOCIAL, 0);
        assertThat(offeredAgents()).containsExactly(2L, 3L, 1L);
    }

    @Test
    void roundRobinTakesAgentsInTurnByNumber() {
        group(SOCIAL, RoutingStrategy.ROUND_ROBIN, null);
        for (long id = 1; id <= 3; id++) {
            agent(id, Map.of(SOCIAL, 1));
            ready(id);
        }
        call("a", SOCIAL, 0);
        acd.answered("a");
        acd.agentState(1, AgentState.READY);
        call("b", SOCIAL, 0);
        acd.answered("b");
        acd.agentState(2, AgentState.READY);
        call("c", SOCIAL, 0);
        acd.answered("c");
        acd.agentState(3, AgentState.READY);
        call("d", SOCIAL, 0);
        assertThat(offeredAgents()).containsExactly(1L, 2L, 3L, 1L);
    }

    @Test
    void fewestCallsTodayEvensOutTheDay() {
        group(SOCIAL, RoutingStrategy.FEWEST_CALLS, null);
        agent(1, Map.of(SOCIAL, 1));
        agent(2, Map.of(SOCIAL, 1));
        ready(1);
        call("a", SOCIAL, 0);
        acd.answered("a");
        acd.agentState(1, AgentState.READY); // agent 1 ready again, now idle longer than agent 2 will be
        ready(2);
        call("b", SOCIAL, 0);
        assertThat(offeredAgents()).containsExactly(1L, 2L);
    }

    @Test
    void onlyAgentsWithTheSkillAreOffered() {
        group(SOCIAL, RoutingStrategy.LONGEST_IDLE, null);
        group(HOUSING, RoutingStrategy.LONGEST_IDLE, null);
        agent(1, Map.of(HOUSING, 5));
        ready(1);
        call("a", SOCIAL, 0);
        assertThat(offeredAgents()).isEmpty();
        agent(2, Map.of(SOCIAL, 1));
        ready(2);
        assertThat(offeredAgents()).containsExactly(2L);
    }

    @Test
    void priorityCallersGoFirstThenArrivalOrder() {
        group(SOCIAL, RoutingStrategy.LONGEST_IDLE, null);
        agent(1, Map.of(SOCIAL, 1));
        call("early", SOCIAL, 0);
        time.advance(Duration.ofSeconds(5));
        call("later", SOCIAL, 0);
        call("elderly", SOCIAL, 10);
        assertThat(acd.position("elderly")).isEqualTo(1);
        assertThat(acd.position("early")).isEqualTo(2);
        assertThat(acd.position("later")).isEqualTo(3);
        ready(1);
        assertThat(((AcdDecision.Offer) decisions.getLast()).call().callId()).isEqualTo("elderly");
    }

    @Test
    void anUnansweredOfferMakesTheAgentNotReadyAndTheCallGoesBackToTheHead() {
        group(SOCIAL, RoutingStrategy.LONGEST_IDLE, null);
        agent(1, Map.of(SOCIAL, 1));
        agent(2, Map.of(SOCIAL, 1));
        ready(1);
        call("first", SOCIAL, 0);
        time.advance(Duration.ofSeconds(2));
        call("second", SOCIAL, 0);
        time.advance(Duration.ofSeconds(14)); // 15 s ring timeout of "first" passes
        assertThat(acd.stateOf(1)).isEqualTo(AgentState.NOT_READY);
        assertThat(decisions).anyMatch(d -> d instanceof AcdDecision.RingTimedOut t && t.agentId() == 1);
        assertThat(acd.position("first")).isEqualTo(1);
        assertThat(acd.position("second")).isEqualTo(2);
        ready(2);
        assertThat(((AcdDecision.Offer) decisions.getLast()).call().callId()).isEqualTo("first");
    }

    @Test
    void aCallOverflowsToAnotherGroupAfterItsWait() {
        group(HOUSING, RoutingStrategy.LONGEST_IDLE, GENERAL);
        agent(1, Map.of(GENERAL, 3));
        ready(1);
        call("a", HOUSING, 0);
        assertThat(offeredAgents()).isEmpty();
        time.advance(Duration.ofSeconds(29));
        assertThat(offeredAgents()).isEmpty();
        time.advance(Duration.ofSeconds(1));
        assertThat(decisions).anyMatch(d -> d instanceof AcdDecision.Overflowed o && o.toGroupId() == GENERAL);
        var offer = (AcdDecision.Offer) decisions.getLast();
        assertThat(offer.agentId()).isEqualTo(1);
        assertThat(offer.viaGroupId()).isEqualTo(GENERAL);
    }

    @Test
    void aCallerWhoWaitsTooLongIsOfferedVoicemailOrACallback() {
        group(SOCIAL, RoutingStrategy.LONGEST_IDLE, null);
        agent(1, Map.of(SOCIAL, 1));
        call("a", SOCIAL, 0);
        time.advance(Duration.ofMinutes(3));
        assertThat(decisions).singleElement().isInstanceOf(AcdDecision.WaitedTooLong.class);
        ready(1);
        assertThat(offeredAgents()).isEmpty();
    }

    @Test
    void anAgentFreedByARingingAbandonTakesTheNextCallOnceItsDeskSaysReady() {
        group(SOCIAL, RoutingStrategy.LONGEST_IDLE, null);
        agent(1, Map.of(SOCIAL, 1));
        ready(1);
        call("first", SOCIAL, 0);
        call("second", SOCIAL, 0);
        assertThat(offeredAgents()).containsExactly(1L);
        assertThat(acd.abandoned("first")).contains("RINGING");
        // not yet: the desk first shows 示闲, then the next call rings
        assertThat(offeredAgents()).containsExactly(1L);
        assertThat(acd.stateOf(1)).isEqualTo(AgentState.READY);
        acd.agentState(1, AgentState.READY);
        assertThat(offeredAgents()).containsExactly(1L, 1L);
        assertThat(acd.stateOf(1)).isEqualTo(AgentState.RINGING);
        // a READY that crosses the offer is not an offer of a second call
        call("third", SOCIAL, 0);
        acd.agentState(1, AgentState.READY);
        assertThat(offeredAgents()).containsExactly(1L, 1L);
        assertThat(acd.stateOf(1)).isEqualTo(AgentState.RINGING);
    }

    @Test
    void abandonsAreToldApartByWhereTheyHappened() {
        group(SOCIAL, RoutingStrategy.LONGEST_IDLE, null);
        agent(1, Map.of(SOCIAL, 1));
        call("queued", SOCIAL, 0);
        assertThat(acd.abandoned("queued")).contains("QUEUE");
        ready(1);
        call("ringing", SOCIAL, 0);
        assertThat(acd.abandoned("ringing")).contains("RINGING");
        assertThat(acd.stateOf(1)).isEqualTo(AgentState.READY);
        assertThat(acd.abandoned("unknown")).isEmpty();
    }

    @Test
    void expectedWaitGrowsWithThePlaceInTheQueue() {
        group(SOCIAL, RoutingStrategy.LONGEST_IDLE, null);
        agent(1, Map.of(SOCIAL, 1));
        agent(2, Map.of(SOCIAL, 1));
        acd.agentState(1, AgentState.NOT_READY);
        acd.agentState(2, AgentState.NOT_READY);
        for (int i = 0; i < 5; i++) {
            call("c" + i, SOCIAL, 0);
        }
        Duration aht = Duration.ofSeconds(120);
        assertThat(acd.expectedWait("c0", aht)).isEqualTo(Duration.ofSeconds(120));
        assertThat(acd.expectedWait("c1", aht)).isEqualTo(Duration.ofSeconds(120));
        assertThat(acd.expectedWait("c2", aht)).isEqualTo(Duration.ofSeconds(240));
        assertThat(acd.expectedWait("c4", aht)).isEqualTo(Duration.ofSeconds(360));
    }
}
