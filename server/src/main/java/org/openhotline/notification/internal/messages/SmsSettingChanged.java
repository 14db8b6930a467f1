package org.openhotline.notification.internal.messages;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/** A template edit or an opt-out list change, for the audit trail (who changed what citizens receive). */
public record SmsSettingChanged(String action, String target, Map<String, Object> details) implements AuditableEvent {}
