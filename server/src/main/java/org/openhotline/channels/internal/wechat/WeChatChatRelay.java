package org.openhotline.channels.internal.wechat;

import org.openhotline.channels.internal.chat.Chat;
import org.openhotline.channels.internal.chat.ChatMessage;
import org.openhotline.channels.internal.chat.ChatRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The agent's (and the platform's) lines of a WeChat chat, sent to the follower through the customer-service message
 * API. The line is on record before: a send WeChat refuses is logged, and the agent sees the chat as it is. Sends run
 * on one thread of their own, in order: a slow WeChat must not hold up the ACD's dispatcher, which also offers calls.
 */
@Component
class WeChatChatRelay implements ChatRelay, org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WeChatChatRelay.class);

    private final WeChatApi api;
    private final WeChatProperties properties;
    private final WeChatChat chat;
    private final java.util.concurrent.ExecutorService sender = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("wechat-chat-relay").daemon().factory());

    WeChatChatRelay(WeChatApi api, WeChatProperties properties, @Lazy WeChatChat chat) {
        this.api = api;
        this.properties = properties;
        this.chat = chat;
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }

    @Override
    public void relay(Chat c, ChatMessage m) {
        if (!"WECHAT".equals(c.source()) || !properties.configured()) {
            return;
        }
        String who = switch (m.sender()) {
            case "AGENT" -> "客服：";
            case "LEADER" -> "班长：";
            default -> "";
        };
        sender.execute(() -> {
            try {
                api.sendText(c.wechatOpenid(), who + m.text());
            } catch (RuntimeException e) {
                log.warn("WeChat chat line {} of {} not delivered: {}", m.seq(), c.id(), e.toString());
            }
        });
    }

    /** A text to a follower on the relay's thread, after the lines queued before it; {@code what} names it in the log. */
    void send(String openId, String text, String what) {
        sender.execute(() -> {
            try {
                api.sendText(openId, text);
            } catch (RuntimeException e) {
                log.warn("WeChat {} not delivered: {}", what, e.toString());
            }
        });
    }

    @Override
    public void ended(Chat c) {
        if (!"WECHAT".equals(c.source()) || !Chat.ENDED.equals(c.state()) || !properties.configured()) {
            return;
        }
        try {
            chat.askRating(c.wechatOpenid(), c.id());
        } catch (RuntimeException e) {
            // runs after the chat's commit: a failure here must not turn the follower's "结束" into an error
            log.warn("WeChat rating step of {} not stored: {}", c.id(), e.toString());
            return;
        }
        sender.execute(() -> {
            try {
                api.sendText(c.wechatOpenid(), "请对本次服务评价：回复 1 非常满意，2 满意，3 基本满意，4 不满意，5 非常不满意。");
            } catch (RuntimeException e) {
                log.warn("WeChat rating question of {} not delivered: {}", c.id(), e.toString());
            }
        });
    }
}
