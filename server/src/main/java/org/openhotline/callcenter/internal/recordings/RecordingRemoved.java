package org.openhotline.callcenter.internal.recordings;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/** A step of recording control, for the audit trail: requested, approved, rejected, retention-swept. */
record RecordingRemoved(String action, String target, String actor, Map<String, Object> details)
        implements AuditableEvent {}
