package org.openhotline.audit.internal.chain;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention: records older than {@code hotline.audit.retention-days} (default and minimum 180, GB/T 22239 asks for
 * six months) move from {@code audit_event} to {@code audit_event_archive} with their hashes, every night. Nothing
 * is deleted: the database lets a record leave the live table only once the same record is in the archive, and the
 * chain runs on through the archive (ChainVerification).
 */
@Component
public class AuditArchive {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int retentionDays;

    AuditArchive(JdbcClient jdbc, Clock clock, @Value("${hotline.audit.retention-days:180}") int retentionDays) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retentionDays = Math.max(180, retentionDays);
    }

    /** Moves the records older than the retention; answers how many. */
    @Transactional
    @Scheduled(cron = "${hotline.audit.archive-cron:0 40 2 * * *}", zone = "${hotline.time-zone}")
    public int archive() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(Duration.ofDays(retentionDays));
        // audit_archive (db/migration/audit) moves them: the application's role itself may not delete records.
        int moved = jdbc.sql("select audit_archive(?, ?)").params(cutoff, OffsetDateTime.now(clock))
                .query(Integer.class).single();
        return moved;
    }
}
