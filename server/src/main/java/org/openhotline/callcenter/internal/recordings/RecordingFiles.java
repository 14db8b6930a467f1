package org.openhotline.callcenter.internal.recordings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Removes a call's recording: clears the path in the call record, writes when and by whom, and deletes the file once
 * that commits — a rolled-back removal must not have destroyed the file its record still names. The row is changed
 * only while it still names the file (locked), so two removals of one recording free its bytes once.
 */
@Component
class RecordingFiles {

    private static final Logger log = LoggerFactory.getLogger(RecordingFiles.class);

    private final JdbcClient jdbc;

    RecordingFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Bytes freed (0 when the file was already missing), or -1 when the call has no recording any more. */
    long remove(String callId, String by, OffsetDateTime at) {
        String path = jdbc.sql("select recording_path from cc_call where id = ? for update").param(callId)
                .query(String.class).optional().orElse(null);
        if (path == null) {
            return -1;
        }
        Path file = Path.of(path);
        long bytes;
        try {
            bytes = Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            bytes = 0;
        }
        jdbc.sql("update cc_call set recording_path = null, recording_removed_at = ?, recording_removed_by = ? where id = ?")
                .params(at, by, callId).update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delete(file);
                }
            });
        } else {
            delete(file);
        }
        return bytes;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the record already says the recording is gone; an operator removes a stuck file by hand
            log.error("录音文件删除失败：{}", file, e);
        }
    }
}
