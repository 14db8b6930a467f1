package org.openhotline.callcenter.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.internal.acd.Acd;
import org.openhotline.callcenter.internal.acd.AcdDecision;
import org.openhotline.callcenter.internal.acd.RoutingStrategy;
import org.openhotline.callcenter.internal.acd.SkillGroup;
import org.openhotline.callcenter.internal.acd.WaitingCall;

/** Chats as the ACD's second medium: capacities per group, and calls held back from agents busy with chats. */
class AcdChatTest {

    static final long GROUP = 1;

    ManualTime time = new ManualTime();
    List<AcdDecision> decisions = new ArrayList<>();
    Acd acd = new Acd(time, time, decisions::add);

    AcdChatTest() {
        // 2 chats at most, 1 of them beside a call
        acd.defineGroup(new SkillGroup(GROUP, "web", "在线", RoutingStrategy.LONGEST_IDLE, null, null,
                Duration.ofSeconds(15), Duration.ofMinutes(3), 2, 1));
    }

    void agent(long id) {
        acd.defineAgent(id, String.format("2%03d", id), Map.of(GROUP, 3));
    }

    void chat(String id) {
        acd.enqueueChat(new WaitingCall(id, "网友", GROUP, 0, time.instant()));
        time.advance(Duration.ofSeconds(1));
    }

    void call(String id) {
        acd.enqueue(new WaitingCall(id, "13800000000", GROUP, 0, time.instant()));
    }

    List<String> assignedTo(long agent) {
        return decisions.stream().filter(d -> d instanceof AcdDecision.ChatAssigned c && c.agentId() == agent)
                .map(d -> ((AcdDecision.ChatAssigned) d).chatId()).toList();
    }

    List<Long> callOffers() {
        return decisions.stream().filter(d -> d instanceof AcdDecision.Offer).map(d -> ((AcdDecision.Offer) d).agentId()).toList();
    }

    @Test
    void aReadyAgentTakesChatsUpToTheGroupsCapacityAndTheRestWaitInOrder() {
        agent(1);
        acd.agentState(1, AgentState.READY);
        chat("a");
        chat("b");
        chat("c");
        chat("d");
        assertThat(assignedTo(1)).containsExactly("a", "b");
        assertThat(acd.chatPosition("c")).isEqualTo(1);
        assertThat(acd.chatPosition("d")).isEqualTo(2);
        assertThat(acd.stateOf(1)).isEqualTo(AgentState.READY); // a chat does not ring or busy the phone

        acd.chatEnded("a");
        assertThat(assignedTo(1)).containsExactly("a", "b", "c");
        assertThat(acd.chatPosition("d")).isEqualTo(1);
        assertThat(decisions).anyMatch(d -> d instanceof AcdDecision.ChatQueued q && q.chat().callId().equals("d") && q.position() == 1);
    }

    @Test
    void chatsGoToTheAgentWithFewestChatsAndNotToAgentsNotReadyOrSignedOut() {
        agent(1);
        agent(2);
        agent(3);
        acd.agentState(1, AgentState.READY);
        time.advance(Duration.ofSeconds(5));
        acd.agentState(2, AgentState.READY);
        acd.agentState(3, AgentState.BREAK);
        chat("a");
        chat("b");
        chat("c");
        // a: the longest ready; b: the one without a chat; c: a tie on chats, the longest ready again
        assertThat(assignedTo(1)).containsExactly("a", "c");
        assertThat(assignedTo(2)).containsExactly("b");
        assertThat(assignedTo(3)).isEmpty();
    }

    @Test
    void anAgentWithMoreChatsThanAllowedBesideACallGetsNoCallUntilAChatEnds() {
        agent(1);
        acd.agentState(1, AgentState.READY);
        chat("a");
        chat("b");
        call("call-1");
        assertThat(callOffers()).isEmpty(); // 2 chats > 1 allowed beside a call
        acd.chatEnded("a");
        assertThat(callOffers()).containsExactly(1L); // one chat left: the call rings at once
        assertThat(acd.stateOf(1)).isEqualTo(AgentState.RINGING);
    }

    @Test
    void anAgentOnACallTakesOnlyTheChatsAllowedBesideACall() {
        agent(1);
        acd.agentState(1, AgentState.READY);
        call("call-1");
        acd.answered("call-1");
        chat("a");
        chat("b");
        assertThat(assignedTo(1)).containsExactly("a"); // 1 call + 1 chat
        assertThat(acd.chatPosition("b")).isEqualTo(1);
        acd.agentState(1, AgentState.READY); // the call ended
        assertThat(assignedTo(1)).containsExactly("a", "b");
    }

    @Test
    void aTransferMovesTheChatWithinCapacityAndAGroupTransferRequeuesItInItsPlace() {
        agent(1);
        agent(2);
        acd.agentState(1, AgentState.READY);
        chat("a");
        assertThat(acd.transferChat("a", 2, GROUP)).isFalse(); // agent 2 is signed out
        acd.agentState(2, AgentState.READY);
        assertThat(acd.transferChat("a", 2, GROUP)).isTrue();
        assertThat(acd.chatsOf(1)).isEmpty();
        assertThat(acd.chatsOf(2)).containsExactly("a");

        acd.agentState(1, AgentState.NOT_READY);
        acd.agentState(2, AgentState.NOT_READY);
        Instant since = time.instant().minusSeconds(60);
        chat("later");
        acd.transferChatToGroup(new WaitingCall("a", "网友", GROUP, 0, since));
        assertThat(acd.chatsOf(2)).isEmpty();
        assertThat(acd.chatPosition("a")).isEqualTo(1); // arrived before "later": ahead of it
        assertThat(acd.chatPosition("later")).isEqualTo(2);
        assertThat(acd.chatAbandoned("later")).isTrue();
        assertThat(acd.chatPosition("a")).isEqualTo(1);
    }

    @Test
    void aChatQueuedAgainWhileWaitingOrHeldIsNotQueuedTwice() {
        // a new lease holder puts the chats on record back into the ACD, perhaps while their first routing still runs
        chat("a");
        chat("b");
        acd.enqueueChat(new WaitingCall("a", "网友", GROUP, 0, time.instant()));
        assertThat(acd.chatPosition("b")).isEqualTo(2);
        assertThat(acd.chatAbandoned("a")).isTrue();
        assertThat(acd.chatPosition("a")).isZero();
        assertThat(acd.chatPosition("b")).isEqualTo(1);

        agent(1);
        acd.agentState(1, AgentState.READY);
        assertThat(assignedTo(1)).containsExactly("b");
        acd.enqueueChat(new WaitingCall("b", "网友", GROUP, 0, time.instant()));
        assertThat(acd.chatPosition("b")).as("held by agent 1, not waiting again").isZero();
        assertThat(assignedTo(1)).containsExactly("b");
    }
}
