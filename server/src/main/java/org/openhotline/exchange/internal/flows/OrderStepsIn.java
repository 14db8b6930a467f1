package org.openhotline.exchange.internal.flows;

import java.time.Clock;
import java.time.ZoneOffset;
import org.openhotline.exchange.internal.pipe.Counterpart;
import org.openhotline.exchange.internal.pipe.IncomingMessage;
import org.openhotline.workorder.ExchangeOrders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Steps from the other side: on an order linked with ours they go on our timeline; otherwise they are a city's
 * 上报 and update the province's copy ({@code ex_reported_order}), newest sequence wins.
 */
final class OrderStepsIn {

    private OrderStepsIn() {}

    @Component
    static class Step implements IncomingMessage {
        private final ExchangeOrders orders;
        private final OrderLinks links;
        private final Reported reported;

        Step(ExchangeOrders orders, OrderLinks links, Reported reported) {
            this.orders = orders;
            this.links = links;
            this.reported = reported;
        }

        @Override
        public String type() {
            return "order.step";
        }

        @Override
        public void apply(Counterpart from, String orderKey, long seq, JsonNode p) {
            var link = links.find(from.code(), orderKey);
            if (link.isPresent()) {
                orders.remoteStep(link.get().workOrderId(), from.name(), "step",
                        from.name() + "：" + p.path("note").asString(p.path("action").asString()));
            } else {
                reported.upsert(from, orderKey, seq, p, p.path("note").asString(p.path("action").asString()));
            }
        }
    }

    @Component
    static class Reported implements IncomingMessage {
        private final JdbcClient jdbc;
        private final Clock clock;

        Reported(JdbcClient jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        @Override
        public String type() {
            return "order.reported";
        }

        @Override
        public void apply(Counterpart from, String orderKey, long seq, JsonNode p) {
            upsert(from, orderKey, seq, p, "上报");
        }

        void upsert(Counterpart from, String orderKey, long seq, JsonNode p, String step) {
            jdbc.sql("""
                    insert into ex_reported_order (counterpart, order_key, number, title, state, last_step, last_seq, updated_at)
                    values (:c, :k, :number, :title, :state, :step, :seq, :now)
                    on conflict (counterpart, order_key) do update
                       set number = coalesce(excluded.number, ex_reported_order.number),
                           title = coalesce(excluded.title, ex_reported_order.title),
                           state = excluded.state, last_step = excluded.last_step, last_seq = excluded.last_seq,
                           updated_at = excluded.updated_at
                     where ex_reported_order.last_seq < excluded.last_seq""")
                    .param("c", from.code()).param("k", orderKey)
                    .param("number", p.hasNonNull("number") ? p.get("number").asString() : null)
                    .param("title", p.hasNonNull("title") ? p.get("title").asString() : null)
                    .param("state", p.path("state").asString()).param("step", step).param("seq", seq)
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        }
    }
}
