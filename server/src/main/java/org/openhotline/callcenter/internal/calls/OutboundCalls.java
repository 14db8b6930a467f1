package org.openhotline.callcenter.internal.calls;

import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.internal.agents.SeatBoard;
import org.openhotline.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * The phone bar's outbound path (外呼) for whoever calls a citizen for the agent: the phone bar itself and the
 * missed-call callbacks. The agent must be signed in with an extension and not on a call; the citizen sees the
 * hotline's number (the trunk's caller ID).
 */
@Component
public class OutboundCalls {

    private final SeatBoard board;
    private final PhoneBarActions actions;

    OutboundCalls(SeatBoard board, PhoneBarActions actions) {
        this.board = board;
        this.actions = actions;
    }

    /** Rings the agent's own phone (soft off-hook), then the citizen; returns the call's id. */
    public String dial(long agentId, String number) {
        return actions.dial(agentId, mayDial(agentId), number);
    }

    /** The extension the agent dials from; a domain error unless the agent may dial now. */
    public String mayDial(long agentId) {
        SeatBoard.Seat seat = board.of(agentId);
        if (seat.state() == AgentState.SIGNED_OUT || seat.extension() == null) {
            throw DomainException.conflict("请先签入");
        }
        if (seat.state().onCall()) {
            throw DomainException.conflict("通话中不能外呼");
        }
        return seat.extension();
    }
}
