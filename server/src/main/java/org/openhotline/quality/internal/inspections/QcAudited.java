package org.openhotline.quality.internal.inspections;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/** A step of an inspection for the audit trail: submitted, confirmed, appealed, reviewed (二次质检). */
record QcAudited(String action, long inspectionId, Map<String, Object> details) implements AuditableEvent {

    @Override
    public String target() {
        return "qc-inspection:" + inspectionId;
    }
}
