package org.openhotline.callcenter.internal.agents;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.AgentStateChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes to each agent's own desk: its seat (state, and on ringing the caller, so the caller view pops up at
 * once) and internal messages from leaders and colleagues. Notes when an agent's last desk stream goes away, so
 * that {@link AbandonedDesks} can stop calls to a closed browser.
 */
@Component
public class DeskEvents {

    private final Map<Long, List<SseEmitter>> desks = new ConcurrentHashMap<>();
    /** Agents whose last desk stream went away, and since when (see AbandonedDesks). */
    private final Map<Long, Instant> goneSince = new ConcurrentHashMap<>();
    private final SeatBoard board;
    private final Clock clock;

    DeskEvents(SeatBoard board, Clock clock) {
        this.board = board;
        this.clock = clock;
    }

    SseEmitter subscribe(long accountId, Object firstSeat) {
        SseEmitter emitter = new SseEmitter(Duration.ofHours(12).toMillis());
        List<SseEmitter> list = desks.computeIfAbsent(accountId, k -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        goneSince.remove(accountId);
        Runnable remove = () -> remove(accountId, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(accountId, emitter, "seat", firstSeat);
        return emitter;
    }

    /** Sends the state this event moved to (not whatever the board says by now), so no step is lost. */
    @EventListener
    void on(AgentStateChanged changed) {
        if (changed.to() == AgentState.SIGNED_OUT || changed.from() == AgentState.SIGNED_OUT) {
            // a sign-out ends what a closed desk could leave behind; a sign-in starts afresh (maybe without a desk)
            goneSince.remove(changed.accountId());
        }
        SeatBoard.Seat seat = board.of(changed.accountId());
        boolean current = seat.state() == changed.to();
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("state", changed.to().name());
        data.put("stateLabel", changed.to().label());
        data.put("reason", changed.reason());
        data.put("since", changed.at());
        data.put("extension", seat.extension());
        data.put("callId", current ? seat.callId() : null);
        data.put("caller", current ? seat.caller() : null);
        data.put("version", current ? seat.version() : 0);
        push(changed.accountId(), "seat", data);
    }

    public void push(long accountId, String event, Object data) {
        for (SseEmitter emitter : desks.getOrDefault(accountId, List.of())) {
            send(accountId, emitter, event, data);
        }
    }

    private void remove(long accountId, SseEmitter emitter) {
        List<SseEmitter> list = desks.getOrDefault(accountId, List.of());
        if (list.remove(emitter) && list.isEmpty()) {
            goneSince.putIfAbsent(accountId, clock.instant());
        }
    }

    /**
     * A comment line to every open desk: a browser that was closed without a goodbye is only noticed when a write
     * to its connection fails, so this write finds the dead streams (and keeps proxies from timing out idle ones).
     */
    void heartbeat() {
        desks.forEach((accountId, list) -> list.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | RuntimeException e) {
                remove(accountId, emitter);
                try {
                    emitter.completeWithError(e);
                } catch (RuntimeException alreadyClosed) {
                    // nothing more to close
                }
            }
        }));
    }

    /** Agents whose desk had a stream and has none now, with the instant the last one went away. */
    Map<Long, Instant> abandoned() {
        return Map.copyOf(goneSince);
    }

    /** Stops watching an agent whose abandoned desk has been dealt with (or who signed out). */
    void forget(long accountId) {
        goneSince.remove(accountId);
    }

    /** Sends to one desk; nothing may escape into the state change that pushes (see SeatWall#send). */
    private void send(long accountId, SseEmitter emitter, String event, Object data) {
        try {
            emitter.send(SseEmitter.event().name(event).data(data));
        } catch (IOException | RuntimeException e) {
            // Closed rather than left open and silent: the desk reconnects and reads its seat afresh.
            remove(accountId, emitter);
            try {
                emitter.completeWithError(e);
            } catch (RuntimeException alreadyClosed) {
                // nothing more to close
            }
        }
    }
}
