/**
 * The audit trail (审计日志): an append-only record of logins, lockouts, account, role, permission, organization
 * and configuration changes and every view of an unmasked citizen number. Owns table {@code audit_event}, which
 * the database refuses to update or delete. Listens to {@link org.openhotline.shared.AuditableEvent}s
 * synchronously, inside the publisher's transaction, so an action and its record commit together; calls no
 * module. Only the audit admin reads it. Each record is chained to the one before with HMAC-SM3 under a key kept
 * outside the database ({@code internal.chain}), so an edit or deletion by anyone who can write to the database is
 * found by the integrity check; records past the retention move to {@code audit_event_archive}, never deleted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = {"shared"})
package org.openhotline.audit;
