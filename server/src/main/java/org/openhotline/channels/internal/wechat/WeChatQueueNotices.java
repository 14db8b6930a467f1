package org.openhotline.channels.internal.wechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.openhotline.callcenter.ChatRoutingEvents;
import org.openhotline.channels.internal.chat.Chat;
import org.openhotline.channels.internal.chat.ChatMessage;
import org.openhotline.channels.internal.chat.ChatRelay;
import org.openhotline.channels.internal.chat.Chats;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells a WeChat follower waiting for an agent their place in the queue (排队第 N 位) through the customer-service
 * API — the portal's widget shows it live, WeChat has no other way. The first place goes out at once; a change
 * goes out at most once per {@code hotline.chat.wechat-position-interval} (default 30 s): a queue moving fast would
 * otherwise flood the follower's phone, and WeChat limits customer-service messages too. A change within the interval
 * is kept and sent when it is over, unless the chat was taken or ended meanwhile.
 */
@Component
public class WeChatQueueNotices implements ChatRelay {

    /**
     * {@code openId} null: not a WeChat chat (remembered, so the chat is looked up once). {@code sent} is the place
     * last told, {@link #TOLD_BEFORE} for a chat back in the queue after an agent had it (a transfer to a group): its
     * follower heard how the queue works the first time, so the next notice is the place alone.
     */
    private record Place(String openId, int sent, Instant sentAt, int pending) {}

    private static final int TOLD_BEFORE = -1;

    private final Map<String, Place> waiting = new ConcurrentHashMap<>();
    private final Chats chats;
    private final WeChatChatRelay out;
    private final WeChatProperties properties;
    private final Clock clock;
    private final Duration interval;
    private final Duration silence;

    // Chats lazily: it is handed its relays, this one among them
    WeChatQueueNotices(@org.springframework.context.annotation.Lazy Chats chats, WeChatChatRelay out, WeChatProperties properties, Clock clock,
                       @Value("${hotline.chat.wechat-position-interval:PT30S}") Duration interval,
                       @Value("${hotline.chat.wechat-silence:PT15M}") Duration silence) {
        this.chats = chats;
        this.out = out;
        this.properties = properties;
        this.clock = clock;
        this.interval = interval;
        this.silence = silence;
    }

    @EventListener
    void on(ChatRoutingEvents.ChatWaiting w) {
        if (!properties.configured()) {
            return;
        }
        Place place = waiting.computeIfAbsent(w.chatId(), id -> chats.find(UUID.fromString(id))
                .filter(c -> "WECHAT".equals(c.source()))
                .map(c -> new Place(c.wechatOpenid(), c.answeredAt() == null ? 0 : TOLD_BEFORE, null, 0))
                .orElse(new Place(null, 0, null, 0)));
        if (place.openId() != null) {
            tell(w.chatId(), w.position(), clock.instant());
        }
    }

    @EventListener
    void on(ChatRoutingEvents.ChatAssigned a) {
        waiting.remove(a.chatId());
    }

    @Override
    public void relay(Chat chat, ChatMessage message) {}

    @Override
    public void ended(Chat chat) {
        waiting.remove(chat.id().toString());
    }

    /** Sends the places kept back by the interval that may go out at {@code now}. */
    @Scheduled(fixedDelayString = "${hotline.chat.wechat-position-check:PT5S}")
    void flush() {
        flush(clock.instant());
    }

    public void flush(Instant now) {
        waiting.forEach((chatId, place) -> {
            if (place.openId() != null && place.pending() > 0) {
                tell(chatId, place.pending(), now);
            }
        });
    }

    private void tell(String chatId, int position, Instant now) {
        String[] text = {null};
        waiting.computeIfPresent(chatId, (id, p) -> {
            if (position <= 0 || position == p.sent()) {
                return new Place(p.openId(), p.sent(), p.sentAt(), 0);
            }
            if (p.sentAt() != null && p.sentAt().plus(interval).isAfter(now)) {
                return new Place(p.openId(), p.sent(), p.sentAt(), position);
            }
            // the first notice of a chat explains the queue; a transferred chat's follower has heard it already
            text[0] = p.sent() == 0
                    ? "您已进入人工客服排队，当前排在第 " + position + " 位，请稍候。等待期间超过 " + silence.toMinutes()
                            + " 分钟没有任何消息将退出排队，回复任意内容可继续等待。"
                    : "您当前排在第 " + position + " 位，请稍候。";
            return new Place(p.openId(), position, now, 0);
        });
        Place p = waiting.get(chatId);
        if (text[0] != null && p != null) {
            out.send(p.openId(), text[0], "queue position of chat " + chatId);
        }
    }
}
