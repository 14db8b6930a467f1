package org.openhotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The platform runs as {@code hotline_app}, a role that reads and writes rows and nothing more: no shell
 * commands through {@code COPY … TO PROGRAM}, no change to the audit trail, no DDL. Even the owner role that
 * migrates cannot change audit records (the append-only trigger), and no login works without a password.
 */
@HotlineTest
class DatabaseRolesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Value("${hotline.data-dir}")
    Path dataDir;

    @Test
    void theApplicationRoleIsNoSuperuserAndCannotRunPrograms() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(DatabasePasswords.APP);
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
        assertThatThrownBy(() -> jdbc.sql("copy (select 1) to program 'touch /tmp/hotline-pwned'").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("create table intruder (id int)").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("alter table audit_event disable trigger all").update())
                .rootCause().hasMessageContaining("must be owner");
    }

    @Test
    void theApplicationRoleMayOnlyAddAndReadAuditRecords() {
        ApiClient.loggedIn(port, "manager"); // writes an audit record
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isPositive();
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone-else'").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update()).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update()).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void evenTheOwnerRoleCannotChangeAuditRecords() throws Exception {
        ApiClient.loggedIn(port, "manager");
        var passwords = DatabasePasswords.loadOrCreate(dataDir.toAbsolutePath().resolve("postgres.passwords"));
        try (var c = DriverManager.getConnection(url(), DatabasePasswords.OWNER, passwords.owner())) {
            var owner = JdbcClient.create(new SingleConnectionDataSource(c, true));
            assertThatThrownBy(() -> owner.sql("update audit_event set actor = 'someone-else'").update())
                    .rootCause().hasMessageContaining("append-only");
            assertThatThrownBy(() -> owner.sql("delete from audit_event").update()).rootCause().hasMessageContaining("append-only");
        }
    }

    @Test
    void noLoginWithoutPassword() {
        for (String role : new String[] {DatabasePasswords.SUPERUSER, DatabasePasswords.OWNER, DatabasePasswords.APP}) {
            assertThatThrownBy(() -> DriverManager.getConnection(url(), role, null)).as(role)
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
        }
    }

    private String url() {
        return ((HikariDataSource) dataSource).getJdbcUrl();
    }
}
