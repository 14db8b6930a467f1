package org.openhotline.channels.internal.wechat;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openhotline.callcenter.ChatDistribution;
import org.openhotline.channels.internal.chat.ChatHours;
import org.openhotline.channels.internal.chat.Chats;
import org.openhotline.channels.internal.portal.Grade;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A WeChat follower talking to an agent (转人工): "人工" (or the menu key CHAT) opens an online chat in the configured
 * skill group (general by default) when it is staffed; while it is open, everything the follower sends goes into the chat and the agent's lines
 * come back through the customer-service API ({@link WeChatChatRelay}); "结束" ends it, and a digit 1–5 answers the
 * satisfaction question that follows.
 */
@Component
public class WeChatChat {
    private static final Grade[] BY_DIGIT = {Grade.VERY_SATISFIED, Grade.SATISFIED, Grade.BASICALLY_SATISFIED,
            Grade.DISSATISFIED, Grade.VERY_DISSATISFIED};

    /** {@code reply} null: nothing to answer passively (the agent answers through the API). */
    record Answer(String reply) {}

    private final Chats chats;
    private final ChatDistribution acd;
    private final ChatHours hours;
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile String group;
    private final org.springframework.transaction.support.TransactionTemplate newTransaction;

    WeChatChat(Chats chats, ChatDistribution acd, ChatHours hours, JdbcClient jdbc, Clock clock,
               @org.springframework.beans.factory.annotation.Value("${hotline.chat.wechat-group:general}") String group,
               org.springframework.transaction.PlatformTransactionManager transactions) {
        this.group = group;
        this.newTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.chats = chats;
        this.acd = acd;
        this.hours = hours;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The answer when the message belongs to a chat (or asks for one); empty to let the guided conversation go on. */
    Optional<Answer> handle(String user, String type, Map<String, String> m, String text, String key, String step) {
        Optional<UUID> open = chats.openOfWechat(user);
        if (open.isPresent() && type.equals("event")) {
            return "CHAT".equals(m.get("EventKey")) ? Optional.of(new Answer("您正在与客服会话中，回复“结束”可结束会话。"))
                    : Optional.empty();
        }
        if (open.isPresent()) {
            if (type.equals("text") && (text.equals("结束") || text.equals("结束会话"))) {
                chats.end(open.get(), "CITIZEN");
                return Optional.of(new Answer(null));
            }
            chats.citizenSays(open.get(), key, piece(type, m, text));
            return Optional.of(new Answer(null));
        }
        if (step.startsWith("RATE:")) {
            WeChatConversation.reset(jdbc, user);
            if (type.equals("text") && text.matches("^[1-5]$")) {
                chats.rate(UUID.fromString(step.substring(5)), BY_DIGIT[Integer.parseInt(text) - 1].name());
                return Optional.of(new Answer("感谢您的评价！"));
            }
        }
        boolean asks = type.equals("text") && (text.equals("人工") || text.equals("转人工") || text.contains("人工客服"))
                || type.equals("event") && "CHAT".equals(m.get("EventKey"));
        return asks ? Optional.of(new Answer(open(user))) : Optional.empty();
    }

    private String open(String user) {
        ChatDistribution.ChatGroup group = acd.group(this.group).orElse(null);
        if (group == null || !chats.staffed(group.id(), hours)) {
            return "在线客服服务时间为每天 " + hours.label() + "，当前暂无客服在线。回复“1”或“我要反映”留言提交诉求，"
                    + "我们会在 1 个工作日内回复您。";
        }
        chats.route(chats.open("WECHAT", user, null, null, group.id()).chatId());
        return "正在为您接入人工客服，请稍候。回复“结束”可结束会话。";
    }

    /** The skill group WeChat chats go to ({@code hotline.chat.wechat-group}); a test may point it elsewhere. */
    public String group() {
        return group;
    }

    public void useGroup(String code) {
        this.group = code;
    }

    /**
     * After the chat ended: the next 1–5 is the follower's rating of it. Runs after the commit of the message that
     * ended the chat, so in a transaction of its own (a write there would otherwise join the finished one).
     */
    void askRating(String user, UUID chatId) {
        newTransaction.executeWithoutResult(s -> WeChatConversation.save(jdbc, user, "RATE:" + chatId, "", clock.instant()));
    }

    private static String piece(String type, Map<String, String> m, String text) {
        return switch (type) {
            case "text" -> text.isBlank() ? "［空消息］" : text;
            case "image" -> "［图片］" + m.getOrDefault("PicUrl", "");
            case "voice" -> "［语音］" + m.getOrDefault("Recognition", "（未识别）");
            case "location" -> "［位置］" + m.getOrDefault("Label", "");
            default -> "［" + type + "］";
        };
    }
}
