package org.openhotline.channels.internal.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.openhotline.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A citizen who leaves while waiting rarely says so: the portal page is closed or the phone loses coverage, a WeChat
 * follower simply stops writing. Such a chat would wait in the queue for ever, ahead of citizens who are still
 * there, and never count as abandoned. So a waiting web chat whose citizen no node has seen on a socket for
 * {@code hotline.chat.away-grace} (default 60 s, enough to reload the page or ride through a tunnel; the stamps are
 * {@link ChatPresence}'s, in the database, since a reconnect may land on another node) and a waiting WeChat chat
 * whose follower has written nothing for {@code hotline.chat.wechat-silence} (default 15 min) are abandoned: out of
 * the ACD's queue, ABANDONED on record, counted in the chat facts (排队中放弃). The sweep runs on the node holding
 * the singletons' lease, where the ACD's queue is.
 */
@Component
public class AbandonedChats {

    private static final Logger log = LoggerFactory.getLogger(AbandonedChats.class);
    static final String WEB_GONE = "您已离开，排队已取消。如需咨询，请重新发起在线客服。";
    static final String WECHAT_SILENT = "您长时间未回复，已退出人工客服排队。如仍需人工服务，请回复“人工”。";

    private final ChatPresence presence;
    private final ChatRecords records;
    private final Chats chats;
    private final Clock clock;
    private final Duration grace;
    private final Duration silence;

    AbandonedChats(ChatPresence presence, ChatRecords records, Chats chats, Clock clock,
                   @Value("${hotline.chat.away-grace:PT60S}") Duration grace,
                   @Value("${hotline.chat.wechat-silence:PT15M}") Duration silence) {
        this.presence = presence;
        this.records = records;
        this.chats = chats;
        this.clock = clock;
        this.grace = grace;
        this.silence = silence;
    }

    @Scheduled(fixedDelayString = "${hotline.chat.abandon-check:PT10S}")
    void check() {
        sweep(clock.instant());
    }

    /** Abandons what is gone at {@code now} (this node's own citizens stamped present first); answers how many chats. */
    public int sweep(Instant now) {
        presence.beat(now);
        int abandoned = 0;
        for (UUID chatId : records.goneWeb(now.minus(grace))) {
            // an active chat stays: its agent sees the citizen's silence and ends it
            if (abandon(chatId, WEB_GONE)) {
                abandoned++;
            }
        }
        for (UUID chatId : records.silentWechat(now.minus(silence))) {
            if (abandon(chatId, WECHAT_SILENT)) {
                abandoned++;
            }
        }
        return abandoned;
    }

    private boolean abandon(UUID chatId, String why) {
        try {
            return chats.abandon(chatId, why);
        } catch (DomainException | org.springframework.dao.DataAccessException e) {
            log.warn("Could not abandon chat {}: {}", chatId, e.toString());
            return false;
        }
    }
}
