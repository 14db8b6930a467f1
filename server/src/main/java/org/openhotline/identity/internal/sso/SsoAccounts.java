package org.openhotline.identity.internal.sso;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openhotline.identity.Role;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the local account an identity provider's user stands for (by the configured claim in the configured field)
 * and builds the session's principal from it exactly as a password login would: its roles, their permissions, its
 * organisation (data scope). Nobody is created here: an unlinked person gets no session.
 */
@Component
class SsoAccounts {

    /** A linked, enabled account: the principal and how long its session may stay idle. */
    record Linked(StaffPrincipal principal, Duration idleTimeout) {}

    private final JdbcClient jdbc;

    SsoAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when no account has the value, more than one has it, or the account is disabled or locked. */
    Optional<Linked> link(SsoSettings.LinkField field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        record Row(long id, String username, String displayName, long orgNodeId, String orgPath, String roles) {}
        var rows = jdbc.sql("""
                select a.id, a.username, a.display_name, a.org_node_id, o.path,
                       coalesce((select string_agg(r.role, ',') from account_role r where r.account_id = a.id), '') as roles
                  from account a join org_node o on o.id = a.org_node_id
                 where a.%s = ? and a.enabled and (a.locked_until is null or a.locked_until < now())
                   and not a.password_must_change""".formatted(field.column))
                .param(value.strip())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6)))
                .list();
        if (rows.size() != 1) {
            return Optional.empty();
        }
        Row a = rows.getFirst();
        Set<String> roles = a.roles().isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(a.roles().split(",")));
        Set<String> permissions = roles.isEmpty() ? Set.of() : Set.copyOf(jdbc.sql(
                        "select distinct permission from role_permission where role in (:roles)")
                .param("roles", roles).query(String.class).list());
        boolean admin = roles.stream().map(Role::valueOf).anyMatch(Role::isAdminPower);
        int idle = jdbc.sql("select " + (admin ? "admin_idle_minutes" : "idle_minutes") + " from security_policy where id = 1")
                .query(Integer.class).single();
        return Optional.of(new Linked(new StaffPrincipal(a.id(), a.username(), a.displayName(), a.orgNodeId(), a.orgPath(),
                roles, permissions), Duration.ofMinutes(idle)));
    }

    /** Whether the username is one of the three admins' (系统管理员, 安全管理员, 审计管理员). */
    boolean isAdmin(String username) {
        String roles = jdbc.sql("""
                select coalesce(string_agg(r.role, ','), '') from account a join account_role r on r.account_id = a.id
                 where a.username = ?""").param(username == null ? "" : username.strip()).query(String.class).single();
        return !roles.isEmpty() && Arrays.stream(roles.split(",")).map(Role::valueOf).anyMatch(Role::isAdminPower);
    }

    static Set<String> authorities(StaffPrincipal p) {
        return java.util.stream.Stream.concat(p.permissions().stream(), p.roles().stream().map(r -> "ROLE_" + r))
                .collect(Collectors.toSet());
    }
}
