package org.openhotline.channels.internal.wechat;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openhotline.channels.internal.chat.OpenIds;
import org.openhotline.shared.crypto.PersonalData;
import org.openhotline.workorder.SmsCallbacks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The conversation with one follower (openid), guided by the menu (click keys APPEAL, QUERY) or keywords: "我要反映"
 * (or 1) asks for the matter, then for a phone number (or 匿名), then files the appeal; "查询 + 工单号" answers the
 * order's public progress. Pictures, voice (WeChat's recognition text) and locations sent while describing the
 * matter are added to it. "取消" starts over. The step is kept per follower in {@code ch_wechat_session}.
 */
@Component
class WeChatConversation {

    static final String WELCOME = "欢迎关注12345政务服务便民热线！\n回复“1”或“我要反映”提交诉求；\n回复“查询+工单号”查询办理进度；\n回复“人工”咨询在线客服。";
    private static final Pattern QUERY = Pattern.compile("^(?:查询|查|2)?\\s*(\\d{14})$");
    private static final Pattern PHONE = Pattern.compile("^1\\d{10}$");
    static final int MAX_DRAFT = 2000;

    private final JdbcClient jdbc;
    private final SmsCallbacks orders;
    private final Clock clock;
    private final WeChatChat chat;

    WeChatConversation(JdbcClient jdbc, SmsCallbacks orders, Clock clock, WeChatChat chat) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.clock = clock;
        this.chat = chat;
    }

    /** The reply to one message (already known to be new); {@code key} identifies it for idempotent intake. */
    String answer(Map<String, String> m, String key) {
        String user = m.getOrDefault("FromUserName", "");
        String type = m.getOrDefault("MsgType", "");
        // an open online chat takes every message; "人工" asks for one (WeChatChat)
        var toChat = chat.handle(user, type, m, m.getOrDefault("Content", "").strip(), key, step(user));
        if (toChat.isPresent()) {
            return toChat.get().reply();
        }
        if (type.equals("event")) {
            String event = m.getOrDefault("Event", "");
            String eventKey = m.getOrDefault("EventKey", "");
            if (event.equals("subscribe")) {
                return WELCOME;
            }
            if (event.equals("CLICK") && eventKey.equals("APPEAL")) {
                return startAppeal(user);
            }
            if (event.equals("CLICK") && eventKey.equals("QUERY")) {
                return "请回复“查询+工单号”，例如：查询20261204000123";
            }
            return null; // unsubscribe, VIEW and others need no answer
        }
        String step = step(user);
        String text = m.getOrDefault("Content", "").strip();
        if (type.equals("text") && text.equals("取消")) {
            reset(user);
            return "已取消。" + WELCOME;
        }
        if (type.equals("text")) {
            Matcher q = QUERY.matcher(text);
            if (q.matches()) {
                return progress(q.group(1));
            }
        }
        return switch (step) {
            case "CONTENT" -> addToDraft(user, type, m, text, true);
            case "PHONE" -> type.equals("text") ? finish(user, text, key) : addToDraft(user, type, m, text, false);
            default -> type.equals("text") && (text.equals("1") || text.contains("反映") || text.contains("投诉"))
                    ? startAppeal(user) : WELCOME;
        };
    }

    private String startAppeal(String user) {
        save(user, "CONTENT", "");
        return "请描述您要反映的问题（时间、地点、经过），可以发送文字、图片、语音或位置。描述完后回复“好了”。";
    }

    private String addToDraft(String user, String type, Map<String, String> m, String text, boolean describing) {
        String piece = switch (type) {
            case "text" -> describing && text.equals("好了") ? null : text;
            case "image" -> "［图片］" + m.getOrDefault("PicUrl", "");
            case "voice" -> "［语音］" + m.getOrDefault("Recognition", "（未识别）");
            case "location" -> "［位置］" + m.getOrDefault("Label", "") + "（" + m.getOrDefault("Location_X", "") + ","
                    + m.getOrDefault("Location_Y", "") + "）";
            default -> "［" + type + "］";
        };
        String draft = draft(user);
        if (piece == null) {
            if (draft.isBlank()) {
                return "还没有收到您的问题描述，请先描述问题。";
            }
            save(user, "PHONE", draft);
            return "请留下您的手机号码，以便告知办理结果和回访（不愿留下请回复“匿名”）。";
        }
        String next = draft.isEmpty() ? piece : draft + "\n" + piece;
        if (next.length() > MAX_DRAFT) {
            return "问题描述最长" + MAX_DRAFT + "个字，请回复“好了”提交已有内容，或回复“取消”重新开始。";
        }
        save(user, describing ? "CONTENT" : "PHONE", next);
        return describing ? "已记录。可以继续补充，描述完后回复“好了”。" : "已补充。请留下手机号码或回复“匿名”。";
    }

    private String finish(String user, String text, String key) {
        String phone = text.replaceAll("[\\s-]", "");
        boolean anonymous = text.equals("匿名");
        if (!anonymous && !PHONE.matcher(phone).matches()) {
            return "手机号码格式不正确，请输入11位手机号码，或回复“匿名”。";
        }
        var order = orders.createAppeal("WECHAT", anonymous ? null : phone, null, draft(user), "wechat:" + key);
        jdbc.sql("insert into ch_wechat_order (work_order_id, open_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(order.id(), PersonalData.seal(user), Timestamp.from(clock.instant())).update();
        reset(user);
        return "您的诉求已受理，工单号：" + order.number() + "。办理结果将通过本公众号告知您，也可回复“查询" + order.number()
                + "”查看进度。";
    }

    private String progress(String number) {
        return orders.progress(number).map(p -> "工单" + p.number() + "：" + p.title() + "\n状态：" + p.stateLabel()
                        + (p.publicReply() == null ? "" : "\n答复：" + p.publicReply()))
                .orElse("未找到工单" + number + "，请核对工单号。");
    }

    private String step(String user) {
        return jdbc.sql("select step from ch_wechat_session where " + BY_FOLLOWER).params(OpenIds.index(user), user).query(String.class)
                .optional().orElse("IDLE");
    }

    private String draft(String user) {
        return jdbc.sql("select draft from ch_wechat_session where " + BY_FOLLOWER).params(OpenIds.index(user), user).query(String.class)
                .optional().orElse("");
    }

    /**
     * A follower's session: by the openid's index, or (only until Resealing has passed it after the upgrade that sealed
     * openids) a row still holding the plain openid — a ciphertext never equals an openid. Both columns are indexed.
     */
    private static final String BY_FOLLOWER = "(open_id_index = ? or open_id = ?)";

    private void save(String user, String step, String draft) {
        save(jdbc, user, step, draft, clock.instant());
    }

    /**
     * The follower's step and draft, found by the openid's index (ADR 041). A row from before the openid was sealed is
     * replaced, not kept beside: Resealing would otherwise give it the same index as this one and fail on the unique
     * index.
     */
    static void save(JdbcClient jdbc, String user, String step, String draft, java.time.Instant at) {
        jdbc.sql("delete from ch_wechat_session where open_id = ?").param(user).update();
        jdbc.sql("""
                insert into ch_wechat_session (open_id, open_id_index, step, draft, updated_at) values (?, ?, ?, ?, ?)
                on conflict (open_id_index) do update set step = excluded.step, draft = excluded.draft, updated_at = excluded.updated_at""")
                .params(PersonalData.seal(user), OpenIds.index(user), step, draft, Timestamp.from(at)).update();
    }

    private void reset(String user) {
        reset(jdbc, user);
    }

    static void reset(JdbcClient jdbc, String user) {
        jdbc.sql("delete from ch_wechat_session where " + BY_FOLLOWER).params(OpenIds.index(user), user).update();
    }
}
