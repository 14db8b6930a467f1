package org.openhotline.exchange.internal.flows;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.openhotline.exchange.internal.pipe.Counterpart;
import org.openhotline.exchange.internal.pipe.ExchangeProperties;
import org.openhotline.exchange.internal.pipe.IncomingMessage;
import org.openhotline.exchange.internal.pipe.Outbox;
import org.openhotline.workorder.ExchangeOrders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * An order handed to us (省交办件, a 110 non-emergency matter, a city's order sent up, an appeal submitted on the
 * 一体化政务服务平台): it becomes our order waiting for dispatch, bound by the sender's deadlines, and the sender gets
 * our number as a receipt at once. Whoever sent it, the order's channel is 其他平台转入 ({@code PLATFORM}) and the
 * sender is its source (created by {@code exchange:<code>}, the 【来源】 line of the content, the link): a channel
 * value per platform would touch the intake forms, the channel figures and the web's labels for a fact the order
 * already holds.
 */
@Component
class OrderTransferredIn implements IncomingMessage {

    private final ExchangeOrders orders;
    private final OrderLinks links;
    private final Outbox outbox;
    private final ExchangeProperties properties;
    private final Clock clock;
    private final OrderFeed feed;

    OrderTransferredIn(ExchangeOrders orders, OrderLinks links, Outbox outbox, ExchangeProperties properties, Clock clock,
                       OrderFeed feed) {
        this.orders = orders;
        this.links = links;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        this.feed = feed;
    }

    @Override
    public String type() {
        return "order.transferred";
    }

    @Override
    public void apply(Counterpart from, String orderKey, long seq, JsonNode p) {
        if (links.find(from.code(), orderKey).isPresent()) {
            return;
        }
        String content = p.path("content").asString();
        if (p.hasNonNull("callId")) {
            content = content + "\n【来电记录】" + p.path("callId").asString();
        }
        long id = orders.receive(new ExchangeOrders.Incoming(from.code(), from.name(), text(p, "number"),
                cut(text(p, "title"), 200), cut(content, 4000), text(p, "appealType"), text(p, "urgency"), text(p, "address"),
                text(p, "callerName"), text(p, "callerPhone"), instant(p, "signDueAt"), instant(p, "handleDueAt")));
        Instant now = clock.instant();
        links.add(id, from.code(), orderKey, OrderLinks.Role.HANDLER, text(p, "number"), now);
        feed.reportHandedIn(id, from, now);
        ExchangeOrders.Snapshot ours = orders.snapshot(id);
        outbox.write(properties.self(), from.code(), orderKey, "order.receipt",
                Map.of("receiptNo", ours.number(), "by", properties.selfName()), now);
    }

    static String text(JsonNode p, String field) {
        return p.hasNonNull(field) ? p.get(field).asString() : null;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static Instant instant(JsonNode p, String field) {
        try {
            return p.hasNonNull(field) ? Instant.parse(p.get(field).asString()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
