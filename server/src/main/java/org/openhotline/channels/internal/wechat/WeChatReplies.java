package org.openhotline.channels.internal.wechat;

import org.openhotline.workorder.SmsCallbacks;
import org.openhotline.workorder.WorkOrderEvents.ReplyReviewed;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderRepliedDirectly;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a follower through the customer-service API when the order they filed in WeChat has its reply. A failure
 * (WeChat unreachable) leaves the event incomplete, so it is sent again on the next start.
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
        String openId = jdbc.sql("select open_id from ch_wechat_order where work_order_id = ?").param(orderId)
                .query(String.class).optional().orElse(null);
        if (openId == null) {
            return;
        }
        orders.progress(orders.contact(orderId).orElseThrow().number()).ifPresent(p -> api.sendText(openId,
                "您反映的问题（工单号" + p.number() + "）已有答复：" + (p.publicReply() == null ? "请回复“查询" + p.number()
                        + "”查看" : p.publicReply())));
    }
}
