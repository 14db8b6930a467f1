package org.openhotline.operations.internal;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/** An alarm rule, channel or mail server edit, an alarm acknowledged or closed, a backup started: for the audit trail. */
public record OpsSettingChanged(String action, String target, Map<String, Object> details) implements AuditableEvent {}
