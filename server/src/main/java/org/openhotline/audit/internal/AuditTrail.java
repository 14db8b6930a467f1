package org.openhotline.audit.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.openhotline.shared.AuditableEvent;
import org.openhotline.shared.Callers;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one audit row per auditable event. A plain (synchronous) listener on purpose: the row joins the
 * transaction of the action, so there is never an action without its record nor a record of an action that
 * rolled back.
 */
@Component
class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(AuditableEvent event) {
        String actor = event.actor() != null ? event.actor()
                : Callers.current().map(StaffPrincipal::username).orElse("system");
        jdbc.sql("""
                insert into audit_event (at, actor, source_ip, action, target, result, details)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(OffsetDateTime.now(clock), truncate(actor, 50), Callers.sourceIp(), event.action(),
                        truncate(event.target(), 200), event.succeeded() ? "SUCCESS" : "FAILURE",
                        json.writeValueAsString(event.details()))
                .update();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
