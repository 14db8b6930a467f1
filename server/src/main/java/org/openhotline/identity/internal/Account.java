package org.openhotline.identity.internal;

import java.time.Instant;
import java.util.Set;
import org.openhotline.identity.Role;

/** A staff account as stored, with its roles. */
record Account(long id, String username, String displayName, String passwordHash, long orgNodeId, String orgPath,
               String orgName, String phone, String email, String agentNo, boolean enabled, int failedLogins,
               Instant lockedUntil, Instant lastLoginAt, int version, Set<Role> roles, boolean passwordMustChange,
               Instant passwordExpiresAt, Instant passwordChangedAt, boolean demo, Instant activeSince) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** A one-time password (set by the recovery command) that has passed its expiry. */
    boolean oneTimePasswordExpiredAt(Instant now) {
        return passwordMustChange && passwordExpiresAt != null && !passwordExpiresAt.isAfter(now);
    }

    /** The recovery command's one-time password (it expires), not a first-login or expiry change. */
    boolean oneTimePassword() {
        return passwordMustChange && passwordExpiresAt != null;
    }

    boolean isAdmin() {
        return roles.stream().anyMatch(Role::isAdminPower);
    }
}
