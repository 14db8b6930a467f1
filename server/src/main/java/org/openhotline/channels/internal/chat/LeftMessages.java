package org.openhotline.channels.internal.chat;

import java.time.Clock;
import java.time.Duration;
import org.openhotline.channels.internal.portal.RateLimits;
import org.openhotline.channels.internal.portal.Receipts;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.PortalOrders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A message left while the chat is not staffed (留言): an online order (channel 在线客服) through the channels' intake,
 * so it runs on the 1-working-day response clock of online orders, with a receipt the citizen follows on the portal.
 */
@Service
class LeftMessages {

    record Left(String number, String queryCode) {}

    private final PortalOrders orders;
    private final Receipts receipts;
    private final RateLimits limits;
    private final Clock clock;

    LeftMessages(PortalOrders orders, Receipts receipts, RateLimits limits, Clock clock) {
        this.orders = orders;
        this.receipts = receipts;
        this.limits = limits;
        this.clock = clock;
    }

    @Transactional
    Left leave(String name, String phone, String text, String clientAddress, String clientId) {
        if (text == null || text.strip().length() < 5 || text.strip().length() > 2000) {
            throw DomainException.invalid("留言内容请填写 5–2000 个字");
        }
        if (phone == null || !phone.strip().matches("^1[3-9][0-9]{9}$")) {
            throw DomainException.invalid("请填写正确的 11 位手机号，以便回复您");
        }
        if (clientId != null) {
            var earlier = receipts.replay("CHAT", "chat-leave:" + clientId);
            if (earlier.isPresent()) {
                return new Left(orders.byId(earlier.get().orderId()).orElseThrow().number(), earlier.get().queryCode());
            }
        }
        limits.hit("chat-leave:" + clientAddress, 10, Duration.ofHours(1), "留言过于频繁，请稍后再试");
        String who = Chats.clip(name, 30);
        String key = clientId == null ? null : "chat-leave:" + clientId;
        PortalOrders.Submitted order = orders.submit(new PortalOrders.CitizenAppeal("CHAT", "CONSULTATION", null, null,
                null, "在线客服留言", text.strip(), who == null ? "网友" : who, phone.strip(), false), key);
        if (order.replayed()) { // the same message sent again after a reconnect: the first receipt
            return receipts.replay("CHAT", key).map(r -> new Left(order.number(), r.queryCode()))
                    .orElseThrow(() -> DomainException.conflict("该留言已提交（工单编号 " + order.number() + "）"));
        }
        String code = receipts.issue(order.id(), "CHAT", false, clientAddress, clock.instant(), key);
        return new Left(order.number(), code);
    }
}
