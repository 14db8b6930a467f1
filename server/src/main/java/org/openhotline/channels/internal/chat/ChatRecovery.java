package org.openhotline.channels.internal.chat;

import org.openhotline.callcenter.ChatDistribution;
import org.openhotline.shared.cluster.SingletonLeaseTaken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After a restart the ACD and the push lists are empty while chats are still open on record: the active ones go
 * back to their agents (and the leaders who joined), the waiting ones back into their queues, in arrival order.
 * Runs after the call center has loaded its groups and agents into the ACD, and again whenever this node becomes
 * the singletons' holder in a cluster ({@link SingletonLeaseTaken}): the ACD lives in the holder's memory, so the
 * new holder's ACD has none of the chats the old one queued. Idempotent — the ACD ignores a chat it already queues
 * or that an agent already holds — so a node that takes the lease again, or an event racing the start-up, queues
 * nothing twice.
 */
@Component
class ChatRecovery {

    private static final Logger log = LoggerFactory.getLogger(ChatRecovery.class);

    private final ChatRecords records;
    private final ChatDistribution acd;
    private final ChatHub hub;
    private final Chats chats;
    private final java.time.Clock clock;
    /** Until the application is ready the ACD has no groups yet; the start-up run then does the work. */
    private volatile boolean ready;

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
        ready = true;
        recover();
    }

    @EventListener
    void on(SingletonLeaseTaken taken) {
        if (ready) {
            log.info("chats: {} holds the singletons at epoch {}, putting the open chats back into the ACD",
                    taken.node(), taken.epoch());
            recover();
        }
    }

    /** Serialised: a hand-over's run and the start-up's must not interleave their reads of the ACD. */
    synchronized void recover() {
        // the citizens of waiting web chats get a fresh grace to reconnect: their sockets were on this node, perhaps
        records.seen(records.open().stream().filter(c -> "WEB".equals(c.source())).map(Chat::id).toList(), clock.instant());
        for (Chat chat : records.open()) {
            try {
                if (Chat.ACTIVE.equals(chat.state()) && chat.agentId() != null) {
                    acd.restore(chat.agentId(), chat.id().toString());
                    hub.watch(chat.id(), chat.agentId());
                    records.participants(chat.id()).forEach(p -> hub.watch(chat.id(), p));
                } else if (Chat.WAITING.equals(chat.state())) {
                    chats.route(chat.id());
                }
            } catch (RuntimeException e) {
                // one chat whose group was deleted meanwhile must not keep the others out of the ACD
                log.warn("chat {}: not put back into the ACD ({})", chat.id(), e.getMessage());
            }
        }
    }
}
