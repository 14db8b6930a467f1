package org.openhotline.callcenter.internal.calls;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.internal.acd.Acd;
import org.openhotline.callcenter.internal.acd.AcdDecision;
import org.openhotline.callcenter.internal.acd.SkillGroups;
import org.openhotline.callcenter.internal.acd.WaitingCall;
import org.openhotline.callcenter.internal.agents.AgentDesk;
import org.openhotline.callcenter.internal.agents.AgentRoster;
import org.openhotline.callcenter.internal.calls.LiveCalls.LiveCall;
import org.openhotline.callcenter.internal.calls.LiveCalls.Phase;
import org.openhotline.callcenter.internal.engine.Switchboard;
import org.openhotline.callcenter.internal.engine.TelephonyRuntime;
import org.openhotline.callcenter.internal.ivr.CallRouting;
import org.openhotline.callcenter.internal.records.CallRecords;
import org.openhotline.callcenter.internal.supervision.SeatWall;
import org.openhotline.telephony.LegId;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyEvent;
import org.openhotline.telephony.TelephonyListener;
import org.openhotline.telephony.ivr.QueueHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A call's way through the call center. The IVR hands callers over ({@link QueueHandler}); the ACD decides; this
 * class rings the agent's extension, bridges and records on answer, and turns the engine's events into call
 * records, agent states (ringing, talking, after-call work), abandons at the right point and the survey after the
 * agent hung up. What the agent does to a call in progress is {@link PhoneBarActions}; the calls are filed in
 * {@link LiveCalls}.
 */
@Component
public class CallFlow implements TelephonyListener, QueueHandler {

    private static final Logger log = LoggerFactory.getLogger(CallFlow.class);

    /** The trunk name the engine gives calls placed by a registered extension. */
    static final String EXTENSION = "extension";

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
        };

        /** A leg ended; true when it was a consulted party's (then nothing else is done with it). */
        boolean consultLegEnded(LegId leg);

        /** The call ended for its agent (hang-up, transfer, escalation): a consulted party goes too. */
        void callEnded(LiveCall call);

        /** An extension's phone placed a call; true when it is an agent consulting during its call (then taken on). */
        boolean phoneCalls(LegId leg, String extension, String destination);
    }

    private volatile ConsultHooks consultHooks = ConsultHooks.NONE;

    void consultHooks(ConsultHooks hooks) {
        this.consultHooks = hooks;
    }

    private final LiveCalls calls;
    private final Acd acd;
    private final AgentDesk desk;
    private final CallRecords records;
    private final AgentRoster roster;
    private final CallRouting routing;
    private final SkillGroups groups;
    private final Clock clock;
    private final Switchboard switchboard;
    private final SeatWall wall;
    private final QueueAnnouncements announcements;
    private final SatisfactionSurvey survey;

    CallFlow(LiveCalls calls, SeatWall wall, Acd acd, AgentDesk desk, CallRecords records, AgentRoster roster,
             CallRouting routing, SkillGroups groups, Clock clock, Switchboard switchboard,
             QueueAnnouncements announcements, SatisfactionSurvey survey) {
        this.calls = calls;
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
        this.switchboard = switchboard;
    }

    private TelephonyEngine engine() {
        return switchboard.engine();
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
    void playHoldMusic(LiveCall call) {
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
    public void ringAgent(AcdDecision.Offer offer) {
        LiveCall call = calls.get(offer.call().callId());
        if (call == null) {
            offerOutlived(offer);
            return;
        }
        java.util.Optional<String> extension = roster.find(offer.agentId()).map(AgentRoster.Agent::extension);
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
                engine().originate(extension.orElseThrow(), call.caller, switchboard.autoAnswer(), agentLeg -> {
                    call.agentLeg = agentLeg;
                    calls.fileAgentLeg(agentLeg, call.callId);
                });
                return;
            } catch (RuntimeException e) {
                log.info("Could not ring agent {} for call {}: {}", offer.agentId(), call.callId, e.getMessage());
                if (call.agentLeg != null) {
                    calls.forgetAgentLeg(call.agentLeg);
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

    public void stopRinging(String callId, long agentId) {
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
            calls.forgetAgentLeg(ringing);
            call.agentLeg = null;
            call.agentId = null;
            call.phase = Phase.QUEUE;
        }
        engine().hangup(ringing);
    }

    public void waitedTooLong(WaitingCall waiting) {
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
                    if (calls.isAgentLeg(arrived.leg())) {
                        return;
                    }
                    if (EXTENSION.equals(arrived.trunk())
                            && consultHooks.phoneCalls(arrived.leg(), arrived.from(), arrived.to())) {
                        return;
                    }
                    calls.addIfAbsent(new LiveCall(arrived.leg().value(), arrived.from()));
                    records.arrived(arrived.leg().value(), arrived.from(), arrived.to(), arrived.trunk(), "INBOUND");
                }
                case TelephonyEvent.IvrFinished finished -> {
                    if (!SatisfactionSurvey.FLOW.equals(finished.flowId())) {
                        records.ivrFinished(finished.leg().value(), finished.outcome(), finished.variables());
                    }
                    String score = finished.variables().get("satisfaction");
                    if (score != null && score.matches("[123]")) {
                        records.satisfaction(finished.leg().value(), Integer.parseInt(score));
                    }
                }
                case TelephonyEvent.Answered answered -> agentAnswered(answered.leg());
                case TelephonyEvent.Ended ended -> legEnded(ended);
                case TelephonyEvent.LeftAlone alone -> callerLeftAlone(alone.leg());
                case TelephonyEvent.RecordingReady ready -> records.recording(ready.leg().value(),
                        ready.file().toString(), ready.duration());
                default -> { } // the phone's transfer keys are PhoneBarActions'
            }
        } catch (RuntimeException e) {
            log.error("Could not handle telephony event {}", event, e);
        }
    }

    private void agentAnswered(LegId agentLeg) {
        LiveCall call = calls.ofAgentLeg(agentLeg);
        if (call == null || !call.inbound) {
            // An outbound call (外呼, a callback) is answered when the citizen answers (PhoneBarActions.dial): the
            // agent's phone going off-hook by itself is only its first half. Taken as the answer, it wrote the
            // answer (and closed a callback task) before the citizen's phone rang, or before the call was on record.
            return;
        }
        String callId = call.callId;
        synchronized (call) {
            if (call.phase != Phase.RINGING || !agentLeg.equals(call.agentLeg)) {
                // a late answer to an offer that is over (the caller left, the ring timed out)
                engine().hangup(agentLeg);
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
            if (survey.enabled()) {
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
        String callIdOfAgent = calls.forgetAgentLeg(ended.leg());
        if (callIdOfAgent != null) {
            agentLegEnded(calls.get(callIdOfAgent), ended);
            return;
        }
        LiveCall call = calls.remove(ended.leg().value());
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
                    calls.forgetAgentLeg(ringing);
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
                    calls.forgetAgentLeg(call.agentLeg);
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
            if (phase == Phase.RINGING && ended.leg().equals(call.agentLeg) && !call.inbound) {
                call.phase = Phase.DONE;
            } else if (phase == Phase.RINGING && ended.leg().equals(call.agentLeg)) {
                call.phase = Phase.QUEUE;
                call.agentLeg = null;
            } else if (phase == Phase.TALKING && ended.leg().equals(call.agentLeg)) {
                call.phase = Phase.DONE;
            } else {
                // a stale leg (a late answer to an offer that was over), or a call already finished
                return;
            }
        }
        if (phase == Phase.RINGING && !call.inbound) {
            // 外呼 over before the citizen answered (the agent's phone refused or hung up, or was released because the
            // citizen was busy or did not answer): nobody queues for it; the record is closed (the citizen's cause,
            // when PhoneBarActions wrote it first, stays)
            records.ended(call.callId, ended.cause().name(), null);
            calls.remove(call.callId);
            return;
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

    void hangupQuietly(LegId leg) {
        try {
            engine().hangup(leg);
        } catch (RuntimeException gone) {
            log.debug("Leg {} already gone", leg);
        }
    }

    /** The call is over for its agent: a consulted party goes too, the agent goes to after-call work. */
    void afterCallWork(LiveCall call) {
        consultHooks.callEnded(call);
        if (call.agentId == null) {
            return; // the call was last with an outside number or an extension without a seat
        }
        Duration acw = call.groupId == null ? Duration.ofSeconds(30)
                : groups.find(call.groupId).map(g -> Duration.ofSeconds(g.afterCallWorkS())).orElse(Duration.ofSeconds(30));
        desk.byCall(call.agentId, AgentState.AFTER_CALL_WORK, null, null, acw);
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
        calls.forgetAgentLeg(oldLeg);
        call.agentLeg = newAgentLeg;
        call.agentId = newAgentId;
        calls.fileAgentLeg(newAgentLeg, call.callId);
        if (oldLeg != null) {
            engine().hangup(oldLeg);
        }
        if (oldAgent != null) {
            afterCallWorkOf(call, oldAgent);
        }
    }
}
