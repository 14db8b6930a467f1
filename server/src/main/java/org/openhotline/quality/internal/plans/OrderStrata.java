package org.openhotline.quality.internal.plans;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openhotline.workorder.OrdersForInspection.RecordedOrder;

/**
 * Which strata each order an agent recorded in a month belongs to (工单质检): a complaint, a dispatch that was returned
 * (the dispatch may have been wrong: 一次派单准确率), a dissatisfied callback, a caller who called twice or more.
 * Orders recorded by anyone but an agent (the portal, WeChat, a dispatcher) are not sampled. A candidate's key is the
 * order id, zero-padded so the draw's order is the ids' order.
 */
final class OrderStrata {

    private OrderStrata() {}

    static String key(long orderId) {
        return "%019d".formatted(orderId);
    }

    static List<Sampling.Candidate> of(Collection<RecordedOrder> orders, Map<String, Long> agentsByUsername) {
        Map<String, Long> perCaller = orders.stream().filter(o -> o.callerPhone() != null && !o.callerPhone().isBlank())
                .collect(Collectors.groupingBy(RecordedOrder::callerPhone, Collectors.counting()));
        return orders.stream().filter(o -> agentsByUsername.containsKey(o.createdBy())).map(o -> {
            Set<Stratum> s = EnumSet.noneOf(Stratum.class);
            if ("COMPLAINT".equals(o.appealType())) {
                s.add(Stratum.COMPLAINT);
            }
            if (o.returned()) {
                s.add(Stratum.RETURNED);
            }
            if (o.dissatisfied()) {
                s.add(Stratum.DISSATISFIED);
            }
            if (o.callerPhone() != null && perCaller.getOrDefault(o.callerPhone(), 0L) >= 2) {
                s.add(Stratum.REPEAT_CALLER);
            }
            return new Sampling.Candidate(key(o.id()), agentsByUsername.get(o.createdBy()), s);
        }).toList();
    }
}
