package org.openhotline.callcenter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ACD for chats (在线客服): the channels module hands its chats to the same skill groups and agents as calls.
 * Decisions come back as {@link ChatRoutingEvents} (published synchronously from the ACD's dispatcher thread,
 * not through the event registry: they are live routing signals, the chat's record is the caller's).
 */
public interface ChatDistribution {

    record ChatGroup(long id, String code, String name, int chatCapacity, int chatsWithCall) {}

    /** The enabled skill groups that take chats (capacity above 0). */
    List<ChatGroup> groups();

    Optional<ChatGroup> group(String code);

    /** Queues a chat for a group; an agent below its capacity gets it at once. */
    void enqueue(String chatId, String citizen, long groupId, Instant since);

    /** 1-based place in the group's chat queue, 0 when not waiting. */
    int position(String chatId);

    /** The chat ended (or moved off its agent): the agent's capacity is free again. */
    void ended(String chatId);

    /** The citizen left while waiting; true when it was waiting. */
    boolean abandoned(String chatId);

    /** To a colleague of one of the chat's groups, if signed in and below capacity (false otherwise). */
    boolean transferToAgent(String chatId, long toAccountId, long groupId);

    /** Back into a group's queue with its place in time kept. */
    void transferToGroup(String chatId, String citizen, long groupId, Instant since);

    /** Agents who could take a chat of the group now or once free (signed in, skilled): none means offline. */
    int agentsSignedIn(long groupId);

    /** The chats an agent holds now. */
    Set<String> chatsOf(long accountId);

    /** After a restart: tells the ACD that this agent still holds this chat. */
    void restore(long accountId, String chatId);

    record ChatAgent(long accountId, String agentNo, String stateLabel, Set<Long> groupIds, int chats) {}

    /** Signed-in agents with the chats they hold (transfer targets). */
    List<ChatAgent> signedIn();

    /** Whether the account is an enabled agent (工号), and its number. */
    Optional<String> agentNo(long accountId);
}
