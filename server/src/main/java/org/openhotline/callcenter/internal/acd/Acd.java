package org.openhotline.callcenter.internal.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.openhotline.callcenter.AgentState;

/**
 * The automatic call distributor (ACD). Event-driven: a decision is made at the moment a call queues, an agent
 * becomes ready, or a deadline passes — never by polling. One lock guards all state, so decisions are
 * consistent; decisions go to the listener while the lock is held, so the listener must only hand them on.
 */
public final class Acd {

    private static final Comparator<WaitingCall> QUEUE_ORDER =
            Comparator.comparingInt(WaitingCall::priority).reversed().thenComparing(WaitingCall::since);

    private final Clock clock;
    private final Timers timers;
    private final Consumer<AcdDecision> decisions;

    private final Map<Long, SkillGroup> groups = new HashMap<>();
    private final Map<Long, Seat> seats = new HashMap<>();
    private final List<WaitingCall> waiting = new ArrayList<>();
    /** Groups whose agents may take a call: its own group, plus overflow groups once it has waited long enough. */
    private final Map<String, Set<Long>> eligibleGroups = new HashMap<>();
    private final Map<String, List<Timers.Timer>> callTimers = new HashMap<>();
    private final Map<String, Ringing> ringing = new HashMap<>();
    private final Map<Long, String> roundRobinLast = new HashMap<>();

    private record Ringing(WaitingCall call, long agentId, Timers.Timer timeout) {}

    /** The second medium; it shares this ACD's seats and lock (see ChatQueue). */
    private final ChatQueue chats;

    public Acd(Clock clock, Timers timers, Consumer<AcdDecision> decisions) {
        this.clock = clock;
        this.timers = timers;
        this.decisions = decisions;
        this.chats = new ChatQueue(this, seats, decisions);
    }

    // ---- chats (the second medium) ------------------------------------------------------------------------

    /** A chat joins a skill group's chat queue; an agent below its chat capacity gets it at once. */
    public synchronized void enqueueChat(WaitingCall chat) {
        group(chat.groupId());
        chats.enqueue(chat);
    }

    /** The chat ended or left its agent: the agent may take the next chat, and a call again if it was held back. */
    public synchronized void chatEnded(String chatId) {
        chats.remove(chatId).ifPresent(seat -> {
            chats.offerWaitingChatsTo(seat);
            if (seat.state == AgentState.READY) {
                offerWaitingCallTo(seat);
            }
        });
    }

    /** The citizen left before an agent took the chat; true when it was still waiting. */
    public synchronized boolean chatAbandoned(String chatId) {
        return chats.abandon(chatId);
    }

    /** Transfer to a colleague: true when it is signed in and below its capacity for one of the chat's groups. */
    public synchronized boolean transferChat(String chatId, long toAgentId, long groupId) {
        Seat to = seat(toAgentId);
        if (to.chats.contains(chatId) || !to.canTakeChat(group(groupId))) {
            return false;
        }
        chatEnded(chatId);
        chats.assign(chatId, to, groupId);
        return true;
    }

    /** Transfer to a group: back into that group's queue, keeping its place in time. */
    public synchronized void transferChatToGroup(WaitingCall chat) {
        chatEnded(chat.callId());
        enqueueChat(chat);
    }

    /** 1-based place among the chats waiting for the same group, or 0 when not waiting. */
    public synchronized int chatPosition(String chatId) {
        return chats.position(chatId);
    }

    /** The chats an agent holds now. */
    public synchronized Set<String> chatsOf(long agentId) {
        Seat seat = seats.get(agentId);
        return seat == null ? Set.of() : Set.copyOf(seat.chats);
    }

    /** Chats waiting for the group (the seat wall's queue board). */
    public synchronized int chatsWaitingIn(long groupId) {
        return chats.waitingIn(groupId);
    }

    /** The agent holding the chat, if any. */
    public synchronized Optional<Long> chatHolder(String chatId) {
        return chats.holder(chatId);
    }

    /** Tells a restarted ACD which chats an agent still holds (after a restart, from the channels' records). */
    public synchronized void holdsChat(long agentId, String chatId) {
        chats.hold(chatId, seat(agentId));
    }

    synchronized SkillGroup groupOf(long groupId) {
        return group(groupId);
    }

    public synchronized void defineGroup(SkillGroup group) {
        groups.put(group.id(), group);
    }

    public synchronized void defineAgent(long agentId, String agentNo, Map<Long, Integer> skillLevels) {
        Seat seat = seats.get(agentId);
        if (seat == null) {
            seats.put(agentId, new Seat(agentId, agentNo, skillLevels));
        } else {
            seat.skills = Map.copyOf(skillLevels);
            if (seat.state == AgentState.READY) {
                offerWaitingCallTo(seat);
            }
        }
    }

    /** The agent's state changed (phone bar, team leader, end of after-call work). READY looks for a call at once. */
    public synchronized void agentState(long agentId, AgentState state) {
        Seat seat = seat(agentId);
        if (seat.state == state && state != AgentState.READY) {
            return;
        }
        if (state == AgentState.READY && ringing.values().stream().anyMatch(r -> r.agentId() == agentId)) {
            return; // a READY that crossed an offer: the agent's phone is ringing for a call already
        }
        boolean wasReady = seat.state == AgentState.READY;
        seat.state = state;
        if (state == AgentState.READY) {
            if (!wasReady) {
                seat.readySince = clock.instant();
            }
            offerWaitingCallTo(seat);
        }
        if (seat.state == AgentState.READY || seat.state == AgentState.TALKING) {
            chats.offerWaitingChatsTo(seat);
        }
    }

    /**
     * Takes a ready agent out of distribution for a call that does not come from a queue (a consultation):
     * true when the agent was ready and now counts as ringing, false when the ACD had already offered it a call.
     */
    public synchronized boolean reserve(long agentId) {
        Seat seat = seat(agentId);
        if (seat.state != AgentState.READY) {
            return false;
        }
        seat.state = AgentState.RINGING;
        return true;
    }

    public synchronized AgentState stateOf(long agentId) {
        return seat(agentId).state;
    }

    /** A new day for "fewest calls today". */
    public synchronized void resetDailyCounts() {
        seats.values().forEach(s -> s.answeredToday = 0);
    }

    /** A caller joins a skill group's queue; if an agent is ready the call is offered at once. */
    public synchronized void enqueue(WaitingCall call) {
        SkillGroup group = group(call.groupId());
        waiting.add(call);
        waiting.sort(QUEUE_ORDER);
        eligibleGroups.put(call.callId(), new LinkedHashSet<>(List.of(group.id())));
        List<Timers.Timer> pending = new ArrayList<>();
        if (group.overflowGroupId() != null && group.overflowAfter() != null) {
            pending.add(timers.at(call.since().plus(group.overflowAfter()), () -> overflow(call.callId())));
        }
        if (group.maxWait() != null) {
            pending.add(timers.at(call.since().plus(group.maxWait()), () -> waitedTooLong(call.callId())));
        }
        callTimers.put(call.callId(), pending);
        offerToAnAgent(call);
    }

    /** The ringing agent answered: the call leaves the ACD. */
    public synchronized void answered(String callId) {
        Ringing r = ringing.remove(callId);
        if (r == null) {
            return;
        }
        r.timeout().cancel();
        Seat seat = seat(r.agentId());
        seat.state = AgentState.TALKING;
        seat.answeredToday++;
        forget(callId);
        chats.offerWaitingChatsTo(seat);
    }

    /** The agent's phone could not be rung or refused (busy, unreachable): handled like an unanswered offer. */
    public synchronized void offerFailed(String callId) {
        ringTimedOut(callId);
    }

    /**
     * The caller hung up before an agent answered; tells where: still queued, or ringing an agent. A ringing
     * agent is ready again, but is offered the next call only when the call center confirms
     * {@link #agentState READY}: its desk shows 示闲 before the next 振铃, never after.
     */
    public synchronized Optional<String> abandoned(String callId) {
        Ringing r = ringing.remove(callId);
        if (r != null) {
            r.timeout().cancel();
            Seat seat = seat(r.agentId());
            forget(callId);
            seat.state = AgentState.READY;
            seat.readySince = clock.instant();
            return Optional.of("RINGING");
        }
        boolean wasQueued = waiting.removeIf(c -> c.callId().equals(callId));
        forget(callId);
        return wasQueued ? Optional.of("QUEUE") : Optional.empty();
    }

    /** 1-based place among the callers waiting for the same group, or 0 when not waiting. */
    public synchronized int position(String callId) {
        WaitingCall call = waiting.stream().filter(c -> c.callId().equals(callId)).findFirst().orElse(null);
        if (call == null) {
            return 0;
        }
        int ahead = 0;
        for (WaitingCall c : waiting) {
            if (c.callId().equals(callId)) {
                break;
            }
            if (c.groupId() == call.groupId()) {
                ahead++;
            }
        }
        return ahead + 1;
    }

    /** A rough expected wait: callers ahead divided by agents signed in to the group, times a handle time. */
    public synchronized Duration expectedWait(String callId, Duration averageHandleTime) {
        int position = position(callId);
        if (position == 0) {
            return Duration.ZERO;
        }
        long groupId = waiting.stream().filter(c -> c.callId().equals(callId)).findFirst().orElseThrow().groupId();
        long staffed = seats.values().stream()
                .filter(s -> s.skills.containsKey(groupId) && s.state != AgentState.SIGNED_OUT).count();
        long rounds = (position + Math.max(staffed, 1) - 1) / Math.max(staffed, 1);
        return averageHandleTime.multipliedBy(rounds);
    }

    public synchronized List<WaitingCall> waitingIn(long groupId) {
        return waiting.stream().filter(c -> c.groupId() == groupId).toList();
    }

    // ---- decisions --------------------------------------------------------------------------------------

    private void offerToAnAgent(WaitingCall call) {
        for (long groupId : eligibleGroups.get(call.callId())) {
            Optional<Seat> chosen = choose(group(groupId));
            if (chosen.isPresent()) {
                offer(call, chosen.get(), groupId);
                return;
            }
        }
    }

    private void offerWaitingCallTo(Seat seat) {
        for (WaitingCall call : waiting) {
            for (long groupId : eligibleGroups.get(call.callId())) {
                if (seat.canTake(groupId, group(groupId))) {
                    offer(call, seat, groupId);
                    return;
                }
            }
        }
    }

    private Optional<Seat> choose(SkillGroup group) {
        List<Seat> ready = seats.values().stream().filter(s -> s.canTake(group.id(), group)).toList();
        if (ready.isEmpty()) {
            return Optional.empty();
        }
        Comparator<Seat> longestIdle = Comparator.comparing(s -> s.readySince);
        return switch (group.strategy()) {
            case LONGEST_IDLE -> ready.stream().min(longestIdle);
            case SKILL_LEVEL -> ready.stream().min(Comparator.comparingInt((Seat s) -> -s.level(group.id()))
                    .thenComparing(longestIdle));
            case FEWEST_CALLS -> ready.stream().min(Comparator.comparingInt((Seat s) -> s.answeredToday)
                    .thenComparing(longestIdle));
            case ROUND_ROBIN -> {
                String last = roundRobinLast.getOrDefault(group.id(), "");
                List<Seat> byNumber = ready.stream().sorted(Comparator.comparing((Seat s) -> s.agentNo)).toList();
                yield byNumber.stream().filter(s -> s.agentNo.compareTo(last) > 0).findFirst()
                        .or(() -> byNumber.stream().findFirst());
            }
        };
    }

    private void offer(WaitingCall call, Seat seat, long viaGroupId) {
        waiting.remove(call);
        seat.state = AgentState.RINGING;
        roundRobinLast.put(viaGroupId, seat.agentNo);
        SkillGroup group = group(viaGroupId);
        Timers.Timer timeout = timers.at(clock.instant().plus(group.ringTimeout()), () -> ringTimedOut(call.callId()));
        ringing.put(call.callId(), new Ringing(call, seat.agentId, timeout));
        decisions.accept(new AcdDecision.Offer(call, seat.agentId, viaGroupId));
    }

    private synchronized void ringTimedOut(String callId) {
        Ringing r = ringing.remove(callId);
        if (r == null) {
            return;
        }
        Seat seat = seat(r.agentId());
        seat.state = AgentState.NOT_READY;
        decisions.accept(new AcdDecision.RingTimedOut(r.call(), r.agentId()));
        // Back to the head of its queue: it keeps its original place in time, so it sorts before later callers.
        waiting.add(r.call());
        waiting.sort(QUEUE_ORDER);
        offerToAnAgent(r.call());
    }

    private synchronized void overflow(String callId) {
        Set<Long> eligible = eligibleGroups.get(callId);
        WaitingCall call = waiting.stream().filter(c -> c.callId().equals(callId)).findFirst().orElse(null);
        if (eligible == null || call == null) {
            return;
        }
        long to = group(call.groupId()).overflowGroupId();
        eligible.add(to);
        decisions.accept(new AcdDecision.Overflowed(call, to));
        offerToAnAgent(call);
    }

    private synchronized void waitedTooLong(String callId) {
        WaitingCall call = waiting.stream().filter(c -> c.callId().equals(callId)).findFirst().orElse(null);
        if (call == null) {
            return;
        }
        waiting.remove(call);
        forget(callId);
        decisions.accept(new AcdDecision.WaitedTooLong(call));
    }

    private void forget(String callId) {
        eligibleGroups.remove(callId);
        List<Timers.Timer> pending = callTimers.remove(callId);
        if (pending != null) {
            pending.forEach(Timers.Timer::cancel);
        }
    }

    private Seat seat(long agentId) {
        Seat seat = seats.get(agentId);
        if (seat == null) {
            throw new IllegalArgumentException("unknown agent " + agentId);
        }
        return seat;
    }

    private SkillGroup group(long groupId) {
        SkillGroup group = groups.get(groupId);
        if (group == null) {
            throw new IllegalArgumentException("unknown skill group " + groupId);
        }
        return group;
    }
}
