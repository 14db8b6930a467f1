package org.openhotline.knowledge;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/** Something happened to the knowledge base that the audit trail keeps: {@code change} is e.g. {@code published}. */
public record KnowledgeChanged(String subject, long id, String change, Map<String, Object> details)
        implements AuditableEvent {

    @Override
    public String action() {
        return "knowledge." + subject + "." + change;
    }

    @Override
    public String target() {
        return "kb-" + subject + ":" + id;
    }
}
