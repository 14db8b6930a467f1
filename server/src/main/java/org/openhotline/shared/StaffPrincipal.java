package org.openhotline.shared;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

/**
 * Who is calling: the logged-in staff account as every module sees it. Created by identity at login and kept
 * in the (JDBC) session; {@code orgPath} is the materialized path of the account's organization node, the
 * root of everything it may see (data scope 分权分域).
 */
public record StaffPrincipal(long accountId, String username, String displayName, long orgNodeId, String orgPath,
                             Set<String> roles, Set<String> permissions) implements Principal, Serializable {

    @Override
    public String getName() {
        return username;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }

    /** True when {@code path} is this account's node or lies below it. */
    public boolean sees(String path) {
        return path != null && path.startsWith(orgPath);
    }
}
