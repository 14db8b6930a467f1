package org.openhotline.identity.internal;

import java.time.Instant;
import java.util.Set;
import org.openhotline.identity.Role;

/** A staff account as stored, with its roles. */
record Account(long id, String username, String displayName, String passwordHash, long orgNodeId, String orgPath,
               String orgName, String phone, String email, String agentNo, boolean enabled, int failedLogins,
               Instant lockedUntil, Instant lastLoginAt, int version, Set<Role> roles) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    boolean isAdmin() {
        return roles.stream().anyMatch(Role::isAdminPower);
    }
}
