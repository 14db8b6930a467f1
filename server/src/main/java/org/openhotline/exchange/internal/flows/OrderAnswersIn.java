package org.openhotline.exchange.internal.flows;

import org.openhotline.exchange.internal.pipe.Counterpart;
import org.openhotline.exchange.internal.pipe.IncomingMessage;
import org.openhotline.workorder.ExchangeOrders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The answers to orders we handed over: the receipt and the reply (our order then waits for our callback). */
final class OrderAnswersIn {

    private OrderAnswersIn() {}

    @Component
    static class Receipt implements IncomingMessage {
        private final ExchangeOrders orders;
        private final OrderLinks links;

        Receipt(ExchangeOrders orders, OrderLinks links) {
            this.orders = orders;
            this.links = links;
        }

        @Override
        public String type() {
            return "order.receipt";
        }

        @Override
        public void apply(Counterpart from, String orderKey, long seq, JsonNode p) {
            links.find(from.code(), orderKey).filter(l -> l.role() == OrderLinks.Role.ORIGIN).ifPresent(l -> {
                String receipt = p.path("receiptNo").asString();
                links.remoteRef(from.code(), orderKey, receipt);
                orders.remoteStep(l.workOrderId(), from.name(), "receipt", from.name() + "已接收，回执编号 " + receipt);
            });
        }
    }

    @Component
    static class Replied implements IncomingMessage {
        private final ExchangeOrders orders;
        private final OrderLinks links;

        Replied(ExchangeOrders orders, OrderLinks links) {
            this.orders = orders;
            this.links = links;
        }

        @Override
        public String type() {
            return "order.replied";
        }

        @Override
        public void apply(Counterpart from, String orderKey, long seq, JsonNode p) {
            links.find(from.code(), orderKey).filter(l -> l.role() == OrderLinks.Role.ORIGIN).ifPresent(l ->
                    orders.remoteReply(l.workOrderId(), from.name(), p.path("reply").asString()));
        }
    }

    /** The sender's callback on an order it handed us closes (or reopens) ours the way our own callback would. */
    @Component
    static class Callback implements IncomingMessage {
        private final ExchangeOrders orders;
        private final OrderLinks links;

        Callback(ExchangeOrders orders, OrderLinks links) {
            this.orders = orders;
            this.links = links;
        }

        @Override
        public String type() {
            return "order.callback";
        }

        @Override
        public void apply(Counterpart from, String orderKey, long seq, JsonNode p) {
            links.find(from.code(), orderKey).filter(l -> l.role() == OrderLinks.Role.HANDLER).ifPresent(l ->
                    orders.remoteCallback(l.workOrderId(), from.name(), p.path("resolved").asBoolean(),
                            p.path("satisfaction").asString()));
        }
    }
}
