package org.openhotline.operations.internal.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recordings are written once and never changed, so their backup is a mirror: each run copies the files the backup
 * does not have yet (as they are on disk, encrypted or not), and removes from the backup the files the recording
 * retention deleted at the source more than {@code hotline.backup.keep} days ago — the backup is not a way around it.
 */
@Component
public class RecordingBackups {

    private final Path recordings;
    private final Path target;
    private final int keepDays;
    private final JdbcClient jdbc;
    private final Clock clock;

    RecordingBackups(@Value("${hotline.data-dir}") Path dataDir, @Value("${hotline.backup.dir}") Path backupDir,
                     @Value("${hotline.backup.keep:7}") int keepDays, JdbcClient jdbc, Clock clock) {
        this.recordings = dataDir.toAbsolutePath().normalize().resolve("recordings");
        this.target = backupDir.toAbsolutePath().normalize().resolve("recordings");
        this.keepDays = keepDays;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Run(long copied, long bytes, long removed) {}

    public synchronized Run mirror() throws IOException {
        Instant started = clock.instant();
        long copied = 0;
        long bytes = 0;
        long removed = 0;
        if (Files.isDirectory(recordings)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(recordings)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path f : files) {
                Path copy = target.resolve(recordings.relativize(f).toString());
                if (!Files.exists(copy) || Files.size(copy) != Files.size(f)) {
                    Files.createDirectories(copy.getParent());
                    Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    copied++;
                    bytes += Files.size(copy);
                }
            }
        }
        if (Files.isDirectory(target)) {
            List<Path> copies;
            try (Stream<Path> walk = Files.walk(target)) {
                copies = walk.filter(Files::isRegularFile).toList();
            }
            Instant cutoff = started.minus(java.time.Duration.ofDays(keepDays));
            for (Path c : copies) {
                if (!Files.exists(recordings.resolve(target.relativize(c).toString()))
                        && Files.getLastModifiedTime(c).toInstant().isBefore(cutoff)) {
                    Files.delete(c);
                    removed++;
                }
            }
        }
        jdbc.sql("""
                insert into ops_backup (kind, file, size_bytes, started_at, finished_at, checksum)
                values ('RECORDINGS', ?, ?, ?, ?, ?)""")
                .params(target.toString(), bytes, Timestamp.from(started), Timestamp.from(clock.instant()),
                        copied + " 个文件新增，" + removed + " 个过期删除")
                .update();
        // one row per run is enough history: older runs' rows are dropped from the list after the retention
        jdbc.sql("update ops_backup set removed_at = ? where kind = 'RECORDINGS' and removed_at is null and started_at < ?")
                .params(Timestamp.from(started), Timestamp.from(started.minus(java.time.Duration.ofDays(keepDays)))).update();
        return new Run(copied, bytes, removed);
    }
}
