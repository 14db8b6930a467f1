package org.openhotline.channels.internal.chat;

import org.openhotline.callcenter.ChatDistribution;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After a restart the ACD and the push lists are empty while chats are still open on record: the active ones go
 * back to their agents (and the leaders who joined), the waiting ones back into their queues, in arrival order.
 * Runs after the call center has loaded its groups and agents into the ACD.
 */
@Component
class ChatRecovery {

    private final ChatRecords records;
    private final ChatDistribution acd;
    private final ChatHub hub;
    private final Chats chats;
    private final java.time.Clock clock;

    ChatRecovery(ChatRecords records, ChatDistribution acd, ChatHub hub, Chats chats, java.time.Clock clock) {
        this.clock = clock;
        this.records = records;
        this.acd = acd;
        this.hub = hub;
        this.chats = chats;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
    void reopen() {
        // the citizens of waiting web chats get a fresh grace to reconnect: their sockets were on this node, perhaps
        records.seen(records.open().stream().filter(c -> "WEB".equals(c.source())).map(Chat::id).toList(), clock.instant());
        for (Chat chat : records.open()) {
            if (Chat.ACTIVE.equals(chat.state()) && chat.agentId() != null) {
                acd.restore(chat.agentId(), chat.id().toString());
                hub.watch(chat.id(), chat.agentId());
                records.participants(chat.id()).forEach(p -> hub.watch(chat.id(), p));
            } else if (Chat.WAITING.equals(chat.state())) {
                chats.route(chat.id());
            }
        }
    }
}
