package org.openhotline.channels.internal.chat;

/**
 * Carries staff lines of a chat to a citizen who is not on the WebSocket (a WeChat follower: through the
 * customer-service message API). Each relay picks the chats of its own source.
 */
public interface ChatRelay {

    void relay(Chat chat, ChatMessage message);

    default void ended(Chat chat) {}
}
