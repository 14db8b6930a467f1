package org.openhotline.channels.internal.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openhotline.shared.cluster.NodeSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What every node must know of the citizens' sockets, which may be on any node (a reconnect lands wherever the load
 * balancer sends it). Presence: each node stamps {@code ch_chat.citizen_seen_at} of the chats whose citizen has a
 * socket on it — on connect, on disconnect and every {@code hotline.chat.presence-beat} (default 10 s, well inside
 * the abandonment grace) — so {@link AbandonedChats} abandons a waiting chat only when no node has seen its citizen,
 * and a node that dies stops vouching for its sockets. Places: the ACD tells its own node a chat's new place; for a
 * citizen whose socket is elsewhere it signals the other nodes ({@code chat-queue}, "chat id place"), and a node that
 * missed signals re-reads the places of its citizens from the database ({@link ChatRecords#places}).
 */
@Component
class ChatPresence {

    static final String TOPIC = "chat-queue";
    private static final Logger log = LoggerFactory.getLogger(ChatPresence.class);

    private final ChatHub hub;
    private final ChatRecords records;
    private final NodeSignals signals;
    private final Clock clock;

    ChatPresence(ChatHub hub, ChatRecords records, NodeSignals signals, Clock clock) {
        this.hub = hub;
        this.records = records;
        this.signals = signals;
        this.clock = clock;
        signals.on(TOPIC, this::placeSignalled);
    }

    /** The citizen's socket opened or closed on this node: the grace of a gone citizen runs from now. */
    void stamp(UUID chatId) {
        try {
            records.seen(List.of(chatId), clock.instant());
        } catch (DataAccessException e) {
            log.warn("Could not stamp the presence of chat {}: {}", chatId, e.toString());
        }
    }

    // every node: each vouches for its own sockets
    @org.openhotline.shared.cluster.EveryNode
    @Scheduled(fixedDelayString = "${hotline.chat.presence-beat:PT10S}")
    void beat() {
        beat(clock.instant());
    }

    /** Stamps every chat whose citizen has a socket on this node at {@code at}. */
    void beat(Instant at) {
        records.seen(hub.citizensHere(), at);
    }

    /** The chat's place as the ACD decided it: pushed here, or signalled to the node that has the citizen's socket. */
    void placed(UUID chatId, int place) {
        if (hub.citizenHere(chatId)) {
            hub.toCitizen(chatId, Map.of("type", "queue", "position", place));
        } else {
            signals.send(TOPIC, chatId + " " + place);
        }
    }

    /** The chat's place as stored, for a citizen (re)connecting to any node: 0 when not waiting. */
    int place(UUID chatId) {
        return records.places(List.of(chatId)).getOrDefault(chatId, 0);
    }

    private void placeSignalled(String data) {
        if (data == null) { // signals were missed: re-read the places of this node's citizens
            records.places(hub.citizensHere()).forEach((chatId, place) ->
                    hub.toCitizen(chatId, Map.of("type", "queue", "position", place)));
            return;
        }
        String[] parts = data.split(" ");
        if (parts.length == 2) {
            try {
                hub.toCitizen(UUID.fromString(parts[0]), Map.of("type", "queue", "position", Integer.parseInt(parts[1])));
            } catch (IllegalArgumentException e) {
                log.debug("malformed chat-queue signal {}", data);
            }
        }
    }
}
