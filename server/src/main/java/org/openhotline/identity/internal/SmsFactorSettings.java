package org.openhotline.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openhotline.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for who logs in with an SMS code: the roles whose holders all do, and single accounts. The three admin
 * powers are never stored here (the controller refuses them), and {@link #requiredFor} ignores an admin account
 * anyway: they keep their local login with an authenticator, which does not depend on the SMS gateway.
 */
@Repository
class SmsFactorSettings {

    /** An account set one by one, with its number masked for the settings screen. */
    record AccountEntry(long accountId, String username, String displayName, String phoneHint) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    SmsFactorSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean requiredFor(Account account) {
        if (account.isAdmin()) {
            return false;
        }
        if (jdbc.sql("select count(*) from sms_factor_account where account_id = ?").param(account.id())
                .query(Long.class).single() > 0) {
            return true;
        }
        Set<Role> roles = roles();
        return account.roles().stream().anyMatch(roles::contains);
    }

    Set<Role> roles() {
        return jdbc.sql("select role from sms_factor_role").query(String.class).list().stream().map(Role::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Replaces the set of roles; answers the roles added and removed. */
    Change setRoles(Collection<Role> roles, String by) {
        Set<Role> before = roles();
        Set<Role> after = Set.copyOf(roles);
        jdbc.sql("delete from sms_factor_role").update();
        for (Role r : after) {
            jdbc.sql("insert into sms_factor_role (role, set_by, set_at) values (?, ?, ?)")
                    .params(r.name(), by, OffsetDateTime.now(clock)).update();
        }
        return new Change(after.stream().filter(r -> !before.contains(r)).sorted().toList(),
                before.stream().filter(r -> !after.contains(r)).sorted().toList());
    }

    record Change(List<Role> added, List<Role> removed) {}

    List<AccountEntry> accounts() {
        return jdbc.sql("""
                select a.id, a.username, a.display_name, a.phone from sms_factor_account s
                  join account a on a.id = s.account_id order by a.username""")
                .query((rs, n) -> new AccountEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                        SmsCodes.mask(rs.getString(4)))).list();
    }

    /** True when the account was not set before. */
    boolean addAccount(long accountId, String by) {
        return jdbc.sql("""
                insert into sms_factor_account (account_id, set_by, set_at) values (?, ?, ?)
                on conflict (account_id) do nothing""").params(accountId, by, OffsetDateTime.now(clock)).update() == 1;
    }

    boolean removeAccount(long accountId) {
        return jdbc.sql("delete from sms_factor_account where account_id = ?").param(accountId).update() == 1;
    }
}
