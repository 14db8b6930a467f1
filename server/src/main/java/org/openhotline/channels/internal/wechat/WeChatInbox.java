package org.openhotline.channels.internal.wechat;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.openhotline.channels.internal.chat.OpenIds;
import org.openhotline.shared.crypto.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each message WeChat pushes is handled once: WeChat retries a message it got no answer to within 5 seconds (three
 * times), and the retry must get the first reply, not a second appeal. Messages are keyed by MsgId, events by
 * sender + CreateTime + event (WeChat's own advice for de-duplication; the sender as its openid's index). The
 * sender's openid is sealed at rest (ADR 041, {@link SealedWeChatColumns}).
 */
@Component
class WeChatInbox {

    private final JdbcClient jdbc;
    private final WeChatConversation conversation;
    private final Clock clock;

    WeChatInbox(JdbcClient jdbc, WeChatConversation conversation, Clock clock) {
        this.jdbc = jdbc;
        this.conversation = conversation;
        this.clock = clock;
    }

    /** The text to reply, or null for none. */
    @Transactional
    String handle(Map<String, String> m) {
        String user = m.getOrDefault("FromUserName", "");
        String key = m.containsKey("MsgId") ? "msg:" + m.get("MsgId")
                : "event:" + sender(user) + ":" + m.getOrDefault("CreateTime", "") + ":" + m.getOrDefault("Event", "");
        int fresh = jdbc.sql("""
                insert into ch_wechat_message (msg_key, open_id, msg_type, received_at) values (?, ?, ?, ?)
                on conflict (msg_key) do nothing""")
                .params(key, PersonalData.seal(user), m.getOrDefault("MsgType", ""), Timestamp.from(clock.instant())).update();
        if (fresh == 0) {
            // a retry: the first attempt's transaction committed its reply (or is still running: answer nothing now)
            return jdbc.sql("select reply from ch_wechat_message where msg_key = ?").param(key).query(String.class)
                    .optional().orElse(null);
        }
        String reply = conversation.answer(m, key);
        jdbc.sql("update ch_wechat_message set reply = ? where msg_key = ?").params(reply, key).update();
        return reply;
    }

    /** The sender in an event's key: the openid's index, hex (the key is stored in plain text, the openid is not). */
    private static String sender(String user) {
        byte[] index = OpenIds.index(user);
        return index == null ? "" : java.util.HexFormat.of().formatHex(index);
    }
}
