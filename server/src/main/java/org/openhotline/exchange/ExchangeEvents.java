package org.openhotline.exchange;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/** What an operator did to the pipe, for the audit trail (published in the transaction of the change). */
public final class ExchangeEvents {

    private ExchangeEvents() {}

    /** A dead letter ({@code direction} OUT: outbox, IN: inbox) was sent / applied again or given up. */
    public record DeadLetterHandled(String direction, long messageRow, String messageId, String counterpart,
                                    boolean retried, String reason) implements AuditableEvent {
        @Override
        public String action() {
            return retried ? "exchange.dead-letter-retried" : "exchange.dead-letter-discarded";
        }

        @Override
        public String target() {
            return "exchange-message:" + counterpart + "/" + messageId;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("direction", direction, "row", messageRow, "reason", reason == null ? "" : reason);
        }
    }

    /** A counterpart's address, key or algorithm changed (the key itself is never written anywhere else). */
    public record CounterpartChanged(String code, String baseUrl, String algorithm, boolean enabled, boolean keyChanged)
            implements AuditableEvent {
        @Override
        public String action() {
            return "exchange.counterpart-changed";
        }

        @Override
        public String target() {
            return "exchange-counterpart:" + code;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("baseUrl", baseUrl == null ? "" : baseUrl, "algorithm", algorithm, "enabled", enabled,
                    "keyChanged", keyChanged);
        }
    }
}
