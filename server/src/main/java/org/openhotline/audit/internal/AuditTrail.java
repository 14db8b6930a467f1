package org.openhotline.audit.internal;

import java.time.Clock;
import org.openhotline.shared.AuditableEvent;
import org.openhotline.shared.Callers;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.event.EventListener;
import org.openhotline.audit.internal.chain.AuditChain;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one audit row per auditable event. A plain (synchronous) listener on purpose: the row joins the
 * transaction of the action, so there is never an action without its record nor a record of an action that
 * rolled back. Each row is chained to the one before with HMAC-SM3 ({@link AuditChain}).
 */
@Component
class AuditTrail {

    private final AuditChain chain;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(AuditChain chain, JsonMapper json, Clock clock) {
        this.chain = chain;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(AuditableEvent event) {
        String actor = event.actor() != null ? event.actor()
                : Callers.current().map(StaffPrincipal::username).orElse("system");
        chain.append(new AuditChain.Entry(clock.instant(), truncate(actor, 50), Callers.sourceIp(), event.action(),
                truncate(event.target(), 200), event.succeeded() ? "SUCCESS" : "FAILURE",
                json.writeValueAsString(event.details())));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
