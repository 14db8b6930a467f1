package org.openhotline.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openhotline.identity.Role;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for accounts and their roles. Lists join {@code org_node} to apply the caller's data scope. */
@Repository
class Accounts {

    private static final String SELECT = """
            select a.id, a.username, a.display_name, a.password_hash, a.org_node_id, o.path, o.name as org_name,
                   a.phone, a.email, a.agent_no, a.enabled, a.failed_logins, a.locked_until, a.last_login_at,
                   a.version, a.password_must_change, a.password_expires_at, a.password_changed_at, a.demo,
                   greatest(a.last_login_at, a.created_at, a.reactivated_at) as active_since,
                   coalesce((select string_agg(r.role, ',') from account_role r where r.account_id = a.id), '') as roles
              from account a join org_node o on o.id = a.org_node_id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    Accounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Account> byUsername(String username) {
        return jdbc.sql(SELECT + " where a.username = ?").param(username).query(Accounts::map).optional();
    }

    Optional<Account> byId(long id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(Accounts::map).optional();
    }

    long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    PageResult<Account> search(String scopePath, String text, Role role, Long orgNodeId, Boolean enabled,
                               int page, int size) {
        String where = """
                 where o.path like :scope || '%'
                   and (:text = '' or a.username ilike '%' || :text || '%' or a.display_name ilike '%' || :text || '%'
                        or a.agent_no = :text)
                   and (cast(:role as varchar) is null
                        or exists (select 1 from account_role r where r.account_id = a.id and r.role = cast(:role as varchar)))
                   and (cast(:node as bigint) is null
                        or o.path like (select n.path from org_node n where n.id = cast(:node as bigint)) || '%')
                   and (cast(:enabled as boolean) is null or a.enabled = cast(:enabled as boolean))""";
        String q = text == null ? "" : text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String roleName = role == null ? null : role.name();
        long total = jdbc.sql("select count(*) from account a join org_node o on o.id = a.org_node_id " + where)
                .param("scope", scopePath).param("text", q).param("role", roleName).param("node", orgNodeId)
                .param("enabled", enabled).query(Long.class).single();
        List<Account> items = jdbc.sql(SELECT + " " + where + " order by a.id limit :size offset :offset")
                .param("scope", scopePath).param("text", q).param("role", roleName).param("node", orgNodeId)
                .param("enabled", enabled).param("size", size).param("offset", PageResult.offset(page, size))
                .query(Accounts::map).list();
        return new PageResult<>(items, total, page, size);
    }

    long insert(String username, String displayName, String hash, long orgNodeId, String phone, String email,
                String agentNo) {
        var now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                insert into account (username, display_name, password_hash, org_node_id, phone, email, agent_no,
                                     password_changed_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(username, displayName, hash, orgNodeId, phone, email, agentNo, now, now, now)
                .query(Long.class).single();
    }

    void update(long id, int version, String displayName, long orgNodeId, String phone, String email, String agentNo) {
        int rows = jdbc.sql("""
                update account set display_name = ?, org_node_id = ?, phone = ?, email = ?, agent_no = ?,
                       version = version + 1, updated_at = ?
                 where id = ? and version = ?""")
                .params(displayName, orgNodeId, phone, email, agentNo, OffsetDateTime.now(clock), id, version)
                .update();
        if (rows == 0) {
            throw DomainException.conflict("该账号已被他人修改，请刷新后重试");
        }
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("update account set enabled = ?, version = version + 1, updated_at = ? where id = ?")
                .params(enabled, OffsetDateTime.now(clock), id).update();
    }

    void setPassword(long id, String hash) {
        var now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update account set password_hash = ?, password_changed_at = ?, failed_logins = 0, locked_until = null,
                       password_must_change = false, password_expires_at = null,
                       version = version + 1, updated_at = ? where id = ?""")
                .params(hash, now, now, id).update();
    }

    /** The recovery command's password: works once (only to change it) until {@code expiresAt}; opens the account. */
    void setOneTimePassword(long id, String hash, Instant expiresAt) {
        var now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update account set password_hash = ?, password_changed_at = ?, failed_logins = 0, locked_until = null,
                       enabled = true, password_must_change = true, password_expires_at = ?,
                       version = version + 1, updated_at = ? where id = ?""")
                .params(hash, now, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC), now, id).update();
    }

    /** Counts a failed login and returns the new count; locks when {@code lockUntil} is given. */
    int recordFailure(long id, Instant lockUntil) {
        return jdbc.sql("""
                update account set failed_logins = failed_logins + 1,
                       locked_until = coalesce(cast(? as timestamptz), locked_until)
                 where id = ? returning failed_logins""")
                .params(lockUntil == null ? null : OffsetDateTime.ofInstant(lockUntil, ZoneOffset.UTC), id)
                .query(Integer.class).single();
    }

    void recordSuccess(long id) {
        jdbc.sql("update account set failed_logins = 0, locked_until = null, last_login_at = ? where id = ?")
                .params(OffsetDateTime.now(clock), id).update();
    }

    void unlock(long id) {
        jdbc.sql("update account set failed_logins = 0, locked_until = null where id = ?").param(id).update();
    }

    /** An admin's unlock or enable: inactivity counts again from now. */
    void reactivate(long id) {
        jdbc.sql("update account set reactivated_at = ? where id = ?").params(OffsetDateTime.now(clock), id).update();
    }

    /** Created or reset by an admin: the holder chooses their own password at the next login (no expiry). */
    void requirePasswordChange(long id) {
        jdbc.sql("update account set password_must_change = true, password_expires_at = null where id = ?")
                .param(id).update();
    }

    void markDemo(long id) {
        jdbc.sql("update account set demo = true where id = ?").param(id).update();
    }

    void replaceRoles(long id, Collection<Role> roles) {
        jdbc.sql("delete from account_role where account_id = ?").param(id).update();
        for (Role role : roles) {
            jdbc.sql("insert into account_role (account_id, role) values (?, ?)").params(id, role.name()).update();
        }
        jdbc.sql("update account set version = version + 1 where id = ?").param(id).update();
    }

    /** The permission codes of the given roles, as stored by the security admin. */
    Set<String> permissionsOf(Collection<Role> roles) {
        if (roles.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select distinct permission from role_permission where role in (:roles)")
                .param("roles", roles.stream().map(Enum::name).toList()).query(String.class).list());
    }

    static Account map(ResultSet rs, int row) throws SQLException {
        String roles = rs.getString("roles");
        Set<Role> roleSet = roles.isEmpty() ? EnumSet.noneOf(Role.class)
                : Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getLong("org_node_id"), rs.getString("path"),
                rs.getString("org_name"), rs.getString("phone"), rs.getString("email"), rs.getString("agent_no"),
                rs.getBoolean("enabled"), rs.getInt("failed_logins"), instant(rs.getTimestamp("locked_until")),
                instant(rs.getTimestamp("last_login_at")), rs.getInt("version"), roleSet,
                rs.getBoolean("password_must_change"), instant(rs.getTimestamp("password_expires_at")),
                instant(rs.getTimestamp("password_changed_at")), rs.getBoolean("demo"),
                instant(rs.getTimestamp("active_since")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
