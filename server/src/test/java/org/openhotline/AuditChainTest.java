package org.openhotline;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Issue 19: the audit trail chained with HMAC-SM3. Someone with the database owner's password switches the
 * append-only trigger off and edits or deletes a record: {@code GET /api/audit/verify} names it. Each test puts
 * the record back, so the chain is whole again for everyone else.
 */
@HotlineTest
class AuditChainTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    @Value("${hotline.data-dir}")
    Path dataDir;

    @Autowired
    org.openhotline.audit.internal.chain.AuditArchive archive;

    private ApiClient auditadmin() {
        return ApiClient.loggedIn(port, "auditadmin");
    }

    /** Runs {@code change} as the owner role with the append-only trigger off, as an intruder with that password would. */
    private void asIntruder(Consumer<JdbcClient> change) throws Exception {
        var passwords = DatabasePasswords.loadOrCreate(dataDir.toAbsolutePath().resolve("postgres.passwords"));
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        try (var c = DriverManager.getConnection(url, DatabasePasswords.OWNER, passwords.owner())) {
            var owner = JdbcClient.create(new SingleConnectionDataSource(c, true));
            owner.sql("alter table audit_event disable trigger audit_event_no_update").update();
            try {
                change.accept(owner);
            } finally {
                owner.sql("alter table audit_event enable trigger audit_event_no_update").update();
            }
        }
    }

    private long lastRecordOf(String actor) {
        return jdbc.sql("select max(id) from audit_event where actor = ?").param(actor).query(Long.class).single();
    }

    @Test
    void anEditedRecordIsFoundAndOnlyTheAuditAdminMayCheck() throws Exception {
        assertThat(ApiClient.loggedIn(port, "secadmin").get("/api/audit/verify").status()).isEqualTo(403);
        var admin = auditadmin();
        var before = admin.get("/api/audit/verify");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().path("intact").asBoolean()).as(before.body()).isTrue();
        assertThat(before.json().path("checked").asLong()).isPositive();

        ApiClient.loggedIn(port, "kbeditor1");
        long id = lastRecordOf("kbeditor1");
        String actor = "kbeditor1";
        asIntruder(owner -> owner.sql("update audit_event set actor = 'nobody' where id = ?").param(id).update());
        try {
            var after = admin.get("/api/audit/verify").json();
            assertThat(after.path("intact").asBoolean()).isFalse();
            assertThat(after.path("firstBroken").path("id").asLong()).isEqualTo(id);
            assertThat(after.path("firstBroken").path("reason").asString()).isEqualTo("altered");
        } finally {
            asIntruder(owner -> owner.sql("update audit_event set actor = ? where id = ?").params(actor, id).update());
        }
        assertThat(admin.get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void aDeletedRecordIsFound() throws Exception {
        var admin = auditadmin();
        ApiClient.loggedIn(port, "qc2");
        long id = lastRecordOf("qc2");
        ApiClient.loggedIn(port, "qc2"); // a record after it
        record Row(java.sql.Timestamp at, String actor, String ip, String action, String target, String result,
                   String details, String hash) {}
        Row row = jdbc.sql("select at, actor, source_ip, action, target, result, details::text, chain_hash from audit_event where id = ?")
                .param(id).query((rs, n) -> new Row(rs.getTimestamp(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))).single();
        long next = jdbc.sql("select min(id) from audit_event where id > ?").param(id).query(Long.class).single();
        asIntruder(owner -> owner.sql("delete from audit_event where id = ?").param(id).update());
        try {
            var after = admin.get("/api/audit/verify").json();
            assertThat(after.path("intact").asBoolean()).isFalse();
            assertThat(after.path("firstBroken").path("id").asLong()).as("the record after the gap").isEqualTo(next);
        } finally {
            asIntruder(owner -> owner.sql("""
                    insert into audit_event (id, at, actor, source_ip, action, target, result, details, chain_hash)
                    values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""")
                    .params(id, row.at(), row.actor(), row.ip(), row.action(), row.target(), row.result(), row.details(),
                            row.hash()).update());
        }
        assertThat(admin.get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void recordsPastTheRetentionMoveToTheArchiveAndTheChainRunsOnThroughIt() {
        var testClock = (TestClock) clock;
        try {
            testClock.set(clock.instant().minus(Duration.ofDays(200)));
            ApiClient.fromOwnAddress(port).login("nobody-archived", "Wrong-Password-1"); // an audited failure, 200 days ago
        } finally {
            testClock.reset();
        }
        long old = jdbc.sql("select max(id) from audit_event where actor = 'nobody-archived'").query(Long.class).single();
        assertThat(archive.archive()).isPositive();
        assertThat(jdbc.sql("select count(*) from audit_event where id = ?").param(old).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event_archive where id = ?").param(old).query(Long.class).single())
                .isEqualTo(1);
        var result = auditadmin().get("/api/audit/verify").json();
        assertThat(result.path("intact").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("archived").asLong()).isPositive();
        assertThat(jdbc.sql("select count(*) from audit_event where at < now() - interval '180 days'").query(Long.class).single())
                .isZero();
    }

    @Test
    void theKeyFileIsTheOwnersAlone() throws Exception {
        Path key = dataDir.resolve("keys/audit-chain.key");
        assertThat(Files.exists(key)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }
}
