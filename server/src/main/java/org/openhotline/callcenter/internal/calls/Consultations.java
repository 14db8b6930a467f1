package org.openhotline.callcenter.internal.calls;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.internal.acd.Acd;
import org.openhotline.callcenter.internal.acd.SkillGroups;
import org.openhotline.callcenter.internal.agents.AgentDesk;
import org.openhotline.callcenter.internal.agents.AgentRoster;
import org.openhotline.callcenter.internal.agents.DeskEvents;
import org.openhotline.callcenter.internal.agents.SeatBoard;
import org.openhotline.callcenter.internal.engine.Switchboard;
import org.openhotline.callcenter.internal.records.CallRecords;
import org.openhotline.shared.DomainException;
import org.openhotline.telephony.LegId;
import org.openhotline.telephony.TelephonyEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Consulted transfer (咨询转接) and the three-way call that can grow out of it. The agent puts the caller on
 * hold (music) and calls a colleague, a skill group (its longest-idle ready agent) or an outside number; the
 * agent and the consulted party talk in the call's room while the held caller hears neither. Then the agent
 * either completes the transfer (the caller is retrieved into the room, the agent leaves and goes to after-call
 * work), cancels (the consulted party is released, the caller retrieved) or joins all three.
 * <p>
 * The engine's rooms do the audio (hold keeps the caller out of the room's mix); this class keeps who is being
 * consulted per call, moves a consulted agent's state like a call would, and is told by {@link CallFlow} when a
 * consulted leg or the whole call ends.
 */
@Component
class Consultations implements CallFlow.ConsultHooks {

    private static final Logger log = LoggerFactory.getLogger(Consultations.class);

    /** One consultation of a call; {@code agentId} is null for an outside number or an extension without a seat. */
    static final class Consult {
        final String callId;
        final LegId leg;
        final String target;
        final Long agentId;
        /** The agent's desk phone's own leg when the phone placed the consultation (else the phone bar did). */
        final LegId phoneLeg;
        /** The number an outside target sees when it is not the trunk's own (the citizen's, handed over to 110). */
        final String shownAs;
        volatile boolean answered;
        volatile boolean threeWay;

        Consult(String callId, LegId leg, String target, Long agentId, LegId phoneLeg) {
            this(callId, leg, target, agentId, phoneLeg, null);
        }

        Consult(String callId, LegId leg, String target, Long agentId, LegId phoneLeg, String shownAs) {
            this.callId = callId;
            this.leg = leg;
            this.target = target;
            this.agentId = agentId;
            this.phoneLeg = phoneLeg;
            this.shownAs = shownAs;
        }
    }

    private final Map<String, Consult> byCall = new ConcurrentHashMap<>();
    private final Map<String, String> callOfLeg = new ConcurrentHashMap<>();

    private final LiveCalls calls;
    private final CallFlow flow;
    private final AgentDesk desk;
    private final AgentRoster roster;
    private final SkillGroups groups;
    private final SeatBoard board;
    private final CallRecords records;
    private final Switchboard switchboard;
    private final DeskEvents deskEvents;
    private final Acd acd;

    Consultations(LiveCalls calls, CallFlow flow, AgentDesk desk, AgentRoster roster, SkillGroups groups, SeatBoard board,
                  CallRecords records, Switchboard switchboard, DeskEvents deskEvents, Acd acd) {
        this.acd = acd;
        this.deskEvents = deskEvents;
        this.calls = calls;
        this.flow = flow;
        this.desk = desk;
        this.roster = roster;
        this.groups = groups;
        this.board = board;
        this.records = records;
        this.switchboard = switchboard;
        flow.consultHooks(this);
    }

    private TelephonyEngine engine() {
        return switchboard.engine();
    }

    Optional<Consult> of(String callId) {
        return Optional.ofNullable(byCall.get(callId));
    }

    /** Who answers a consultation: an agent (tracked like a call), or a plain extension / outside number. */
    private record Target(String dial, Long agentId, String label, boolean autoAnswer) {}

    private Target resolve(long consultingAgent, String destination) {
        var group = groups.byCode(destination);
        if (group.isPresent()) {
            long groupId = group.get().id();
            var agent = roster.all().stream()
                    .filter(a -> a.enabled() && a.accountId() != consultingAgent && a.skills().containsKey(groupId))
                    .filter(a -> board.of(a.accountId()).state() == AgentState.READY)
                    .min(Comparator.comparing(a -> board.of(a.accountId()).since()))
                    .orElseThrow(() -> DomainException.conflict("技能组「" + group.get().name() + "」当前没有空闲坐席"));
            return new Target(board.of(agent.accountId()).extension(), agent.accountId(),
                    group.get().name() + " " + agent.agentNo(), true);
        }
        var byExtension = roster.all().stream().filter(a -> destination.equals(a.extension())).findFirst();
        if (byExtension.isPresent()) {
            var agent = byExtension.get();
            if (agent.accountId() == consultingAgent) {
                throw DomainException.invalid("不能咨询自己的分机");
            }
            AgentState state = board.of(agent.accountId()).state();
            if (state == AgentState.SIGNED_OUT) {
                return new Target(destination, null, "分机 " + destination, true);
            }
            if (state != AgentState.READY) {
                throw DomainException.conflict("坐席 " + agent.agentNo() + " 当前「" + state.label() + "」，不能接受咨询");
            }
            return new Target(destination, agent.accountId(), "坐席 " + agent.agentNo(), true);
        }
        if (!destination.matches("[0-9+]{3,20}")) {
            throw DomainException.invalid("咨询目标应为分机号、技能组编码或外线号码");
        }
        return new Target(destination, null, "外线 " + destination, false);
    }

    /** Starts a consultation: the caller hears music, the target is rung and joins the agent on answer. */
    Consult consult(LiveCalls.LiveCall call, long agentId, String destination) {
        return consult(call, agentId, destination, null);
    }

    /**
     * As {@link #consult(LiveCalls.LiveCall, long, String)}; an outside number is shown {@code outsideCallerId}
     * (null: the trunk's number) — the citizen's own number when the call is handed over to 110.
     */
    Consult consult(LiveCalls.LiveCall call, long agentId, String destination, String outsideCallerId) {
        if (byCall.containsKey(call.callId)) {
            throw DomainException.conflict("正在咨询中，请先完成转接或取消咨询");
        }
        Target target = resolve(agentId, destination);
        if (target.agentId() != null) {
            // Taken out of distribution first, under the ACD's lock, so that the ACD cannot offer it a call too.
            if (!acd.reserve(target.agentId())) {
                throw DomainException.conflict("该坐席刚刚接到来电，请咨询其他坐席");
            }
            desk.byCall(target.agentId(), AgentState.RINGING, call.callId, call.caller, null);
        }
        LegId callerLeg = new LegId(call.callId);
        LegId leg;
        try {
            engine().hold(callerLeg);
            // only an outside number is not auto-answered
            leg = engine().originate(target.dial(), target.autoAnswer() ? call.caller : outsideCallerId, target.autoAnswer());
        } catch (RuntimeException e) {
            try {
                engine().unhold(callerLeg);
            } catch (RuntimeException callerGone) {
                log.debug("Caller of {} gone", call.callId);
            }
            if (target.agentId() != null) {
                desk.byCall(target.agentId(), AgentState.READY, null, null, null);
            }
            throw DomainException.conflict("无法呼叫咨询目标：" + e.getMessage());
        }
        Consult c = new Consult(call.callId, leg, target.label(), target.agentId(), null,
                target.autoAnswer() ? null : outsideCallerId);
        byCall.put(call.callId, c);
        callOfLeg.put(leg.value(), call.callId);
        records.transferred(call.callId, "咨询 " + target.label());
        engine().answered(leg).thenRun(() -> {
            if (byCall.get(call.callId) != c) {
                return;
            }
            // The consulted agent talks and the legs are joined before the consultation counts as answered:
            // whoever sees "answered" (the phone bar, its complete button) sees the rest done too.
            if (c.agentId != null) {
                desk.byCall(c.agentId, AgentState.TALKING, call.callId, call.caller, null);
            }
            try {
                engine().bridge(call.agentLeg, leg);
            } catch (RuntimeException agentGone) {
                log.info("Consultation of call {} answered after the agent left", call.callId);
            }
            c.answered = true;
            tell(call, c);
        });
        return c;
    }

    /**
     * The agent's desk phone, with its call on hold, dials a colleague, a skill group or an outside number (the
     * first half of an attended transfer from the phone): the platform rings the target as the phone bar's 咨询
     * would and connects the phone's new leg with it, in a room of their own; the held caller hears the music the
     * phone's hold started. Calls from an extension whose agent has no call are not consultations (false).
     */
    @Override
    public boolean phoneCalls(LegId phoneLeg, String extension, String destination) {
        var agent = roster.all().stream().filter(a -> extension.equals(a.extension())).findFirst();
        LiveCalls.LiveCall call = agent.flatMap(a -> calls.talkingCallOf(a.accountId())).orElse(null);
        if (call == null || call.agentLeg == null) {
            return false;
        }
        long agentId = agent.get().accountId();
        Target target;
        try {
            if (byCall.containsKey(call.callId)) {
                throw DomainException.conflict("正在咨询中");
            }
            target = resolve(agentId, destination);
            if (target.agentId() != null && !acd.reserve(target.agentId())) {
                throw DomainException.conflict("该坐席刚刚接到来电");
            }
        } catch (DomainException refused) {
            log.info("Agent {} consults {} from the phone during call {}: refused ({})", agentId, destination,
                    call.callId, refused.getMessage());
            hangupQuietly(phoneLeg);
            return true;
        }
        if (target.agentId() != null) {
            desk.byCall(target.agentId(), AgentState.RINGING, call.callId, call.caller, null);
        }
        LegId leg;
        try {
            leg = engine().originate(target.dial(), target.autoAnswer() ? call.caller : null, target.autoAnswer());
        } catch (RuntimeException e) {
            log.info("Agent {} consults {} from the phone: cannot call ({})", agentId, destination, e.getMessage());
            if (target.agentId() != null) {
                desk.byCall(target.agentId(), AgentState.READY, null, null, null);
            }
            hangupQuietly(phoneLeg);
            return true;
        }
        Consult c = new Consult(call.callId, leg, target.label(), target.agentId(), phoneLeg);
        byCall.put(call.callId, c);
        callOfLeg.put(leg.value(), call.callId);
        callOfLeg.put(phoneLeg.value(), call.callId);
        records.transferred(call.callId, "咨询 " + target.label());
        engine().answered(leg).thenRun(() -> {
            if (byCall.get(call.callId) != c) {
                return;
            }
            if (c.agentId != null) {
                desk.byCall(c.agentId, AgentState.TALKING, call.callId, call.caller, null);
            }
            try {
                engine().bridge(phoneLeg, leg); // answers the phone's leg: phone and target talk
            } catch (RuntimeException phoneGone) {
                log.info("Consultation from the phone of call {} answered after the phone hung up", call.callId);
            }
            c.answered = true;
            tell(call, c);
        });
        return true;
    }

    /**
     * The desk phone's attended transfer (REFER with Replaces) completes the consultation it placed: the caller is
     * joined with the consulted party, the phone is told (NOTIFY 200) and both its legs are released — its
     * consultation leg by us, as the target of the Replaces would (RFC 5589 section 7), its leg of the call as
     * the phone bar's 咨询转接 releases the agent.
     */
    boolean completeFromPhone(LiveCalls.LiveCall call, LegId phoneLeg, LegId referLeg) {
        Consult c = byCall.get(call.callId);
        if (c == null || !phoneLeg.equals(c.phoneLeg) || !c.answered) {
            return false;
        }
        byCall.remove(call.callId);
        callOfLeg.remove(c.leg.value());
        callOfLeg.remove(phoneLeg.value());
        LegId callerLeg = new LegId(call.callId);
        try {
            engine().bridge(callerLeg, c.leg); // the target leaves the phone's room for the caller's
            engine().unhold(callerLeg);
        } catch (IllegalArgumentException gone) {
            log.info("Attended transfer of call {} from the phone: a party left meanwhile", call.callId);
            byCall.put(call.callId, c); // its legs' ends clean up as for any consultation
            callOfLeg.put(c.leg.value(), call.callId);
            callOfLeg.put(phoneLeg.value(), call.callId);
            return false;
        }
        records.transferred(call.callId, "咨询转接至 " + c.target);
        engine().referOutcome(referLeg, true);
        hangupQuietly(phoneLeg);
        flow.handOver(call, c.leg, c.agentId);
        return true;
    }

    private void hangupQuietly(LegId leg) {
        try {
            engine().hangup(leg);
        } catch (RuntimeException gone) {
            log.debug("Leg {} already gone", leg);
        }
    }

    /** Completes the consulted transfer: the caller is retrieved to the consulted party, the agent leaves. */
    void complete(LiveCalls.LiveCall call) {
        Consult c = answeredConsult(call);
        byCall.remove(call.callId);
        callOfLeg.remove(c.leg.value());
        engine().unhold(new LegId(call.callId));
        records.transferred(call.callId, "咨询转接至 " + c.target);
        flow.handOver(call, c.leg, c.agentId);
    }

    /** Three-way call (三方通话) out of the consultation: the caller is retrieved into the room with both. */
    void join(LiveCalls.LiveCall call) {
        Consult c = answeredConsult(call);
        if (c.threeWay) {
            throw DomainException.conflict("已在三方通话中");
        }
        c.threeWay = true;
        engine().unhold(new LegId(call.callId));
        records.transferred(call.callId, "三方通话 " + c.target);
    }

    /** Cancels the consultation (or drops the third party): it is released, the caller talks to the agent again. */
    void cancel(LiveCalls.LiveCall call) {
        Consult c = byCall.remove(call.callId);
        if (c == null) {
            throw DomainException.conflict("当前没有进行中的咨询");
        }
        callOfLeg.remove(c.leg.value());
        engine().hangup(c.leg);
        if (!c.threeWay) {
            engine().unhold(new LegId(call.callId));
        }
        released(call, c);
    }

    private Consult answeredConsult(LiveCalls.LiveCall call) {
        Consult c = byCall.get(call.callId);
        if (c == null) {
            throw DomainException.conflict("当前没有进行中的咨询");
        }
        if (!c.answered) {
            throw DomainException.conflict("咨询对象尚未接听");
        }
        return c;
    }

    /** Tells the consulting agent's phone bar what became of the consultation (answered, or gone). */
    private void tell(LiveCalls.LiveCall call, Consult c) {
        Long agent = call.agentId;
        if (agent == null) {
            return;
        }
        Map<String, Object> consulting = new java.util.HashMap<>();
        consulting.put("consulting", c == null ? null
                : Map.of("target", c.target, "answered", c.answered, "threeWay", c.threeWay));
        deskEvents.push(agent, "seat", consulting);
    }

    /** The consulted party is done with this call: after-call work if it talked, else ready again. */
    private void released(LiveCalls.LiveCall call, Consult c) {
        if (c.agentId == null) {
            return;
        }
        if (c.answered) {
            flow.afterCallWorkOf(call, c.agentId);
        } else {
            desk.byCall(c.agentId, AgentState.READY, null, null, null);
        }
    }

    @Override
    public boolean consultLegEnded(LegId leg) {
        String callId = callOfLeg.remove(leg.value());
        if (callId == null) {
            return false;
        }
        Consult c = byCall.remove(callId);
        LiveCalls.LiveCall call = calls.live(callId).orElse(null);
        if (c != null && c.phoneLeg != null) {
            // The phone or its consulted party hung up: the other side goes too; the caller stays held until the
            // phone retrieves it (its own re-INVITE).
            LegId other = leg.equals(c.phoneLeg) ? c.leg : c.phoneLeg;
            callOfLeg.remove(other.value());
            hangupQuietly(other);
        }
        if (c != null && call != null) {
            // The consulted party hung up or never answered: the caller comes back to the agent.
            if (!c.threeWay && c.phoneLeg == null) {
                try {
                    engine().unhold(new LegId(callId));
                } catch (RuntimeException callerGone) {
                    log.debug("Caller of {} left during the consultation", callId);
                }
            }
            released(call, c);
            tell(call, null);
        }
        return true;
    }

    @Override
    public void callEnded(LiveCalls.LiveCall call) {
        Consult c = byCall.remove(call.callId);
        if (c == null) {
            return;
        }
        callOfLeg.remove(c.leg.value());
        try {
            engine().hangup(c.leg);
        } catch (RuntimeException alreadyGone) {
            log.debug("Consulted leg of {} already gone", call.callId);
        }
        if (c.phoneLeg != null) {
            callOfLeg.remove(c.phoneLeg.value());
            hangupQuietly(c.phoneLeg);
        }
        released(call, c);
    }
}
