package org.openhotline.callcenter.internal.agents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.openhotline.callcenter.AgentState;

/** The live state of every seat, as the seat wall and the phone bar show it (kept in memory, logged to the DB). */
@org.springframework.stereotype.Component
public class SeatBoard {

    /**
     * One seat as it is now. {@code version} grows with every change on the board (one counter for all seats):
     * screens get the same seat from a snapshot, a stream event and an HTTP answer, in any order, and keep the
     * one with the highest version, so a late answer can never put an older state back on the screen.
     */
    public record Seat(long accountId, AgentState state, String reason, Instant since, String extension, String callId,
                String caller, long version) {

        Seat(long accountId, AgentState state, String reason, Instant since, String extension, String callId,
             String caller) {
            this(accountId, state, reason, since, extension, callId, caller, 0);
        }
    }

    private final Map<Long, Seat> seats = new ConcurrentHashMap<>();
    private final AtomicLong versions = new AtomicLong();

    public Seat of(long accountId) {
        return seats.getOrDefault(accountId, new Seat(accountId, AgentState.SIGNED_OUT, null, null, null, null, null));
    }

    /** Puts the seat on the board with the next version, and answers it as stored. */
    Seat put(Seat seat) {
        Seat stored = new Seat(seat.accountId(), seat.state(), seat.reason(), seat.since(), seat.extension(),
                seat.callId(), seat.caller(), versions.incrementAndGet());
        seats.put(seat.accountId(), stored);
        return stored;
    }

    List<Seat> all() {
        return List.copyOf(seats.values());
    }
}
