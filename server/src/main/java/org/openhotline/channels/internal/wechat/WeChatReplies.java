package org.openhotline.channels.internal.wechat;

import org.openhotline.shared.crypto.PersonalData;
import org.openhotline.workorder.SmsCallbacks;
import org.openhotline.workorder.WorkOrderEvents.ReplyReviewed;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderRepliedDirectly;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a follower when the order they filed in WeChat (or that an agent made from their WeChat chat) is accepted and
 * when it has its reply: by template message (模板消息) when the account has the template configured — it reaches the
 * follower whenever it comes — otherwise through the customer-service API. A failure (WeChat unreachable) leaves the
 * event incomplete in the event registry, so it is sent again on the next start: the registry is the outbox.
 */
@Component
class WeChatReplies {

    private final JdbcClient jdbc;
    private final SmsCallbacks orders;
    private final WeChatApi api;
    private final WeChatProperties properties;

    WeChatReplies(JdbcClient jdbc, SmsCallbacks orders, WeChatApi api, WeChatProperties properties) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.api = api;
        this.properties = properties;
    }

    /**
     * 受理通知: only by template (the passive reply already told the follower in the conversation itself). Only an
     * order filed in WeChat or made from a chat (one that came from WeChat) can have a follower: the condition, checked
     * when the event is published, spares every other order the publication row, its three statements and two commits
     * (issue 14).
     */
    @ApplicationModuleListener(condition = "#e.channel() == 'WECHAT' or #e.channel() == 'CHAT'")
    void on(org.openhotline.workorder.WorkOrderEvents.WorkOrderCreated e) {
        if (!properties.configured() || properties.templateAccepted().isBlank()) {
            return;
        }
        String openId = follower(e.workOrderId());
        if (openId == null) {
            return;
        }
        orders.progress(e.number()).ifPresent(p -> api.sendTemplate(openId, properties.templateAccepted(),
                java.util.Map.of("first", "您反映的问题已受理", "keyword1", p.number(), "keyword2", p.title(),
                        "keyword3", p.stateLabel(), "remark", "可回复“查询" + p.number() + "”查看办理进度。")));
    }

    private String follower(long orderId) {
        return jdbc.sql("select open_id from ch_wechat_order where work_order_id = ?").param(orderId)
                .query(String.class).optional().map(PersonalData::open).orElse(null);
    }

    @ApplicationModuleListener
    void on(ReplyReviewed e) {
        if (e.accepted()) {
            replied(e.workOrderId());
        }
    }

    @ApplicationModuleListener
    void on(WorkOrderRepliedDirectly e) {
        replied(e.workOrderId());
    }

    private void replied(long orderId) {
        if (!properties.configured()) {
            return;
        }
        String openId = follower(orderId);
        if (openId == null) {
            return;
        }
        if (!properties.templateReplied().isBlank()) {
            orders.progress(orders.contact(orderId).orElseThrow().number()).ifPresent(p -> api.sendTemplate(openId,
                    properties.templateReplied(), java.util.Map.of("first", "您反映的问题已有答复", "keyword1", p.number(),
                            "keyword2", p.publicReply() == null ? "请回复“查询" + p.number() + "”查看" : p.publicReply(),
                            "remark", "感谢您对 12345 热线的支持。")));
            return;
        }
        orders.progress(orders.contact(orderId).orElseThrow().number()).ifPresent(p -> api.sendText(openId,
                "您反映的问题（工单号" + p.number() + "）已有答复：" + (p.publicReply() == null ? "请回复“查询" + p.number()
                        + "”查看" : p.publicReply())));
    }
}
