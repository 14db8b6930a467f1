package org.openhotline.identity.internal;

import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one row of {@code security_policy}. */
@Repository
class SecurityPolicies {

    private final JdbcClient jdbc;

    SecurityPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SecurityPolicy current() {
        return jdbc.sql("""
                select min_length, max_failures, lock_minutes, idle_minutes, admin_idle_minutes, version,
                       max_length, expiry_days, history_count, inactive_days, max_sessions, admin_networks,
                       first_login_change
                  from security_policy where id = 1""")
                .query((rs, n) -> new SecurityPolicy(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                        rs.getInt(11), rs.getString(12), rs.getBoolean(13)))
                .single();
    }

    /** A demo installation: accounts made for the demo (or a test) log in as given, in as many sessions as they like. */
    void relaxForDemo() {
        jdbc.sql("update security_policy set first_login_change = false, max_sessions = 0 where id = 1").update();
    }

    void save(SecurityPolicy p) {
        int rows = jdbc.sql("""
                update security_policy set min_length = ?, max_failures = ?, lock_minutes = ?, idle_minutes = ?,
                       admin_idle_minutes = ?, max_length = ?, expiry_days = ?, history_count = ?, inactive_days = ?,
                       max_sessions = ?, admin_networks = ?, first_login_change = ?, version = version + 1
                 where id = 1 and version = ?""")
                .params(p.minLength(), p.maxFailures(), p.lockMinutes(), p.idleMinutes(), p.adminIdleMinutes(),
                        p.maxLength(), p.expiryDays(), p.historyCount(), p.inactiveDays(), p.maxSessions(),
                        p.adminNetworks(), p.firstLoginChange(), p.version())
                .update();
        if (rows == 0) {
            throw DomainException.conflict("安全策略已被他人修改，请刷新后重试");
        }
    }
}
