package org.openhotline.callcenter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/**
 * A team (班组) was created, renamed, given a leader or members, or removed ({@code change} = {@code deleted}, no
 * members). Carries the whole current membership so a listener replaces its copy of the team in one step, and the
 * moment it took effect ({@code at}; null in events stored before it was added) so that figures of the past count
 * with the team the agent was in then. {@code version} is the team's row version after the change ({@link #FINAL}
 * for a deletion; null in events stored before it was added): listeners run on threads of their own, so a team's
 * events can arrive out of order, and a listener that keeps the current membership applies only the newest.
 */
public record TeamChanged(long teamId, String name, Long leaderId, List<Long> members, String change, Instant at,
                          Integer version) implements AuditableEvent {

    /** The version a deletion carries: nothing about the team comes after it. */
    public static final int FINAL = Integer.MAX_VALUE;

    @Override
    public String action() {
        return "callcenter.team." + change;
    }

    @Override
    public String target() {
        return "team:" + teamId;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("name", name, "members", members.size());
    }
}
