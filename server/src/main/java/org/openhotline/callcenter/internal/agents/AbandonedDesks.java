package org.openhotline.callcenter.internal.agents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.openhotline.callcenter.AgentState;
import org.openhotline.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An agent who closes the browser while 示闲 would keep being offered calls nobody answers. When the desk's live
 * stream of a signed-in agent has been gone for {@code hotline.callcenter.desk-grace} (default 30 s, enough for a
 * page reload to reconnect), the agent is set 示忙 with the reason 客户端断开; a call in progress is left alone
 * and the agent is checked again after it. Agents who work through the API alone (no desk ever opened) are not
 * watched.
 */
@Component
class AbandonedDesks {

    static final String REASON = "客户端断开";

    private final DeskEvents desks;
    private final AgentDesk agents;
    private final SeatBoard board;
    private final Clock clock;
    private final Duration grace;

    AbandonedDesks(DeskEvents desks, AgentDesk agents, SeatBoard board, Clock clock,
                   @Value("${hotline.callcenter.desk-grace:PT30S}") Duration grace) {
        this.desks = desks;
        this.agents = agents;
        this.board = board;
        this.clock = clock;
        this.grace = grace;
    }

    @org.openhotline.shared.cluster.EveryNode // the desks connected to this node
    @Scheduled(fixedDelayString = "${hotline.callcenter.desk-heartbeat:PT10S}")
    void check() {
        desks.heartbeat();
        setNotReady(clock.instant());
    }

    /** Sets 示忙 every agent whose desk has been gone longer than the grace at {@code now}; answers how many. */
    int setNotReady(Instant now) {
        int moved = 0;
        for (var gone : desks.abandoned().entrySet()) {
            long accountId = gone.getKey();
            if (gone.getValue().plus(grace).isAfter(now)) {
                continue;
            }
            AgentState state = board.of(accountId).state();
            if (state.onCall()) {
                continue; // the call goes on over the phone; decided when it has ended
            }
            desks.forget(accountId);
            if (state == AgentState.READY || state == AgentState.AFTER_CALL_WORK) {
                try {
                    agents.choose(accountId, AgentState.NOT_READY, REASON, "system", false);
                    moved++;
                } catch (DomainException changedMeanwhile) {
                    // a call or a sign-out came first: nothing to stop any more
                }
            }
        }
        return moved;
    }
}
