package org.openhotline.channels.internal.chat;

import java.time.Instant;
import java.util.UUID;
import org.openhotline.shared.DomainException;

/**
 * A chat as stored. WAITING (in the ACD's chat queue) → ACTIVE (an agent holds it) → ENDED; a chat the citizen leaves
 * while waiting is ABANDONED. The state rules live here; {@link ChatRecords} only stores.
 */
public record Chat(UUID id, String tokenHash, String source, String wechatOpenid, String citizenName, String citizenPhone,
            long groupId, String state, Long agentId, int lastSeq, Instant queuedAt, Instant answeredAt, Instant endedAt,
            String endedBy, Long orderId, String rating) {

    public static final String WAITING = "WAITING", ACTIVE = "ACTIVE", ENDED = "ENDED", ABANDONED = "ABANDONED";

    boolean open() {
        return WAITING.equals(state) || ACTIVE.equals(state);
    }

    boolean waiting() {
        return WAITING.equals(state);
    }

    /** An agent (or a team leader who joined) may write only while the chat is active. */
    public void requireActive() {
        if (!ACTIVE.equals(state)) {
            throw DomainException.conflict(open() ? "会话尚未接入坐席" : "会话已结束");
        }
    }

    void requireHeldBy(long accountId) {
        requireActive();
        if (agentId == null || agentId != accountId) {
            throw DomainException.forbidden("该会话不由您接待");
        }
    }

    /** The state a chat ends in: abandoned when nobody had taken it yet. */
    String endState() {
        if (!open()) {
            throw DomainException.conflict("会话已结束");
        }
        return WAITING.equals(state) ? ABANDONED : ENDED;
    }

    void requireRatable() {
        if (!ENDED.equals(state)) {
            throw DomainException.conflict("会话结束后才能评价");
        }
        if (rating != null) {
            throw DomainException.conflict("您已评价过本次服务");
        }
    }
}
