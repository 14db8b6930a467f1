package org.openhotline.channels;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to an online chat (在线客服), published in the transaction that records it, for the reports' chat
 * facts: offered (entered the ACD's chat queue), answered, abandoned (left while waiting), ended.
 */
public final class ChatEvents {

    private ChatEvents() {}

    /** {@code source} WEB or WECHAT; {@code groupId} the call center's skill group. */
    public record ChatOffered(UUID chatId, String source, long groupId, Instant at) {}

    public record ChatAnswered(UUID chatId, long agentId, Instant at) {}

    public record ChatAbandoned(UUID chatId, Instant at) {}

    /** {@code endedBy} CITIZEN, AGENT or SYSTEM; {@code messages} the lines written by citizen and staff. */
    public record ChatEnded(UUID chatId, Long agentId, String endedBy, int messages, Long orderId, Instant at) {}

    /** The citizen's answer to the satisfaction question: one of the five 好差评 grades. */
    public record ChatRated(UUID chatId, String grade, Instant at) {}
}
