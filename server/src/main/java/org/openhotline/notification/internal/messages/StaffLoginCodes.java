package org.openhotline.notification.internal.messages;

import java.util.Map;
import org.openhotline.identity.StaffSmsCodeRequested;
import org.openhotline.notification.internal.outbox.Outbox;
import org.openhotline.notification.internal.outbox.Purpose;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends a staff login's SMS code (the identity module's second factor) through the outbox as a requested code:
 * never opted out nor held back by the per-number limit (identity limits the sending per account). The dedup key
 * makes a redelivered event one SMS.
 */
@Component
class StaffLoginCodes {

    private final Outbox outbox;

    StaffLoginCodes(Outbox outbox) {
        this.outbox = outbox;
    }

    @ApplicationModuleListener
    void on(StaffSmsCodeRequested e) {
        outbox.enqueue("staff-code:" + e.requestId(), Purpose.CODE, e.phone(), "VERIFICATION_CODE",
                Map.of("code", e.code()), null);
    }
}
