package org.openhotline.notification.internal.sms;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An operator's SMS gateway. {@link #send} completes with the gateway's ids of the message's parts (a long message
 * is several), under which delivery reports arrive later; it fails when the gateway refused or could not be
 * reached, and the outbox tries again later.
 */
public interface SmsGateway {

    String name();

    CompletableFuture<List<String>> send(String phone, String text);

    /** What gateways hand back: delivery reports and messages citizens send to the hotline number. */
    interface Inbound {

        void report(String msgId, String stat, boolean delivered);

        /**
         * As {@link #report}, answering when the report is stored: a gateway acknowledges it then (CMPP's
         * DELIVER_RESP), and may meanwhile read the next one.
         */
        default java.util.concurrent.CompletableFuture<Void> reportLater(String msgId, String stat, boolean delivered) {
            report(msgId, stat, delivered);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }

        /** {@code key} identifies the message at the gateway, so that a redelivered message is handled once. */
        void received(String from, String to, String text, String key);
    }

    /** A refusal that retrying cannot fix (an invalid number): the outbox gives up at once. */
    class Rejected extends RuntimeException {
        public Rejected(String message) {
            super(message);
        }
    }
}
