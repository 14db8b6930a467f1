package org.openhotline.exchange.internal.flows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.calendar.LimitUnit;
import org.openhotline.calendar.TimeLimit;
import org.openhotline.exchange.internal.pipe.Counterpart;
import org.openhotline.exchange.internal.pipe.Counterparts;
import org.openhotline.exchange.internal.pipe.ExchangeProperties;
import org.openhotline.exchange.internal.pipe.Outbox;
import org.openhotline.workorder.ExchangeOrders;
import org.openhotline.workorder.WorkOrderEvents.*;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns our orders' steps into outgoing messages, synchronously inside the step's transaction (ADR 015): a message
 * exists exactly when its step committed, and its sequence number follows the order's commit order.
 * <ul>
 * <li>a forward to another platform → {@code order.transferred} to that counterpart (with the province's deadlines
 * when the province hands an order down to a city);</li>
 * <li>steps of an order a counterpart handed us → {@code order.step}, the accepted reply → {@code order.replied}; a
 * unit's return or extension request on an order the province handed us → {@code order.request} (the province
 * decides it, {@link CrossRequests});</li>
 * <li>the callback of an order we handed over → {@code order.callback};</li>
 * <li>on a city, every order and step → 上报 to the province ({@code order.reported}, {@code order.step});</li>
 * <li>every callback verdict → {@code evaluation} to the 好差评 platform, except to an {@code EVALUATION} counterpart
 * that handed us the order (an appeal from the 一体化 platform), which hears it on the callback step under its key.</li>
 * </ul>
 */
@Component
class OrderFeed {

    private final Counterparts counterparts;
    private final OrderLinks links;
    private final Outbox outbox;
    private final ExchangeOrders orders;
    private final ExchangeProperties properties;
    private final BusinessCalendar calendar;
    private final CrossRequests crossRequests;
    private final boolean reportAll;

    OrderFeed(Counterparts counterparts, OrderLinks links, Outbox outbox, ExchangeOrders orders,
              ExchangeProperties properties, BusinessCalendar calendar, CrossRequests crossRequests,
              @org.springframework.beans.factory.annotation.Value("${hotline.exchange.report-all:true}") boolean reportAll) {
        this.counterparts = counterparts;
        this.links = links;
        this.outbox = outbox;
        this.orders = orders;
        this.properties = properties;
        this.calendar = calendar;
        this.crossRequests = crossRequests;
        this.reportAll = reportAll;
    }

    @EventListener
    void on(WorkOrderEvent event) {
        if (counterparts.none() || event instanceof WorkOrderLightChanged) {
            return;
        }
        long id = event.workOrderId();
        Instant at = event.at();
        List<OrderLinks.Link> linked = links.ofOrder(id);
        ExchangeOrders.Snapshot order = null;
        if (event instanceof WorkOrderForwarded f) {
            Counterpart to = counterparts.forPlatform(f.platform()).orElse(null);
            if (to != null) {
                order = orders.snapshot(id);
                String key = properties.self() + ":" + order.number();
                outbox.write(properties.self(), to.code(), key, "order.transferred", transferred(order, to, at), at);
                links.add(id, to.code(), key, OrderLinks.Role.ORIGIN, null, at);
            }
        }
        for (OrderLinks.Link link : linked) {
            if (link.role() == OrderLinks.Role.HANDLER) {
                order = order == null ? orders.snapshot(id) : order;
                outbox.write(properties.self(), link.counterpart(), link.orderKey(), "order.step", step(event, order), at);
                if (event instanceof ReplyReviewed r && r.accepted() || event instanceof WorkOrderRepliedDirectly) {
                    outbox.write(properties.self(), link.counterpart(), link.orderKey(), "order.replied",
                            Map.of("reply", order.reply() == null ? "（无答复内容）" : order.reply(), "by", properties.selfName()), at);
                }
                if (event instanceof ReturnRequested || event instanceof ExtensionRequested) {
                    crossRequests.asked(event, link.counterpart(), link.orderKey(), at);
                }
            } else if (event instanceof CallbackRecorded c) {
                outbox.write(properties.self(), link.counterpart(), link.orderKey(), "order.callback",
                        Map.of("resolved", c.resolved(), "satisfaction", c.satisfaction()), at);
            }
        }
        if (reportAll && properties.role() == ExchangeProperties.Role.CITY) {
            for (Counterpart province : counterparts.enabled(Counterpart.Kind.PROVINCE)) {
                if (linked.stream().anyMatch(l -> l.counterpart().equals(province.code()) && l.role() == OrderLinks.Role.HANDLER)) {
                    continue; // its steps go to the province already, under the province's key
                }
                if (event instanceof WorkOrderCreated c && "PLATFORM".equals(c.channel())) {
                    continue; // handed us by another platform: reported once its sender is known (reportHandedIn)
                }
                order = order == null ? orders.snapshot(id) : order;
                String key = properties.self() + ":" + order.number();
                if (event instanceof WorkOrderCreated) {
                    outbox.write(properties.self(), province.code(), key, "order.reported", reported(order), at);
                } else {
                    outbox.write(properties.self(), province.code(), key, "order.step", step(event, order), at);
                }
            }
        }
        if (event instanceof CallbackRecorded c) {
            for (Counterpart evaluation : counterparts.enabled(Counterpart.Kind.EVALUATION)) {
                if (linked.stream().anyMatch(l -> l.counterpart().equals(evaluation.code()) && l.role() == OrderLinks.Role.HANDLER)) {
                    // An appeal the 一体化 platform handed us: the verdict already went back under its own key (the
                    // callback step above carries the grade), and is mostly its own; pushed again as an evaluation
                    // of our number it would count twice in its 好差评.
                    continue;
                }
                order = order == null ? orders.snapshot(id) : order;
                String key = properties.self() + ":" + order.number();
                links.add(id, evaluation.code(), key, OrderLinks.Role.ORIGIN, null, at);
                outbox.write(properties.self(), evaluation.code(), key, "evaluation", Map.of("number", order.number(),
                        "title", order.title(), "grade", Grades.of(c.satisfaction()), "gradeLabel",
                        Grades.label(Grades.of(c.satisfaction())), "resolved", c.resolved()), at);
            }
        }
    }

    /**
     * 上报 of an order another platform handed us, once its sender is linked (the creation event above cannot tell who
     * sent it). A 12345 platform's order reaches the province from that platform (or is the province's own); an order
     * from 110 or an appeal from the 一体化 platform is known to the province only through us, so it is reported like
     * an order taken here, and its later steps follow under the same key.
     */
    void reportHandedIn(long id, Counterpart from, Instant at) {
        if (!reportAll || properties.role() != ExchangeProperties.Role.CITY
                || from.kind() == Counterpart.Kind.PROVINCE || from.kind() == Counterpart.Kind.CITY) {
            return;
        }
        ExchangeOrders.Snapshot order = null;
        for (Counterpart province : counterparts.enabled(Counterpart.Kind.PROVINCE)) {
            order = order == null ? orders.snapshot(id) : order;
            outbox.write(properties.self(), province.code(), properties.self() + ":" + order.number(), "order.reported",
                    reported(order), at);
        }
    }

    private Map<String, Object> transferred(ExchangeOrders.Snapshot o, Counterpart to, Instant at) {
        Map<String, Object> p = reported(o);
        p.put("content", o.content());
        put(p, "address", o.address());
        put(p, "callerName", o.callerName());
        put(p, "callerPhone", o.callerPhone());
        put(p, "callId", o.callId());
        p.put("from", properties.selfName());
        if (properties.role() == ExchangeProperties.Role.PROVINCE && to.kind() == Counterpart.Kind.CITY) {
            // 省交办件: signed within 30 minutes, handled within 5 working days, by the province's calendar.
            p.put("signDueAt", at.plus(java.time.Duration.ofMinutes(30)).toString());
            p.put("handleDueAt", calendar.dueAt(at, TimeLimit.of(5, LimitUnit.WORKING_DAYS)).toString());
        }
        return p;
    }

    private static Map<String, Object> reported(ExchangeOrders.Snapshot o) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("number", o.number());
        p.put("title", o.title());
        p.put("state", o.state());
        p.put("stateLabel", o.stateLabel());
        p.put("channel", o.channel());
        p.put("appealType", o.appealType());
        p.put("urgency", o.urgency());
        return p;
    }

    private static Map<String, Object> step(WorkOrderEvent e, ExchangeOrders.Snapshot o) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("action", e.getClass().getSimpleName());
        p.put("note", StepNames.of(e));
        p.put("state", o.state());
        p.put("stateLabel", o.stateLabel());
        if (e instanceof CallbackRecorded c) {
            // The sender of the order hears the citizen's verdict whoever took it (its own order.callback or our agent).
            p.put("resolved", c.resolved());
            p.put("satisfaction", c.satisfaction());
            p.put("grade", Grades.of(c.satisfaction()));
            p.put("gradeLabel", Grades.label(Grades.of(c.satisfaction())));
        }
        return p;
    }

    private static void put(Map<String, Object> p, String k, Object v) {
        if (v != null) {
            p.put(k, v);
        }
    }
}
