package org.openhotline.callcenter.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openhotline.callcenter.AgentState;

/** The live state of every seat, as the seat wall and the phone bar show it (kept in memory, logged to the DB). */
@org.springframework.stereotype.Component
class SeatBoard {

    record Seat(long accountId, AgentState state, String reason, Instant since, String extension, String callId,
                String caller) {}

    private final Map<Long, Seat> seats = new ConcurrentHashMap<>();

    Seat of(long accountId) {
        return seats.getOrDefault(accountId, new Seat(accountId, AgentState.SIGNED_OUT, null, null, null, null, null));
    }

    void put(Seat seat) {
        seats.put(seat.accountId(), seat);
    }

    List<Seat> all() {
        return List.copyOf(seats.values());
    }
}
