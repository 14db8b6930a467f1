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
                select min_length, max_failures, lock_minutes, idle_minutes, admin_idle_minutes, version
                  from security_policy where id = 1""")
                .query((rs, n) -> new SecurityPolicy(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6)))
                .single();
    }

    void save(SecurityPolicy p) {
        int rows = jdbc.sql("""
                update security_policy set min_length = ?, max_failures = ?, lock_minutes = ?, idle_minutes = ?,
                       admin_idle_minutes = ?, version = version + 1
                 where id = 1 and version = ?""")
                .params(p.minLength(), p.maxFailures(), p.lockMinutes(), p.idleMinutes(), p.adminIdleMinutes(),
                        p.version())
                .update();
        if (rows == 0) {
            throw DomainException.conflict("安全策略已被他人修改，请刷新后重试");
        }
    }
}
