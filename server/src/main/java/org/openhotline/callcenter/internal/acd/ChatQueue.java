package org.openhotline.callcenter.internal.acd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ACD's second medium: chats waiting per skill group and who holds which. A chat is not rung: it goes to the
 * signed-in agent of the group with the fewest chats (then the longest ready), below the group's chat capacity —
 * a lower one while the agent is on a call — and stays with it until it ends or is transferred. Not thread-safe by
 * itself: every call comes from {@link Acd} under its lock, so chats and calls see the same seats.
 */
final class ChatQueue {

    private static final Comparator<WaitingCall> ORDER =
            Comparator.comparingInt(WaitingCall::priority).reversed().thenComparing(WaitingCall::since);

    private final Acd acd;
    private final Map<Long, Seat> seats;
    private final Consumer<AcdDecision> decisions;
    private final List<WaitingCall> waiting = new ArrayList<>();
    private final Map<String, Long> holder = new HashMap<>();

    ChatQueue(Acd acd, Map<Long, Seat> seats, Consumer<AcdDecision> decisions) {
        this.acd = acd;
        this.seats = seats;
        this.decisions = decisions;
    }

    void enqueue(WaitingCall chat) {
        SkillGroup group = acd.groupOf(chat.groupId());
        if (holder.containsKey(chat.callId()) || waiting.stream().anyMatch(c -> c.callId().equals(chat.callId()))) {
            // already here (a new lease holder re-queues the chats on record, perhaps while their first routing
            // still runs): a second entry would be offered twice
            return;
        }
        Optional<Seat> chosen = seats.values().stream().filter(s -> s.canTakeChat(group))
                .min(Comparator.comparingInt((Seat s) -> s.chats.size())
                        .thenComparing(s -> s.readySince, Comparator.nullsLast(Comparator.naturalOrder())));
        if (chosen.isPresent()) {
            assign(chat.callId(), chosen.get(), group.id());
        } else {
            waiting.add(chat);
            waiting.sort(ORDER);
            decisions.accept(new AcdDecision.ChatQueued(chat, position(chat.callId())));
        }
    }

    void offerWaitingChatsTo(Seat seat) {
        boolean took = true;
        while (took) {
            took = false;
            for (WaitingCall chat : List.copyOf(waiting)) {
                if (seat.canTakeChat(acd.groupOf(chat.groupId()))) {
                    waiting.remove(chat);
                    assign(chat.callId(), seat, chat.groupId());
                    took = true;
                    break;
                }
            }
        }
    }

    void assign(String chatId, Seat seat, long groupId) {
        seat.chats.add(chatId);
        holder.put(chatId, seat.agentId);
        decisions.accept(new AcdDecision.ChatAssigned(chatId, seat.agentId, groupId));
        // everyone still waiting moved up one place
        waiting.stream().filter(c -> c.groupId() == groupId)
                .forEach(c -> decisions.accept(new AcdDecision.ChatQueued(c, position(c.callId()))));
    }

    /** The seat that held the chat, now without it. */
    Optional<Seat> remove(String chatId) {
        waiting.removeIf(c -> c.callId().equals(chatId));
        Long agentId = holder.remove(chatId);
        Seat seat = agentId == null ? null : seats.get(agentId);
        if (seat != null) {
            seat.chats.remove(chatId);
        }
        return Optional.ofNullable(seat);
    }

    boolean abandon(String chatId) {
        WaitingCall chat = waiting.stream().filter(c -> c.callId().equals(chatId)).findFirst().orElse(null);
        if (chat == null) {
            return false;
        }
        waiting.remove(chat);
        waiting.stream().filter(c -> c.groupId() == chat.groupId())
                .forEach(c -> decisions.accept(new AcdDecision.ChatQueued(c, position(c.callId()))));
        return true;
    }

    int waitingIn(long groupId) {
        return (int) waiting.stream().filter(c -> c.groupId() == groupId).count();
    }

    Optional<Long> holder(String chatId) {
        return Optional.ofNullable(holder.get(chatId));
    }

    void hold(String chatId, Seat seat) {
        seat.chats.add(chatId);
        holder.put(chatId, seat.agentId);
    }

    int position(String chatId) {
        WaitingCall chat = waiting.stream().filter(c -> c.callId().equals(chatId)).findFirst().orElse(null);
        if (chat == null) {
            return 0;
        }
        int ahead = 0;
        for (WaitingCall c : waiting) {
            if (c == chat) {
                break;
            }
            if (c.groupId() == chat.groupId()) {
                ahead++;
            }
        }
        return ahead + 1;
    }
}
