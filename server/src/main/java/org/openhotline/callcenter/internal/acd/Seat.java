package org.openhotline.callcenter.internal.acd;

import java.time.Instant;
import java.util.Map;
import org.openhotline.callcenter.AgentState;

/** An agent as the ACD tracks it: skills per group with levels 1–5, state, since when ready, calls today. */
final class Seat {

    final long agentId;
    final String agentNo;
    Map<Long, Integer> skills;
    AgentState state = AgentState.SIGNED_OUT;
    Instant readySince;
    int answeredToday;

    Seat(long agentId, String agentNo, Map<Long, Integer> skills) {
        this.agentId = agentId;
        this.agentNo = agentNo;
        this.skills = Map.copyOf(skills);
    }

    boolean canTake(long groupId) {
        return state == AgentState.READY && skills.containsKey(groupId);
    }

    int level(long groupId) {
        return skills.getOrDefault(groupId, 0);
    }
}
