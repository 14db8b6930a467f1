package org.openhotline.callcenter.internal.calls;

import java.time.Clock;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.internal.acd.Acd;
import org.openhotline.callcenter.internal.acd.WaitingCall;
import org.openhotline.callcenter.internal.agents.AgentDesk;
import org.openhotline.callcenter.internal.calls.LiveCalls.LiveCall;
import org.openhotline.callcenter.internal.calls.LiveCalls.Phase;
import org.openhotline.callcenter.internal.engine.Switchboard;
import org.openhotline.callcenter.internal.records.CallRecords;
import org.openhotline.shared.DomainException;
import org.openhotline.telephony.LegId;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyEvent;
import org.openhotline.telephony.TelephonyListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the agent does to a call in progress, from the phone bar or with the desk phone's own keys: 外呼, 三方通话,
 * 会话升级, hang up, mute, 一键转接, and the phone's transfer key (blind REFER, or attended REFER with Replaces, which
 * completes the consultation the phone placed). Consultations at the phone bar are {@link Consultations}; the call's
 * way before and after is {@link CallFlow}.
 */
@Component
public class PhoneBarActions implements TelephonyListener {

    private static final Logger log = LoggerFactory.getLogger(PhoneBarActions.class);

    private final LiveCalls calls;
    private final CallFlow flow;
    private final Consultations consultations;
    private final Switchboard switchboard;
    private final CallRecords records;
    private final AgentDesk desk;
    private final Acd acd;
    private final QueueAnnouncements announcements;
    private final Clock clock;

    PhoneBarActions(LiveCalls calls, CallFlow flow, Consultations consultations, Switchboard switchboard,
                    CallRecords records, AgentDesk desk, Acd acd, QueueAnnouncements announcements, Clock clock) {
        this.calls = calls;
        this.flow = flow;
        this.consultations = consultations;
        this.switchboard = switchboard;
        this.records = records;
        this.desk = desk;
        this.acd = acd;
        this.announcements = announcements;
        this.clock = clock;
    }

    private TelephonyEngine engine() {
        return switchboard.engine();
    }

    /** The desk phone's transfer key; every other event is the call flow's. */
    @Override
    public void on(TelephonyEvent event) {
        try {
            switch (event) {
                case TelephonyEvent.TransferRequested asked -> transferFromThePhone(asked);
                case TelephonyEvent.AttendedTransferRequested asked -> attendedTransferFromThePhone(asked);
                default -> { }
            }
        } catch (RuntimeException e) {
            log.error("Could not handle telephony event {}", event, e);
        }
    }

    /**
     * Outbound call (外呼, e.g. a callback): the agent's phone is rung with soft off-hook, then the citizen is
     * called through the trunk showing the hotline's number; both are bridged and recorded.
     */
    String dial(long agentId, String extension, String number) {
        if (!engine().canReach(number)) {
            // said before the agent's phone rings: there is nobody to put the agent through to
            throw DomainException.conflict("无法呼叫 " + number + "：不是已注册的分机，也没有可外呼的中继");
        }
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Void>> agentAnswered =
                new java.util.concurrent.atomic.AtomicReference<>();
        LegId agentLeg = engine().originate(extension, number, true, leg -> {
            // filed before the INVITE leaves: a phone that fails at once (a 403, a dead contact) reports its end to a
            // call already known, and its answer is awaited on a leg that still exists
            LiveCall call = new LiveCall(leg.value(), number);
            call.inbound = false;
            call.agentId = agentId;
            call.agentLeg = leg;
            call.phase = Phase.RINGING;
            calls.add(call);
            calls.fileAgentLeg(leg, leg.value());
            records.arrived(leg.value(), number, number, null, "OUTBOUND");
            records.placed(leg.value(), agentId);
            agentAnswered.set(engine().answered(leg));
        });
        String callId = agentLeg.value();
        LiveCall call = calls.get(callId);
        agentAnswered.get().thenRun(() -> {
            LegId citizen;
            java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Void>> citizenAnswered =
                    new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<org.openhotline.telephony.EndCause>>
                    citizenEnded = new java.util.concurrent.atomic.AtomicReference<>();
            try {
                // the answer is awaited from before the INVITE leaves: a busy phone's 486 can end the leg at once
                citizen = engine().originate(number, null, false, leg -> {
                    citizenAnswered.set(engine().answered(leg));
                    citizenEnded.set(engine().ended(leg));
                });
            } catch (RuntimeException e) {
                log.warn("外呼 {}: the number could not be called ({}); the agent's phone is released", callId, e.getMessage());
                engine().hangup(agentLeg);
                return;
            }
            citizenAnswered.get().whenComplete((answered, notAnswered) -> {
                if (notAnswered != null) {
                    // busy, no answer, refused: the record says so, and the agent's phone does not stay off-hook in
                    // silence (its end closes the call: CallFlow)
                    citizenEnded.get().whenComplete((cause, e) -> {
                        if (cause != null) records.ended(callId, cause.name(), null);
                        engine().hangup(agentLeg);
                    });
                    return;
                }
                call.phase = Phase.TALKING;
                records.answered(callId, agentId);
                desk.byCall(agentId, AgentState.TALKING, callId, number, null);
                engine().bridge(agentLeg, citizen);
                engine().record(citizen, agentLeg);
            });
        });
        return callId;
    }

    /** Three-way call (三方通话): a third party is rung and joins the caller and the agent in one conference. */
    void conference(LiveCall call, String destination) {
        LegId third = engine().originate(destination, call.caller, false);
        records.transferred(call.callId, "三方通话 " + destination);
        engine().keepWhenAlone(new LegId(call.callId), false); // no survey after a three-way call
        engine().answered(third).thenRun(() -> engine().conference(new LegId(call.callId), call.agentLeg, third));
    }

    /** Escalation (会话升级): the caller goes to the team leaders' queue ahead of everyone, the agent is free. */
    void escalate(LiveCall call, long leadersGroupId) {
        engine().keepWhenAlone(new LegId(call.callId), true); // the caller stays when the agent's leg goes
        if (call.agentLeg != null) {
            calls.forgetAgentLeg(call.agentLeg);
            engine().hangup(call.agentLeg);
        }
        Long agent = call.agentId;
        records.transferred(call.callId, "升级至班长");
        call.agentLeg = null;
        call.agentId = null;
        call.groupId = leadersGroupId;
        call.phase = Phase.QUEUE;
        flow.playHoldMusic(call);
        acd.enqueue(new WaitingCall(call.callId, call.caller, leadersGroupId, 20, clock.instant()));
        announcements.queued(call.callId, leadersGroupId);
        if (agent != null) {
            LiveCall finished = new LiveCall(call.callId, call.caller);
            finished.agentId = agent;
            finished.groupId = leadersGroupId;
            flow.afterCallWork(finished);
        }
    }

    /**
     * The agent hangs up at the phone bar: its own leg goes, so that the caller is kept for the satisfaction
     * survey exactly as when the agent puts the handset down.
     */
    void agentHangsUp(LiveCall call) {
        LegId agentLeg = call.agentLeg;
        flow.hangupQuietly(agentLeg != null && call.inbound ? agentLeg : new LegId(call.callId));
    }

    /** Mute at the phone bar: the agent's own leg is not heard by the caller (a listening team leader still hears it). */
    void mute(LiveCall call, boolean muted) {
        LegId agentLeg = call.agentLeg;
        if (agentLeg == null) {
            throw DomainException.conflict("当前通话没有坐席话路，无法静音");
        }
        try {
            engine().mute(agentLeg, muted);
        } catch (IllegalArgumentException gone) {
            throw DomainException.conflict("通话已结束");
        }
        call.muted = muted;
    }

    /**
     * Blind transfer (一键转接): the caller leaves the agent and is bridged to the destination (an extension,
     * an outside number or another city's 12345 through the trunk); the agent goes to after-call work.
     */
    public void transfer(LiveCall call, String destination) {
        transfer(call, destination, false);
    }

    /** {@code fromThePhone}: the phone's REFER is answered (final NOTIFY) once the citizen has left its room. */
    private void transfer(LiveCall call, String destination, boolean fromThePhone) {
        LegId agentLeg = call.agentLeg;
        call.phase = Phase.DONE;
        calls.forgetAgentLeg(agentLeg);
        records.transferred(call.callId, "转接至 " + destination);
        engine().keepWhenAlone(new LegId(call.callId), false); // the transferred call ends with its new party
        engine().transfer(new LegId(call.callId), destination);
        if (agentLeg != null) {
            if (fromThePhone) engine().referOutcome(agentLeg, true);
            engine().hangup(agentLeg);
        }
        flow.afterCallWork(call);
    }

    /**
     * The agent pressed the transfer key on the desk phone (SIP REFER): the same blind transfer as the phone bar's
     * 一键转接, recorded in the call's transfer chain. A REFER from a leg that is not an agent's talking leg is declined
     * to the phone (NOTIFY 603) and changes nothing.
     */
    private void transferFromThePhone(TelephonyEvent.TransferRequested asked) {
        LiveCall call = calls.talkingOnAgentLeg(asked.leg());
        if (call == null) {
            log.info("Transfer to {} asked by leg {}, which is no agent's talking leg: declined", asked.destination(), asked.leg());
            engine().referOutcome(asked.leg(), false);
            return;
        }
        log.info("Agent {} transfers call {} to {} from the phone", call.agentId, call.callId, asked.destination());
        transfer(call, asked.destination(), true);
    }

    /**
     * The agent's desk phone completed an attended transfer (REFER with Replaces, RFC 5589): one of its legs is the
     * agent's leg of a call, the other its consultation call placed through the platform. Carried out as the phone
     * bar's 咨询转接 completes; anything else is declined to the phone (NOTIFY 603) and changes nothing.
     */
    private void attendedTransferFromThePhone(TelephonyEvent.AttendedTransferRequested asked) {
        LiveCall call = calls.talkingOnAgentLeg(asked.leg());
        LegId phoneLeg = asked.replaced();
        if (call == null) {
            // the phone may as well have sent the REFER on its consultation dialog, naming the call's
            call = calls.talkingOnAgentLeg(asked.replaced());
            phoneLeg = asked.leg();
        }
        boolean done = call != null && consultations.completeFromPhone(call, phoneLeg, asked.leg());
        if (!done) {
            log.info("Attended transfer asked by leg {} replacing {}: no consultation of an agent's call, declined",
                    asked.leg(), asked.replaced());
            engine().referOutcome(asked.leg(), false);
        }
    }
}
