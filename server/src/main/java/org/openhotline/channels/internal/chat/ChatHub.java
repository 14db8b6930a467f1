package org.openhotline.channels.internal.chat;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who is connected now: the citizen's sockets per chat, the staff's desk sockets per account, and who watches which
 * chat (its agent and any team leader who joined). Only pushes: whatever is pushed was stored before, so a socket
 * that misses a push catches up on reconnect. Sessions are wrapped so that pushes from several threads are
 * serialized and a slow client cannot hold up the others.
 */
@Component
class ChatHub {

    private static final Logger log = LoggerFactory.getLogger(ChatHub.class);

    private final Map<UUID, Set<WebSocketSession>> citizens = new ConcurrentHashMap<>();
    private final Map<Long, Set<WebSocketSession>> desks = new ConcurrentHashMap<>();
    private final Map<UUID, Set<Long>> watchers = new ConcurrentHashMap<>();
    private final JsonMapper json;

    ChatHub(JsonMapper json) {
        this.json = json;
    }

    WebSocketSession wrap(WebSocketSession session) {
        return new ConcurrentWebSocketSessionDecorator(session, 10_000, 1024 * 1024);
    }

    // join and leave change a chat's set under the map's lock for that key: a set emptied by a leave is dropped,
    // and a join never adds to a set already dropped
    void citizenJoined(UUID chatId, WebSocketSession session) {
        citizens.compute(chatId, (id, set) -> {
            Set<WebSocketSession> s = set == null ? ConcurrentHashMap.newKeySet() : set;
            s.add(session);
            return s;
        });
    }

    void citizenLeft(UUID chatId, WebSocketSession session) {
        citizens.computeIfPresent(chatId, (id, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }

    boolean citizenHere(UUID chatId) {
        return citizens.containsKey(chatId);
    }

    /** The chats whose citizen has a socket on this node (see {@link ChatPresence}). */
    Set<UUID> citizensHere() {
        return Set.copyOf(citizens.keySet());
    }

    void deskJoined(long accountId, WebSocketSession session) {
        desks.computeIfAbsent(accountId, k -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void deskLeft(long accountId, WebSocketSession session) {
        Set<WebSocketSession> set = desks.get(accountId);
        if (set != null) {
            set.remove(session);
        }
    }

    void watch(UUID chatId, long accountId) {
        watchers.computeIfAbsent(chatId, k -> ConcurrentHashMap.newKeySet()).add(accountId);
    }

    void unwatch(UUID chatId, long accountId) {
        Set<Long> set = watchers.get(chatId);
        if (set != null) {
            set.remove(accountId);
        }
    }

    void forget(UUID chatId) {
        watchers.remove(chatId);
    }

    Set<Long> watchersOf(UUID chatId) {
        return Set.copyOf(watchers.getOrDefault(chatId, Set.of()));
    }

    void toCitizen(UUID chatId, Map<String, ?> payload) {
        send(citizens.getOrDefault(chatId, Set.of()), payload);
    }

    void toDesk(long accountId, Map<String, ?> payload) {
        send(desks.getOrDefault(accountId, Set.of()), payload);
    }

    /** To the agent and team leaders watching the chat. */
    void toStaff(UUID chatId, Map<String, ?> payload) {
        for (long accountId : watchers.getOrDefault(chatId, Set.of())) {
            toDesk(accountId, payload);
        }
    }

    void send(WebSocketSession session, Map<String, ?> payload) {
        send(Set.of(session), payload);
    }

    private void send(Set<WebSocketSession> sessions, Map<String, ?> payload) {
        if (sessions.isEmpty()) {
            return;
        }
        TextMessage text = new TextMessage(json.writeValueAsString(payload));
        for (WebSocketSession s : sessions) {
            try {
                if (s.isOpen()) {
                    s.sendMessage(text);
                }
            } catch (IOException | RuntimeException e) {
                // the client reconnects and catches up from the stored lines
                log.debug("chat push to {} failed: {}", s.getId(), e.toString());
            }
        }
    }
}
