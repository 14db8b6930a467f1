package org.openhotline.operations.internal.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The nightly backup (hotline.backup.cron, 02:30 by default): a base backup of the database, then the recordings. */
@Component
class BackupSchedule {

    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);
    private final BaseBackups base;
    private final RecordingBackups recordings;
    private final boolean withRecordings;

    BackupSchedule(BaseBackups base, RecordingBackups recordings, @Value("${hotline.backup.recordings:true}") boolean withRecordings) {
        this.base = base;
        this.recordings = recordings;
        this.withRecordings = withRecordings;
    }

    @Scheduled(cron = "${hotline.backup.cron:0 30 2 * * *}", zone = "${hotline.time-zone}")
    void nightly() {
        try {
            base.take();
        } catch (RuntimeException e) {
            log.error("Scheduled base backup failed: {}", e.getMessage()); // the backup-age alarm reports it
        }
        if (withRecordings) {
            try {
                recordings.mirror();
            } catch (Exception e) {
                log.error("Scheduled recordings backup failed", e);
            }
        }
    }
}
