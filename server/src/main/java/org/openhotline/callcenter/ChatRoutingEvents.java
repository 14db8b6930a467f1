package org.openhotline.callcenter;

import java.time.Instant;

/** What the ACD decided for chats (see {@link ChatDistribution}). */
public final class ChatRoutingEvents {

    private ChatRoutingEvents() {}

    /** The chat goes to this agent now. */
    public record ChatAssigned(String chatId, long accountId, String agentNo, long groupId, Instant at) {}

    /** The chat waits at this place in its group's chat queue. */
    public record ChatWaiting(String chatId, int position, Instant at) {}
}
