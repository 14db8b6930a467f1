package org.openhotline.shared;

import java.util.Map;

/**
 * An event that belongs in the audit trail. Modules publish their own past-tense events implementing this;
 * the audit module listens synchronously so the record commits (or rolls back) with the action itself.
 * {@code actor} may be null, in which case the audit module takes the logged-in user.
 */
public interface AuditableEvent {

    /** A stable action code such as {@code account.created}. */
    String action();

    /** What was acted on, e.g. {@code account:agent1}. */
    String target();

    /** {@code true} for success; failures (a wrong password) are audited too. */
    default boolean succeeded() {
        return true;
    }

    default String actor() {
        return null;
    }

    default Map<String, Object> details() {
        return Map.of();
    }
}
