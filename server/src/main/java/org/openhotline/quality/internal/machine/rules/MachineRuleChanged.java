package org.openhotline.quality.internal.machine.rules;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/** A machine rule was switched on or off, or got a new severity, threshold or word list: for the audit trail. */
record MachineRuleChanged(String code, Map<String, Object> details) implements AuditableEvent {

    @Override
    public String action() {
        return "quality.machine-rule-changed";
    }

    @Override
    public String target() {
        return "qc-rule:" + code;
    }
}
