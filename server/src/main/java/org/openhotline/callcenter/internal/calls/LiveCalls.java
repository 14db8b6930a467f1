package org.openhotline.callcenter.internal.calls;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openhotline.telephony.LegId;
import org.springframework.stereotype.Component;

/**
 * The calls the call center has in hand, known by their caller leg's id, and which agent leg belongs to which call.
 * A call's phase and parties change under the call's own lock ({@code synchronized (call)}) in {@link CallFlow} and
 * {@link PhoneBarActions}; this registry only files and finds.
 */
@Component
public class LiveCalls {

    enum Phase { IVR, QUEUE, RINGING, TALKING, DONE }

    public static final class LiveCall {
        public final String callId;
        public final String caller;
        volatile Phase phase = Phase.IVR;
        volatile Long groupId;
        volatile Long agentId;
        public volatile LegId agentLeg;
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

    private final Map<String, LiveCall> calls = new ConcurrentHashMap<>();
    private final Map<String, String> callOfAgentLeg = new ConcurrentHashMap<>();

    LiveCall get(String callId) {
        return calls.get(callId);
    }

    void add(LiveCall call) {
        calls.put(call.callId, call);
    }

    void addIfAbsent(LiveCall call) {
        calls.putIfAbsent(call.callId, call);
    }

    LiveCall remove(String callId) {
        return calls.remove(callId);
    }

    Optional<LiveCall> live(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    Set<String> liveCallIds() {
        return new HashSet<>(calls.keySet());
    }

    // ---- agent legs -------------------------------------------------------------------------------------

    void fileAgentLeg(LegId agentLeg, String callId) {
        callOfAgentLeg.put(agentLeg.value(), callId);
    }

    /** Forgets an agent leg; returns the id of its call, or null if it was none's. */
    String forgetAgentLeg(LegId agentLeg) {
        return agentLeg == null ? null : callOfAgentLeg.remove(agentLeg.value());
    }

    boolean isAgentLeg(LegId leg) {
        return callOfAgentLeg.containsKey(leg.value());
    }

    /** The call whose agent leg this is, if any. */
    LiveCall ofAgentLeg(LegId agentLeg) {
        String callId = callOfAgentLeg.get(agentLeg.value());
        return callId == null ? null : calls.get(callId);
    }

    /** The call in which {@code agentLeg} is the agent's side of a conversation, or null. */
    LiveCall talkingOnAgentLeg(LegId agentLeg) {
        LiveCall call = ofAgentLeg(agentLeg);
        return call != null && call.phase == Phase.TALKING && agentLeg.equals(call.agentLeg) ? call : null;
    }

    // ---- by agent ---------------------------------------------------------------------------------------

    Optional<LiveCall> callOfAgent(long agentId) {
        return calls.values().stream().filter(c -> Long.valueOf(agentId).equals(c.agentId) && c.phase == Phase.TALKING
                && !c.held).findFirst();
    }

    Optional<LiveCall> callOfAgentHeld(long agentId) {
        return calls.values().stream().filter(c -> Long.valueOf(agentId).equals(c.agentId) && c.held).findFirst();
    }

    public Optional<LiveCall> talkingCallOf(long agentId) {
        return calls.values().stream().filter(c -> Long.valueOf(agentId).equals(c.agentId) && c.phase == Phase.TALKING)
                .findFirst();
    }
}
