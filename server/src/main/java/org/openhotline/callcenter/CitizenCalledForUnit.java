package org.openhotline.callcenter;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/**
 * A handling unit had the platform call the citizen of an order (平台代拨): audited with who, which order and the
 * handler's own phone that was rung; the citizen's number is in the order, not repeated here.
 */
public record CitizenCalledForUnit(long workOrderId, String orderNumber, String handlerPhone) implements AuditableEvent {

    @Override
    public String action() {
        return "callcenter.unit-click-to-call";
    }

    @Override
    public String target() {
        return "work-order:" + orderNumber;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("handlerPhone", handlerPhone, "workOrderId", workOrderId);
    }
}
