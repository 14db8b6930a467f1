package org.openhotline.callcenter.internal.acd;

import java.time.Duration;

/**
 * A skill group (技能组) as the ACD sees it: its strategy, where calls overflow after a wait, how long an
 * agent may ring, and the longest a caller waits before voicemail or a callback request. Chats are the second
 * medium: an agent of the group holds at most {@code chatCapacity} chats, and at most {@code chatsWithCall} of
 * them while on a call (an agent holding more chats than that is offered no call) — e.g. 3 chats, or 1 call + 1 chat.
 */
public record SkillGroup(long id, String code, String name, RoutingStrategy strategy, Long overflowGroupId,
                         Duration overflowAfter, Duration ringTimeout, Duration maxWait, int chatCapacity,
                         int chatsWithCall) {

    public static final int DEFAULT_CHAT_CAPACITY = 3;
    public static final int DEFAULT_CHATS_WITH_CALL = 1;

    public SkillGroup {
        if (ringTimeout == null || ringTimeout.isZero() || ringTimeout.isNegative()) {
            throw new IllegalArgumentException("ring timeout must be positive");
        }
        if (chatCapacity < 0 || chatsWithCall < 0 || chatsWithCall > chatCapacity) {
            throw new IllegalArgumentException("chat capacities must be 0 ≤ with call ≤ capacity");
        }
    }

    /** A group with the default chat capacities (3 chats, or 1 call + 1 chat). */
    public SkillGroup(long id, String code, String name, RoutingStrategy strategy, Long overflowGroupId,
                      Duration overflowAfter, Duration ringTimeout, Duration maxWait) {
        this(id, code, name, strategy, overflowGroupId, overflowAfter, ringTimeout, maxWait, DEFAULT_CHAT_CAPACITY,
                DEFAULT_CHATS_WITH_CALL);
    }
}
