package org.openhotline.channels.internal.chat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.openhotline.channels.internal.portal.Receipts;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.shared.crypto.PersonalData;
import org.openhotline.workorder.PortalOrders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chat → order (转工单): the agent's intake form, prefilled from the chat, goes through the channels' intake (channel
 * 在线客服, the same validation and idempotency — one order per chat); the transcript so far is attached to the order
 * as a text file, and the citizen gets the order number and query code in the chat.
 */
@Service
class ChatOrders {

    record Form(String appealType, Long categoryId, Long regionId, String address, String title, String content,
                String name, String phone) {}

    record Created(long orderId, String number) {}

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ChatRecords records;
    private final ChatMessages messages;
    private final PortalOrders orders;
    private final Receipts receipts;
    private final Chats chats;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ChatOrders(ChatRecords records, ChatMessages messages, PortalOrders orders, Receipts receipts, Chats chats,
               TransactionTemplate tx, Clock clock, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.records = records;
        this.messages = messages;
        this.orders = orders;
        this.receipts = receipts;
        this.chats = chats;
        this.tx = tx;
        this.clock = clock;
    }

    Created create(UUID chatId, StaffPrincipal me, Form f) {
        Chat chat = records.get(chatId);
        chat.requireHeldBy(me.accountId());
        if (chat.orderId() != null) {
            throw DomainException.conflict("该会话已转为工单");
        }
        String[] code = new String[1];
        Created created = tx.execute(s -> {
            records.lock(chatId);
            PortalOrders.Submitted order = orders.submit(new PortalOrders.CitizenAppeal("CHAT", f.appealType(),
                    f.categoryId(), f.regionId(), f.address(), f.title(), f.content(), f.name(), f.phone(),
                    f.name() == null || f.name().isBlank()), "chat:" + chatId);
            orders.attach(order.id(), "在线客服会话记录.txt", transcript(chat).getBytes(StandardCharsets.UTF_8), "CHAT");
            records.ordered(chatId, order.id());
            if (chat.wechatOpenid() != null) { // the follower hears of the order in WeChat like one filed there
                jdbc.sql("insert into ch_wechat_order (work_order_id, open_id, created_at) values (?, ?, ?) on conflict do nothing")
                        .params(order.id(), PersonalData.seal(chat.wechatOpenid()), java.sql.Timestamp.from(clock.instant())).update();
            }
            code[0] = receipts.issue(order.id(), "CHAT", false, null, clock.instant());
            return new Created(order.id(), order.number());
        });
        chats.systemSays(chatId, "已为您登记工单，编号 " + created.number() + "，查询码 " + code[0]
                + "，可在 12345 网站「办理进度」查询。");
        return created;
    }

    private String transcript(Chat chat) {
        ZoneId zone = clock.getZone();
        StringBuilder b = new StringBuilder("在线客服会话记录 ").append(chat.id()).append('\n');
        for (ChatMessage m : messages.after(chat.id(), 0)) {
            String who = switch (m.sender()) {
                case "CITIZEN" -> "群众";
                case "AGENT" -> "客服 " + (m.author() == null ? "" : m.author());
                case "LEADER" -> ChatMessage.leader(m.author());
                default -> "系统";
            };
            b.append('[').append(TIME.format(m.at().atZone(zone))).append("] ").append(who).append("：").append(m.text()).append('\n');
        }
        return b.toString();
    }
}
