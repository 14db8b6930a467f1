package org.openhotline.callcenter.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openhotline.callcenter.AgentStateChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes to each agent's own desk: its seat (state, and on ringing the caller, so the caller view pops up at
 * once) and internal messages from leaders and colleagues.
 */
@Component
class DeskEvents {

    private final Map<Long, List<SseEmitter>> desks = new ConcurrentHashMap<>();
    private final SeatBoard board;

    DeskEvents(SeatBoard board) {
        this.board = board;
    }

    SseEmitter subscribe(long accountId, Object firstSeat) {
        SseEmitter emitter = new SseEmitter(Duration.ofHours(12).toMillis());
        List<SseEmitter> list = desks.computeIfAbsent(accountId, k -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        Runnable remove = () -> list.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(accountId, emitter, "seat", firstSeat);
        return emitter;
    }

    /** Sends the state this event moved to (not whatever the board says by now), so no step is lost. */
    @EventListener
    void on(AgentStateChanged changed) {
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

    void push(long accountId, String event, Object data) {
        for (SseEmitter emitter : desks.getOrDefault(accountId, List.of())) {
            send(accountId, emitter, event, data);
        }
    }

    /** Sends to one desk; nothing may escape into the state change that pushes (see SeatWall#send). */
    private void send(long accountId, SseEmitter emitter, String event, Object data) {
        try {
            emitter.send(SseEmitter.event().name(event).data(data));
        } catch (IOException | RuntimeException e) {
            // Closed rather than left open and silent: the desk reconnects and reads its seat afresh.
            desks.getOrDefault(accountId, List.of()).remove(emitter);
            try {
                emitter.completeWithError(e);
            } catch (RuntimeException alreadyClosed) {
                // nothing more to close
            }
        }
    }
}
