package org.openhotline.callcenter.internal.acd;

import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.ChatRoutingEvents;
import org.openhotline.callcenter.internal.acd.AcdDecision;
import org.openhotline.callcenter.internal.agents.AgentDesk;
import org.openhotline.callcenter.internal.agents.AgentRoster;
import org.openhotline.callcenter.internal.calls.CallFlow;
import org.openhotline.callcenter.internal.records.CallRecords;
import org.openhotline.callcenter.internal.supervision.SeatWall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries out the ACD's decisions: the seat wall and state log follow the agent, the call record notes the
 * offer. Ringing the agent's phone and bridging are the telephony engine's part, driven by {@link CallFlow}.
 */
@Component
class AcdDecisions {

    private static final Logger log = LoggerFactory.getLogger(AcdDecisions.class);

    private final AgentDesk desk;
    private final CallRecords records;
    private final CallFlow legs;

    private final org.springframework.context.ApplicationEventPublisher events;
    private final AgentRoster roster;
    private final java.time.Clock clock;
    private final SeatWall wall;

    AcdDecisions(AgentDesk desk, CallRecords records, CallFlow legs, AcdOutbox outbox,
                 org.springframework.context.ApplicationEventPublisher events, AgentRoster roster, java.time.Clock clock,
                 SeatWall wall) {
        this.wall = wall;
        this.desk = desk;
        this.records = records;
        this.legs = legs;
        this.events = events;
        this.roster = roster;
        this.clock = clock;
        outbox.deliverTo(this::carryOut);
    }

    void carryOut(AcdDecision decision) {
        try {
            switch (decision) {
                case AcdDecision.Offer offer -> {
                    records.offered(offer.call().callId(), offer.agentId(), offer.viaGroupId());
                    desk.byCall(offer.agentId(), AgentState.RINGING, offer.call().callId(), offer.call().caller(), null);
                    legs.ringAgent(offer);
                }
                case AcdDecision.RingTimedOut timeout -> {
                    desk.byCall(timeout.agentId(), AgentState.NOT_READY, null, null, null);
                    legs.stopRinging(timeout.call().callId(), timeout.agentId());
                }
                case AcdDecision.Overflowed overflowed -> records.overflowed(overflowed.call().callId(), overflowed.toGroupId());
                case AcdDecision.WaitedTooLong tooLong -> legs.waitedTooLong(tooLong.call());
                case AcdDecision.ChatAssigned chat -> {
                    events.publishEvent(new ChatRoutingEvents.ChatAssigned(chat.chatId(), chat.agentId(),
                            roster.find(chat.agentId()).map(AgentRoster.Agent::agentNo).orElse(""), chat.viaGroupId(),
                            clock.instant()));
                    wall.chatsChanged(chat.agentId());
                }
                case AcdDecision.ChatQueued queued -> events.publishEvent(new ChatRoutingEvents.ChatWaiting(
                        queued.chat().callId(), queued.position(), clock.instant()));
            }
        } catch (RuntimeException e) {
            log.error("Could not carry out ACD decision {}", decision, e);
        }
    }
}
