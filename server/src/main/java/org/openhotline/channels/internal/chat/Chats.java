package org.openhotline.channels.internal.chat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openhotline.callcenter.ChatDistribution;
import org.openhotline.callcenter.ChatRoutingEvents;
import org.openhotline.channels.ChatEvents;
import org.openhotline.channels.internal.portal.PhoneCodes;
import org.openhotline.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a chat: opened by a citizen (or a WeChat follower), queued in the ACD, taken by an agent, written in
 * by both sides, ended. Every change is stored and its event published in one transaction, and only then handed to
 * the ACD and pushed to the sockets — so what a client sees is always on record, and a reconnect finds it again.
 */
@Service
public class Chats {

    private static final Logger log = LoggerFactory.getLogger(Chats.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Opened(UUID chatId, String token) {}

    private final ChatRecords records;
    private final ChatMessages messages;
    private final ChatDistribution acd;
    private final ChatHub hub;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final List<ChatRelay> relays;
    private final ChatPresence presence;

    Chats(ChatRecords records, ChatMessages messages, ChatDistribution acd, ChatHub hub, ApplicationEventPublisher events,
          TransactionTemplate tx, Clock clock, List<ChatRelay> relays, ChatPresence presence) {
        this.presence = presence;
        this.records = records;
        this.messages = messages;
        this.acd = acd;
        this.hub = hub;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.relays = relays;
    }

    /** Opens a chat in the group and queues it; the caller registers its socket before {@link #route}. */
    public Opened open(String source, String openid, String name, String phone, long groupId) {
        UUID id = UUID.randomUUID();
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            records.insert(id, PhoneCodes.hash(token), source, openid, clip(name, 30), clip(phone, 20), groupId, now);
            messages.append(id, "SYSTEM", null, "您好，正在为您接入人工客服，请稍候。", null, now);
            events.publishEvent(new ChatEvents.ChatOffered(id, source, groupId, now));
        });
        return new Opened(id, token);
    }

    /** Hands the chat to the ACD — after the commit when called inside a transaction (a WeChat message's). */
    public void route(UUID chatId) {
        afterCommit(() -> {
            Chat chat = records.get(chatId);
            acd.enqueue(chatId.toString(), chat.citizenName() == null ? "" : chat.citizenName(), chat.groupId(),
                    chat.queuedAt());
        });
    }

    /**
     * Runs {@code r} once the surrounding transaction committed (at once without one): the ACD and the sockets must
     * never learn of a chat or a line that is not on record yet.
     */
    static void afterCommit(Runnable r) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            r.run();
                        }
                    });
        } else {
            r.run();
        }
    }

    public java.util.Optional<Chat> find(UUID chatId) {
        return records.find(chatId);
    }

    /** The open chat of a WeChat follower, if any. */
    public java.util.Optional<UUID> openOfWechat(String openid) {
        return records.openOfWechat(openid).map(Chat::id);
    }

    /** The chat is staffed now for the group: within the hours, and someone of the group signed in. */
    public boolean staffed(long groupId, ChatHours hours) {
        return hours.open() && acd.agentsSignedIn(groupId) > 0;
    }

    /** The chat if {@code token} is the one it was opened with (the citizen's proof on resume). */
    public Chat byToken(UUID chatId, String token) {
        Chat chat = records.find(chatId).orElse(null);
        if (chat == null || token == null || !chat.tokenHash().equals(PhoneCodes.hash(token))) {
            throw DomainException.notFound("会话不存在或已失效");
        }
        return chat;
    }

    public ChatMessages.Stored citizenSays(UUID chatId, String clientId, String text) {
        String body = text(text);
        ChatMessages.Stored stored = tx.execute(s -> {
            Chat chat = records.lock(chatId);
            if (!chat.open()) {
                throw DomainException.conflict("会话已结束");
            }
            return messages.append(chatId, "CITIZEN", chat.citizenName(), body, clip(clientId, 64), clock.instant());
        });
        if (!stored.duplicate()) {
            afterCommit(() -> pushLine(chatId, stored.message()));
        }
        return stored;
    }

    /** A line from the agent holding the chat or a team leader who joined it. */
    public ChatMessage staffSays(UUID chatId, long accountId, String displayName, String clientId, String text) {
        String body = text(text);
        ChatMessages.Stored stored = tx.execute(s -> {
            Chat chat = records.lock(chatId);
            chat.requireActive();
            boolean holder = chat.agentId() != null && chat.agentId() == accountId;
            if (!holder && !records.participants(chatId).contains(accountId)) {
                throw DomainException.forbidden("该会话不由您接待");
            }
            return messages.append(chatId, holder ? "AGENT" : "LEADER", displayName, body, clip(clientId, 64),
                    clock.instant());
        });
        if (!stored.duplicate()) {
            pushLine(chatId, stored.message());
        }
        return stored.message();
    }

    /** A line from the platform (an order number, a transfer) — shown to both sides. */
    void systemSays(UUID chatId, String text) {
        ChatMessage m = tx.execute(s -> messages.append(chatId, "SYSTEM", null, text, null, clock.instant()).message());
        pushLine(chatId, m);
    }

    private void pushLine(UUID chatId, ChatMessage m) {
        Map<String, Object> payload = line(chatId, m);
        hub.toCitizen(chatId, payload);
        hub.toStaff(chatId, payload);
        if (!"CITIZEN".equals(m.sender())) {
            Chat chat = records.get(chatId);
            relays.forEach(r -> r.relay(chat, m));
        }
    }

    static Map<String, Object> line(UUID chatId, ChatMessage m) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "message");
        p.put("chatId", chatId);
        p.put("seq", m.seq());
        p.put("sender", m.sender());
        p.put("author", m.author());
        p.put("text", m.text());
        p.put("clientId", m.clientId());
        p.put("at", m.at());
        return p;
    }

    /** Ends the chat (citizen, agent or platform); waiting chats count as abandoned. */
    public void end(UUID chatId, String by) {
        Chat before = tx.execute(s -> close(chatId, by));
        afterCommit(() -> closed(chatId, before));
    }

    private Chat close(UUID chatId, String by) {
        Instant now = clock.instant();
        Chat chat = records.lock(chatId);
        String state = chat.endState();
        records.ended(chatId, state, by, now);
        messages.append(chatId, "SYSTEM", null, "CITIZEN".equals(by) ? "您已结束会话。" : "本次会话已结束，感谢您的咨询。",
                null, now);
        if (Chat.ABANDONED.equals(state)) {
            events.publishEvent(new ChatEvents.ChatAbandoned(chatId, now));
        } else {
            int lines = messages.count(chatId, "CITIZEN") + messages.count(chatId, "AGENT") + messages.count(chatId, "LEADER");
            events.publishEvent(new ChatEvents.ChatEnded(chatId, chat.agentId(), by, lines, chat.orderId(), now));
        }
        return chat;
    }

    /**
     * Takes a chat that still waits out of the queue as abandoned, its citizen gone ({@code why} is the last line,
     * which a WeChat follower also receives); false when an agent took it meanwhile or it ended.
     */
    public boolean abandon(UUID chatId, String why) {
        Chat before = tx.execute(s -> {
            Chat chat = records.lock(chatId);
            if (!chat.waiting()) {
                return null;
            }
            Instant now = clock.instant();
            records.ended(chatId, Chat.ABANDONED, "SYSTEM", now);
            messages.append(chatId, "SYSTEM", null, why, null, now);
            events.publishEvent(new ChatEvents.ChatAbandoned(chatId, now));
            return chat;
        });
        if (before == null) {
            return false;
        }
        afterCommit(() -> closed(chatId, before));
        return true;
    }

    private void closed(UUID chatId, Chat before) {
        if (Chat.WAITING.equals(before.state())) {
            acd.abandoned(chatId.toString());
        } else {
            acd.ended(chatId.toString());
        }
        Chat after = records.get(chatId);
        messages.after(chatId, before.lastSeq()).forEach(m -> pushLine(chatId, m));
        Map<String, Object> ended = new LinkedHashMap<>();
        ended.put("type", "ended");
        ended.put("chatId", chatId);
        ended.put("state", after.state());
        ended.put("askRating", Chat.ENDED.equals(after.state()));
        hub.toCitizen(chatId, ended);
        hub.toStaff(chatId, ended);
        hub.forget(chatId);
        relays.forEach(r -> r.ended(after));
    }

    public void rate(UUID chatId, String grade) {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            Chat chat = records.lock(chatId);
            chat.requireRatable();
            records.rated(chatId, grade);
            events.publishEvent(new ChatEvents.ChatRated(chatId, grade, now));
        });
    }

    // ---- what the ACD decided ---------------------------------------------------------------------------

    @EventListener
    void on(ChatRoutingEvents.ChatAssigned assigned) {
        UUID chatId = UUID.fromString(assigned.chatId());
        try {
            Chat before = records.find(chatId).orElse(null);
            if (before == null || !before.open()) {
                acd.ended(assigned.chatId()); // the citizen left while the ACD decided
                return;
            }
            Instant now = assigned.at();
            tx.executeWithoutResult(s -> {
                records.lock(chatId);
                records.assigned(chatId, assigned.accountId(), now);
                messages.append(chatId, "SYSTEM", null, "客服 " + assigned.agentNo() + " 号为您服务。", null, now);
                if (before.answeredAt() == null) {
                    events.publishEvent(new ChatEvents.ChatAnswered(chatId, assigned.accountId(), now));
                }
            });
            if (before.agentId() != null && before.agentId() != assigned.accountId()) {
                hub.unwatch(chatId, before.agentId());
                hub.toDesk(before.agentId(), Map.of("type", "removed", "chatId", chatId));
            }
            hub.watch(chatId, assigned.accountId());
            hub.toCitizen(chatId, Map.of("type", "state", "state", Chat.ACTIVE, "agentNo", assigned.agentNo()));
            messages.after(chatId, before.lastSeq()).forEach(m -> pushLine(chatId, m));
            hub.toDesk(assigned.accountId(), Map.of("type", "assigned", "chatId", chatId));
        } catch (RuntimeException e) {
            log.error("Could not hand chat {} to agent {}", chatId, assigned.accountId(), e);
        }
    }

    @EventListener
    void on(ChatRoutingEvents.ChatWaiting waiting) {
        presence.placed(UUID.fromString(waiting.chatId()), waiting.position());
    }

    static String text(String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("消息不能为空");
        }
        String t = text.strip();
        if (t.length() > ChatMessage.MAX_LENGTH) {
            throw DomainException.invalid("单条消息最长 " + ChatMessage.MAX_LENGTH + " 个字");
        }
        return t;
    }

    static String clip(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
