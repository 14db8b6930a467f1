package org.openhotline.callcenter.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.internal.acd.Acd;
import org.openhotline.callcenter.internal.acd.AcdDecision;
import org.openhotline.callcenter.internal.acd.WaitingCall;
import org.openhotline.telephony.LegId;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyEvent;
import org.openhotline.telephony.TelephonyListener;
import org.openhotline.telephony.ivr.QueueHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Where the call center meets the telephony engine. The IVR hands callers over ({@link QueueHandler}); the ACD
 * decides; this class rings the agent's extension, bridges and records on answer, and turns the engine's
 * events into call records, agent states (ringing, talking, after-call work) and abandons at the right point.
 * A call is known by its caller leg's id.
 */
@Component
class CallLegs implements TelephonyListener, QueueHandler {

    private static final Logger log = LoggerFactory.getLogger(CallLegs.class);

    enum Phase { IVR, QUEUE, RINGING, TALKING, DONE }

    /** The trunk name the engine gives calls placed by a registered extension. */
    static final String EXTENSION = "extension";

    static final class LiveCall {
        final String callId;
        final String caller;
        volatile Phase phase = Phase.IVR;
        volatile Long groupId;
        volatile Long agentId;
        volatile LegId agentLeg;
        volatile boolean held;
        /** Inbound calls end with the satisfaction survey when the agent hangs up first; outbound calls do not. */
        volatile boolean inbound = true;
        volatile boolean muted;
        volatile boolean surveyed;

        LiveCall(String callId, String caller) {
            this.callId = callId;
            this.caller = caller;
        }
    }

    /** What consultations (咨询转接, see {@link Consultations}) need to hear about legs and calls ending. */
    interface ConsultHooks {
        ConsultHooks NONE = new ConsultHooks() {
            @Override
            public boolean consultLegEnded(LegId leg) {
                return false;
            }

            @Override
            public void callEnded(LiveCall call) {
            }

            @Override
            public boolean phoneCalls(LegId leg, String extension, String destination) {
                return false;
            }

            @Override
            public boolean completeFromPhone(LiveCall call, LegId phoneLeg, LegId referLeg) {
                return false;
            }
        };

        /** A leg ended; true when it was a consulted party's (then nothing else is done with it). */
        boolean consultLegEnded(LegId leg);

        /** The call ended for its agent (hang-up, transfer, escalation): a consulted party goes too. */
        void callEnded(LiveCall call);

        /** An extension's phone placed a call; true when it is an agent consulting during its call (then taken on). */
        boolean phoneCalls(LegId leg, String extension, String destination);

        /**
         * The agent's phone asked (REFER on {@code referLeg}) to join the caller with its consultation on
         * {@code phoneLeg}; true when done (the phone was told so).
         */
        boolean completeFromPhone(LiveCall call, LegId phoneLeg, LegId referLeg);
    }

    private volatile ConsultHooks consultHooks = ConsultHooks.NONE;

    void consultHooks(ConsultHooks hooks) {
        this.consultHooks = hooks;
    }

    private final Map<String, LiveCall> calls = new ConcurrentHashMap<>();
    private final Map<String, String> callOfAgentLeg = new ConcurrentHashMap<>();

    private final Acd acd;
    private final AgentDesk desk;
    private final CallRecords records;
    private final AgentRoster roster;
    private final CallRouting routing;
    private final SkillGroups groups;
    private final Clock clock;
    private final TelephonyRuntime runtime;
    private final SeatWall wall;
    private final QueueAnnouncements announcements;
    private final SatisfactionSurvey survey;

    CallLegs(@Lazy SeatWall wall, Acd acd, @Lazy AgentDesk desk, CallRecords records, AgentRoster roster, CallRouting routing,
             SkillGroups groups, Clock clock, @Lazy TelephonyRuntime runtime, @Lazy QueueAnnouncements announcements,
             SatisfactionSurvey survey) {
        this.wall = wall;
        this.announcements = announcements;
        this.survey = survey;
        this.acd = acd;
        this.desk = desk;
        this.records = records;
        this.roster = roster;
        this.routing = routing;
        this.groups = groups;
        this.clock = clock;
        this.runtime = runtime;
    }

    private TelephonyEngine engine() {
        return runtime.engine();
    }

    // ---- from the IVR -----------------------------------------------------------------------------------

    /**
     * The engine hands callers over on its event thread, in order with the calls' events: the call is known
     * (its {@code CallArrived} came first) unless the caller hung up while being handed over.
     */
    @Override
    public void enqueue(QueuedCall queued) {
        LiveCall call = calls.get(queued.leg().value());
        if (call == null) {
            log.info("Caller {} left before joining the queue", queued.leg());
            return;
        }
        long groupId = routing.groupFor(queued.called(), queued.caller(), queued.queue());
        synchronized (call) {
            if (call.phase != Phase.IVR) {
                return;
            }
            call.groupId = groupId;
            call.phase = Phase.QUEUE;
        }
        records.queued(call.callId, groupId);
        playHoldMusic(call);
        acd.enqueue(new WaitingCall(call.callId, queued.caller(), groupId, queued.priority() ? 10 : 0, clock.instant()));
        announcements.queued(call.callId, groupId);
        wall.queuesChanged();
    }

    /** Music while queued and while an agent's phone rings; the engine loops it under announcements. */
    private void playHoldMusic(LiveCall call) {
        try {
            engine().playMusic(new LegId(call.callId), "hold-music");
        } catch (IllegalArgumentException legGone) {
            log.debug("Call {} left before its music started", call.callId);
        }
    }

    // ---- ACD decisions ----------------------------------------------------------------------------------

    /**
     * Rings the agent the ACD chose. The phase moves under the call's lock, so that a caller who hangs up
     * at this moment is either seen here (the agent is freed) or finds the agent's leg to hang up.
     */
    void ringAgent(AcdDecision.Offer offer) {
        LiveCall call = calls.get(offer.call().callId());
        if (call == null) {
            offerOutlived(offer);
            return;
        }
        Optional<String> extension = roster.find(offer.agentId()).map(AgentRoster.Agent::extension);
        synchronized (call) {
            if (call.phase != Phase.QUEUE) {
                offerOutlived(offer);
                return;
            }
            call.phase = Phase.RINGING;
            call.agentId = offer.agentId();
            try {
                // The leg is filed before its INVITE leaves: a phone that answers at once (soft off-hook) has its
                // answer reported on the engine's thread while originate() is still returning, and an answer
                // from a leg nobody knows would be dropped, the ring timeout would take the agent out.
                engine().originate(extension.orElseThrow(), call.caller, runtime.autoAnswer(), agentLeg -> {
                    call.agentLeg = agentLeg;
                    callOfAgentLeg.put(agentLeg.value(), call.callId);
                });
                return;
            } catch (RuntimeException e) {
                log.info("Could not ring agent {} for call {}: {}", offer.agentId(), call.callId, e.getMessage());
                if (call.agentLeg != null) {
                    callOfAgentLeg.remove(call.agentLeg.value());
                    call.agentLeg = null;
                }
                call.phase = Phase.QUEUE;
                call.agentId = null;
            }
        }
        acd.offerFailed(call.callId);
    }

    /** The caller left after the ACD decided: the agent is free again. */
    private void offerOutlived(AcdDecision.Offer offer) {
        acd.abandoned(offer.call().callId());
        desk.byCall(offer.agentId(), AgentState.READY, null, null, null);
    }

    void stopRinging(String callId, long agentId) {
        LiveCall call = calls.get(callId);
        if (call == null) {
            return;
        }
        LegId ringing;
        synchronized (call) {
            if (call.phase != Phase.RINGING || call.agentLeg == null) {
                return;
            }
            ringing = call.agentLeg;
            callOfAgentLeg.remove(ringing.value());
            call.agentLeg = null;
            call.agentId = null;
            call.phase = Phase.QUEUE;
        }
        engine().hangup(ringing);
    }

    void waitedTooLong(WaitingCall waiting) {
        LiveCall call = calls.get(waiting.callId());
        if (call == null) {
            return;
        }
        synchronized (call) {
            call.phase = Phase.DONE;
        }
        announcements.left(call.callId);
        records.ended(call.callId, "MAX_WAIT", "QUEUE");
        records.callbackRequested(call.caller, call.callId, "排队超时");
        LegId leg = new LegId(call.callId);
        engine().stopPlayback(leg);
        engine().runFlow(leg, TelephonyRuntime.QUEUE_TIMEOUT_FLOW);
    }

    // ---- engine events ----------------------------------------------------------------------------------

    @Override
    public void on(TelephonyEvent event) {
        try {
            switch (event) {
                case TelephonyEvent.CallArrived arrived -> {
                    if (callOfAgentLeg.containsKey(arrived.leg().value())) {
                        return;
                    }
                    if (EXTENSION.equals(arrived.trunk())
                            && consultHooks.phoneCalls(arrived.leg(), arrived.from(), arrived.to())) {
                        return;
                    }
                    calls.putIfAbsent(arrived.leg().value(), new LiveCall(arrived.leg().value(), arrived.from()));
                    records.arrived(arrived.leg().value(), arrived.from(), arrived.to(), arrived.trunk(), "INBOUND");
                }
                case TelephonyEvent.IvrFinished finished -> {
                    if (!SatisfactionSurvey.FLOW.equals(finished.flowId())) {
                        records.ivrFinished(finished.leg().value(), finished.outcome());
                    }
                    String score = finished.variables().get("satisfaction");
                    if (score != null && score.matches("[123]")) {
                        records.satisfaction(finished.leg().value(), Integer.parseInt(score));
                    }
                }
                case TelephonyEvent.Answered answered -> agentAnswered(answered.leg());
                case TelephonyEvent.Ended ended -> legEnded(ended);
                case TelephonyEvent.LeftAlone alone -> callerLeftAlone(alone.leg());
                case TelephonyEvent.TransferRequested asked -> transferFromThePhone(asked);
                case TelephonyEvent.AttendedTransferRequested asked -> attendedTransferFromThePhone(asked);
                case TelephonyEvent.RecordingReady ready -> records.recording(ready.leg().value(),
                        ready.file().toString(), ready.duration());
                default -> { }
            }
        } catch (RuntimeException e) {
            log.error("Could not handle telephony event {}", event, e);
        }
    }

    private void agentAnswered(LegId agentLeg) {
        String callId = callOfAgentLeg.get(agentLeg.value());
        LiveCall call = callId == null ? null : calls.get(callId);
        if (call == null) {
            return;
        }
        synchronized (call) {
            if (call.phase != Phase.RINGING || !agentLeg.equals(call.agentLeg)) {
                if (call.inbound) {
                    // a late answer to an offer that is over (the caller left, the ring timed out)
                    engine().hangup(agentLeg);
                }
                return;
            }
            call.phase = Phase.TALKING;
        }
        announcements.left(callId);
        acd.answered(callId);
        wall.queuesChanged();
        records.answered(callId, call.agentId);
        desk.byCall(call.agentId, AgentState.TALKING, callId, call.caller, null);
        LegId callerLeg = new LegId(callId);
        try {
            engine().stopPlayback(callerLeg);
            if (survey.enabled() && call.inbound) {
                engine().keepWhenAlone(callerLeg, true); // the caller stays for the survey if the agent hangs up first
            }
            engine().bridge(callerLeg, agentLeg);
            Path file = engine().record(callerLeg, agentLeg);
            log.debug("Recording call {} to {}", callId, file);
        } catch (IllegalArgumentException callerGone) {
            // The caller hung up just as the agent answered; the caller's end event follows and finishes the call.
            log.info("Call {} ended while agent {} answered", callId, call.agentId);
            engine().hangup(agentLeg);
        }
    }

    private void legEnded(TelephonyEvent.Ended ended) {
        if (consultHooks.consultLegEnded(ended.leg())) {
            return;
        }
        String leg = ended.leg().value();
        String callIdOfAgent = callOfAgentLeg.remove(leg);
        if (callIdOfAgent != null) {
            agentLegEnded(calls.get(callIdOfAgent), ended);
            return;
        }
        LiveCall call = calls.remove(leg);
        if (call == null) {
            return;
        }
        Phase phase;
        LegId ringing;
        Long ringingAgent;
        synchronized (call) {
            phase = call.phase;
            call.phase = Phase.DONE;
            ringing = phase == Phase.RINGING ? call.agentLeg : null;
            ringingAgent = call.agentId;
        }
        announcements.left(call.callId);
        switch (phase) {
            case IVR -> records.ended(call.callId, ended.cause().name(), "IVR");
            case QUEUE, RINGING -> {
                wall.queuesChanged();
                String point = acd.abandoned(call.callId).orElse(phase == Phase.RINGING ? "RINGING" : "QUEUE");
                records.ended(call.callId, ended.cause().name(), point);
                if (ringing != null) {
                    callOfAgentLeg.remove(ringing.value());
                    engine().hangup(ringing);
                }
                if (phase == Phase.RINGING && ringingAgent != null) {
                    // the ACD freed the agent; its READY here offers the next waiting call
                    desk.byCall(ringingAgent, AgentState.READY, null, null, null);
                }
            }
            case TALKING -> {
                records.ended(call.callId, ended.cause().name(), null);
                if (call.agentLeg != null) {
                    callOfAgentLeg.remove(call.agentLeg.value());
                    engine().hangup(call.agentLeg);
                }
                afterCallWork(call);
            }
            case DONE -> records.ended(call.callId, ended.cause().name(), null);
        }
    }

    private void agentLegEnded(LiveCall call, TelephonyEvent.Ended ended) {
        if (call == null) {
            return;
        }
        Phase phase;
        synchronized (call) {
            phase = call.phase;
            if (phase == Phase.RINGING && ended.leg().equals(call.agentLeg)) {
                call.phase = Phase.QUEUE;
                call.agentLeg = null;
            } else if (phase == Phase.TALKING && ended.leg().equals(call.agentLeg)) {
                call.phase = Phase.DONE;
            } else {
                // a stale leg (a late answer to an offer that was over), or a call already finished
                return;
            }
        }
        if (phase == Phase.RINGING) {
            // The agent's phone refused or could not be reached: the ACD tries the next agent.
            acd.offerFailed(call.callId);
            return;
        }
        records.ended(call.callId, "AGENT_HANGUP", null);
        afterCallWork(call);
        if (!call.inbound) {
            calls.remove(call.callId); // an outbound call is known by the agent's leg, which is gone
        }
        if (!call.inbound || !survey.enabled()) {
            hangupQuietly(new LegId(call.callId));
        }
        // else the caller was kept: the engine reports it LeftAlone next, and it goes to the survey
    }

    /**
     * The kept caller lost the other party: after the agent hung up (or whoever the agent handed the call to),
     * the caller goes to the satisfaction survey, once. A caller escalated back into a queue stays there.
     */
    private void callerLeftAlone(LegId leg) {
        LiveCall call = calls.get(leg.value());
        if (call == null) {
            hangupQuietly(leg);
            return;
        }
        Phase was;
        synchronized (call) {
            was = call.phase;
            if (was == Phase.QUEUE || was == Phase.RINGING || call.surveyed) {
                return;
            }
            call.surveyed = true;
            call.phase = Phase.DONE;
        }
        if (was == Phase.TALKING) {
            // the party the caller talked with was not the agent's own leg (a colleague after a handover)
            records.ended(call.callId, "PARTY_HANGUP", null);
            if (call.agentLeg != null) {
                hangupQuietly(call.agentLeg);
            }
            afterCallWork(call);
        }
        if (!survey.offerTo(leg)) {
            hangupQuietly(leg);
        }
    }

    private void hangupQuietly(LegId leg) {
        try {
            engine().hangup(leg);
        } catch (RuntimeException gone) {
            log.debug("Leg {} already gone", leg);
        }
    }

    private void afterCallWork(LiveCall call) {
        consultHooks.callEnded(call);
        if (call.agentId == null) {
            return; // the call was last with an outside number or an extension without a seat
        }
        Duration acw = call.groupId == null ? Duration.ofSeconds(30)
                : groups.find(call.groupId).map(g -> Duration.ofSeconds(g.afterCallWorkS())).orElse(Duration.ofSeconds(30));
        desk.byCall(call.agentId, AgentState.AFTER_CALL_WORK, null, null, acw);
    }

    // ---- what the agent's phone bar does ----------------------------------------------------------------

    /**
     * Outbound call (外呼, e.g. a callback): the agent's phone is rung with soft off-hook, then the citizen is
     * called through the trunk showing the hotline's number; both are bridged and recorded.
     */
    String dial(long agentId, String extension, String number) {
        LegId agentLeg = engine().originate(extension, number, true);
        String callId = agentLeg.value();
        LiveCall call = new LiveCall(callId, number);
        call.inbound = false;
        call.agentId = agentId;
        call.agentLeg = agentLeg;
        call.phase = Phase.RINGING;
        calls.put(callId, call);
        callOfAgentLeg.put(agentLeg.value(), callId);
        records.arrived(callId, number, number, null, "OUTBOUND");
        engine().answered(agentLeg).thenRun(() -> {
            LegId citizen = engine().originate(number, null, false);
            engine().answered(citizen).thenRun(() -> {
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
            callOfAgentLeg.remove(call.agentLeg.value());
            engine().hangup(call.agentLeg);
        }
        Long agent = call.agentId;
        records.transferred(call.callId, "升级至班长");
        call.agentLeg = null;
        call.agentId = null;
        call.groupId = leadersGroupId;
        call.phase = Phase.QUEUE;
        playHoldMusic(call);
        acd.enqueue(new WaitingCall(call.callId, call.caller, leadersGroupId, 20, clock.instant()));
        announcements.queued(call.callId, leadersGroupId);
        if (agent != null) {
            LiveCall finished = new LiveCall(call.callId, call.caller);
            finished.agentId = agent;
            finished.groupId = leadersGroupId;
            afterCallWork(finished);
        }
    }

    /**
     * The agent hangs up at the phone bar: its own leg goes, so that the caller is kept for the satisfaction
     * survey exactly as when the agent puts the handset down.
     */
    void agentHangsUp(LiveCall call) {
        LegId agentLeg = call.agentLeg;
        hangupQuietly(agentLeg != null && call.inbound ? agentLeg : new LegId(call.callId));
    }

    /** Mute at the phone bar: the agent's own leg is not heard by the caller (a listening team leader still hears it). */
    void mute(LiveCall call, boolean muted) {
        LegId agentLeg = call.agentLeg;
        if (agentLeg == null) {
            throw org.openhotline.shared.DomainException.conflict("当前通话没有坐席话路，无法静音");
        }
        try {
            engine().mute(agentLeg, muted);
        } catch (IllegalArgumentException gone) {
            throw org.openhotline.shared.DomainException.conflict("通话已结束");
        }
        call.muted = muted;
    }

    Optional<LiveCall> callOfAgent(long agentId) {
        return calls.values().stream().filter(c -> Long.valueOf(agentId).equals(c.agentId) && c.phase == Phase.TALKING
                && !c.held).findFirst();
    }

    Optional<LiveCall> callOfAgentHeld(long agentId) {
        return calls.values().stream().filter(c -> Long.valueOf(agentId).equals(c.agentId) && c.held).findFirst();
    }

    Optional<LiveCall> talkingCallOf(long agentId) {
        return calls.values().stream().filter(c -> Long.valueOf(agentId).equals(c.agentId) && c.phase == Phase.TALKING)
                .findFirst();
    }

    /**
     * Blind transfer (一键转接): the caller leaves the agent and is bridged to the destination (an extension,
     * an outside number or another city's 12345 through the trunk); the agent goes to after-call work.
     */
    void transfer(LiveCall call, String destination) {
        call.phase = Phase.DONE;
        if (call.agentLeg != null) {
            callOfAgentLeg.remove(call.agentLeg.value());
        }
        records.transferred(call.callId, "转接至 " + destination);
        engine().keepWhenAlone(new LegId(call.callId), false); // the transferred call ends with its new party
        engine().transfer(new LegId(call.callId), destination);
        if (call.agentLeg != null) {
            engine().hangup(call.agentLeg);
        }
        afterCallWork(call);
    }

    /**
     * The agent pressed the transfer key on the desk phone (SIP REFER): the same blind transfer as the phone bar's
     * 一键转接, recorded in the call's transfer chain. A REFER from a leg that is not an agent's talking leg is ignored.
     */
    private void transferFromThePhone(TelephonyEvent.TransferRequested asked) {
        String callId = callOfAgentLeg.get(asked.leg().value());
        LiveCall call = callId == null ? null : calls.get(callId);
        if (call == null || call.phase != Phase.TALKING || !asked.leg().equals(call.agentLeg)) {
            log.info("Transfer to {} asked by leg {}, which is no agent's talking leg: ignored", asked.destination(), asked.leg());
            return;
        }
        log.info("Agent {} transfers call {} to {} from the phone", call.agentId, call.callId, asked.destination());
        transfer(call, asked.destination());
    }

    /**
     * The agent's desk phone completed an attended transfer (REFER with Replaces, RFC 5589): one of its legs is the
     * agent's leg of a call, the other its consultation call placed through the platform. Carried out as the phone
     * bar's 咨询转接 completes; anything else is declined to the phone (NOTIFY 603) and changes nothing.
     */
    private void attendedTransferFromThePhone(TelephonyEvent.AttendedTransferRequested asked) {
        LiveCall call = agentsTalkingCall(asked.leg());
        LegId phoneLeg = asked.replaced();
        if (call == null) {
            // the phone may as well have sent the REFER on its consultation dialog, naming the call's
            call = agentsTalkingCall(asked.replaced());
            phoneLeg = asked.leg();
        }
        boolean done = call != null && consultHooks.completeFromPhone(call, phoneLeg, asked.leg());
        if (!done) {
            log.info("Attended transfer asked by leg {} replacing {}: no consultation of an agent's call, declined",
                    asked.leg(), asked.replaced());
            engine().referOutcome(asked.leg(), false);
        }
    }

    private LiveCall agentsTalkingCall(LegId agentLeg) {
        String callId = callOfAgentLeg.get(agentLeg.value());
        LiveCall call = callId == null ? null : calls.get(callId);
        return call != null && call.phase == Phase.TALKING && agentLeg.equals(call.agentLeg) ? call : null;
    }

    Optional<LiveCall> live(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    /** After-call work for another agent who took part in the call (a consulted colleague). */
    void afterCallWorkOf(LiveCall call, long agentId) {
        LiveCall part = new LiveCall(call.callId, call.caller);
        part.agentId = agentId;
        part.groupId = call.groupId;
        afterCallWork(part);
    }

    /**
     * The call goes over to another leg (a consulted transfer completed): that leg is now the agent side, the
     * agent who had the call leaves it and goes to after-call work.
     */
    void handOver(LiveCall call, LegId newAgentLeg, Long newAgentId) {
        LegId oldLeg = call.agentLeg;
        Long oldAgent = call.agentId;
        if (oldLeg != null) {
            callOfAgentLeg.remove(oldLeg.value());
        }
        call.agentLeg = newAgentLeg;
        call.agentId = newAgentId;
        callOfAgentLeg.put(newAgentLeg.value(), call.callId);
        if (oldLeg != null) {
            engine().hangup(oldLeg);
        }
        if (oldAgent != null) {
            afterCallWorkOf(call, oldAgent);
        }
    }

    Set<String> liveCallIds() {
        return new HashSet<>(calls.keySet());
    }
}
