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
    /** The chats this agent holds now (the second medium, see SkillGroup's chat capacities). */
    final java.util.Set<String> chats = new java.util.LinkedHashSet<>();

    Seat(long agentId, String agentNo, Map<Long, Integer> skills) {
        this.agentId = agentId;
        this.agentNo = agentNo;
        this.skills = Map.copyOf(skills);
    }

    /** A call: ready, skilled, and not holding more chats than the group allows beside a call. */
    boolean canTake(long groupId, SkillGroup group) {
        return state == AgentState.READY && skills.containsKey(groupId) && chats.size() <= group.chatsWithCall();
    }

    /** A chat: signed in and ready below the chat capacity, or on a call below the chats allowed beside one. */
    boolean canTakeChat(SkillGroup group) {
        if (!skills.containsKey(group.id())) {
            return false;
        }
        return switch (state) {
            case READY -> chats.size() < group.chatCapacity();
            case TALKING, HELD -> chats.size() < group.chatsWithCall();
            default -> false;
        };
    }

    int level(long groupId) {
        return skills.getOrDefault(groupId, 0);
    }
}
