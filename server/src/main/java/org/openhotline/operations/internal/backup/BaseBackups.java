package org.openhotline.operations.internal.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.openhotline.operations.DatabaseFiles;
import org.openhotline.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Base backups of the embedded PostgreSQL while it runs, with PostgreSQL's own low-level API: {@code pg_backup_start},
 * a tar.gz of the data directory, {@code pg_backup_stop} (which waits until the WAL the backup needs is archived) and
 * its backup label written into the archive. With the WAL archive this restores to any moment after the backup
 * ({@code ops/restore.sh}). Files that change while they are copied are fine: replaying the WAL repairs them. Keeps
 * the newest {@code hotline.backup.keep} backups and the archived WAL they need; deletes older ones.
 */
@Component
public class BaseBackups {

    private static final Logger log = LoggerFactory.getLogger(BaseBackups.class);
    /** Rebuilt by PostgreSQL or meaningless in a copy (PostgreSQL's documentation, "Making a Base Backup"). */
    private static final Set<String> SKIP_CONTENTS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_stat_tmp", "pg_subtrans", "log");
    private static final Set<String> SKIP_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map",
            "recovery.signal", "standby.signal");

    private final DatabaseFiles database;
    private final Path backupDir;
    private final int keep;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DateTimeFormatter stamp;

    BaseBackups(DatabaseFiles database, @Value("${hotline.backup.dir}") Path backupDir, @Value("${hotline.backup.keep:7}") int keep,
                JdbcClient jdbc, Clock clock, @Value("${hotline.time-zone}") String zone) {
        this.database = database;
        this.backupDir = backupDir.toAbsolutePath().normalize();
        this.keep = Math.max(1, keep);
        this.jdbc = jdbc;
        this.clock = clock;
        this.stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.of(zone));
    }

    public record Backup(long id, String kind, String file, long sizeBytes, Instant startedAt, Instant finishedAt,
                         String walStart, String checksum) {}

    /** Takes a base backup now; one at a time (PostgreSQL allows several, the disk does not want them). */
    public synchronized Backup take() {
        Path pgData = database.dataDirectory().orElseThrow(() -> DomainException.conflict(
                "使用外部数据库时由数据库运维用 pg_basebackup 备份（见运维手册 docs/operations.md）"));
        Instant started = clock.instant();
        Path dir = backupDir.resolve("base");
        Path file = dir.resolve("base-" + stamp.format(started) + ".tar.gz");
        Path partial = dir.resolve(file.getFileName() + ".partial");
        try {
            Files.createDirectories(dir);
            String walStart;
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (Connection c = database.superuser(); Statement sql = c.createStatement()) {
                try (ResultSet rs = sql.executeQuery("select pg_walfile_name(lsn) from pg_backup_start('openhotline "
                        + stamp.format(started) + "', true) as lsn")) {
                    rs.next();
                    walStart = rs.getString(1);
                }
                String label;
                try (OutputStream out = Files.newOutputStream(partial);
                     DigestOutputStream digest = new DigestOutputStream(out, sha);
                     GZIPOutputStream gz = new GZIPOutputStream(digest, 1 << 16) {{ def.setLevel(Deflater.BEST_SPEED); }};
                     TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
                    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                    copyTree(pgData, tar);
                    try (ResultSet rs = sql.executeQuery("select labelfile from pg_backup_stop(true)")) {
                        rs.next();
                        label = rs.getString(1);
                    }
                    byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry e = new TarArchiveEntry("backup_label");
                    e.setSize(bytes.length);
                    e.setMode(0600);
                    tar.putArchiveEntry(e);
                    tar.write(bytes);
                    tar.closeArchiveEntry();
                }
            }
            Files.move(partial, file);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            Instant finished = clock.instant();
            String checksum = HexFormat.of().formatHex(sha.digest());
            long size = Files.size(file);
            long id = jdbc.sql("""
                    insert into ops_backup (kind, file, size_bytes, started_at, finished_at, wal_start, checksum)
                    values ('BASE', ?, ?, ?, ?, ?, ?) returning id""")
                    .params(file.toString(), size, Timestamp.from(started), Timestamp.from(finished), walStart, checksum)
                    .query(Long.class).single();
            log.info("Base backup {} ({} bytes) taken, WAL from {}", file, size, walStart);
            prune();
            return new Backup(id, "BASE", file.toString(), size, started, finished, walStart, checksum);
        } catch (Exception e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the next backup overwrites nothing; a stray partial file is harmless
            }
            log.error("Base backup failed", e);
            // the cause is in the log; the answer stays in words (no Java type names in a problem body)
            throw new DomainException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "backup-failed",
                    "基础备份失败，请查看服务日志后重试");
        }
    }

    private void copyTree(Path root, TarArchiveOutputStream tar) throws IOException {
        // PostgreSQL creates and drops files while we walk (statistics, temporary files): one that vanishes between
        // the directory listing and its visit is skipped, as it is when it vanishes before its copy below.
        List<Path> paths = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                if (!dir.equals(root)) {
                    paths.add(dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                paths.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e == null || e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        Collections.sort(paths);
        for (Path p : paths) {
            Path rel = root.relativize(p);
            String top = rel.getName(0).toString();
            if (SKIP_CONTENTS.contains(top) && rel.getNameCount() > 1 || rel.getNameCount() == 1 && SKIP_FILES.contains(top)) {
                continue;
            }
            try {
                if (Files.isDirectory(p)) {
                    TarArchiveEntry e = new TarArchiveEntry(rel + "/");
                    e.setMode(0700);
                    tar.putArchiveEntry(e);
                    tar.closeArchiveEntry();
                } else if (Files.isRegularFile(p)) {
                    long size = Files.size(p);
                    TarArchiveEntry e = new TarArchiveEntry(rel.toString());
                    e.setSize(size);
                    e.setMode(0600);
                    tar.putArchiveEntry(e);
                    // exactly the size announced: a file that grew is cut, one that shrank is padded (WAL repairs both)
                    long left = size;
                    byte[] buf = new byte[1 << 16];
                    try (InputStream in = Files.newInputStream(p)) {
                        int n;
                        while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                            tar.write(buf, 0, n);
                            left -= n;
                        }
                    }
                    while (left > 0) {
                        int n = (int) Math.min(buf.length, left);
                        tar.write(new byte[n]);
                        left -= n;
                    }
                    tar.closeArchiveEntry();
                }
            } catch (NoSuchFileException gone) {
                // dropped while we copied (a temporary file): not needed
            }
        }
    }

    /** Keeps the newest backups and the WAL segments from the oldest kept one's start on. */
    void prune() throws IOException {
        List<Backup> all = list("BASE");
        for (Backup old : all.stream().skip(keep).toList()) {
            Files.deleteIfExists(Path.of(old.file()));
            jdbc.sql("update ops_backup set removed_at = ? where id = ?").params(Timestamp.from(clock.instant()), old.id()).update();
        }
        Path wal = database.walArchive();
        if (wal == null || all.isEmpty() || !Files.isDirectory(wal)) {
            return;
        }
        String oldestKept = all.get(Math.min(keep, all.size()) - 1).walStart();
        try (Stream<Path> files = Files.list(wal)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                // segment names sort by timeline and position; .history files are kept (few and tiny)
                if (!name.endsWith(".history") && name.length() >= 24 && name.substring(0, 24).compareTo(oldestKept) < 0) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    public List<Backup> list(String kind) {
        return jdbc.sql("""
                select * from ops_backup where removed_at is null and (cast(? as varchar) is null or kind = ?)
                 order by started_at desc, id desc""")
                .params(kind, kind)
                .query((rs, n) -> new Backup(rs.getLong("id"), rs.getString("kind"), rs.getString("file"), rs.getLong("size_bytes"),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(),
                        rs.getString("wal_start"), rs.getString("checksum"))).list();
    }

    /** Archived WAL segments and their total size (what point-in-time recovery can replay). */
    public record WalArchive(String dir, long segments, long bytes, String newest) {}

    public WalArchive walArchive() throws IOException {
        Path wal = database.walArchive();
        if (wal == null || !Files.isDirectory(wal)) {
            return new WalArchive(wal == null ? null : wal.toString(), 0, 0, null);
        }
        try (Stream<Path> files = Files.list(wal)) {
            List<Path> segs = files.filter(f -> f.getFileName().toString().matches("[0-9A-F]{24}")).sorted().toList();
            long bytes = 0;
            for (Path s : segs) bytes += Files.size(s);
            return new WalArchive(wal.toString(), segs.size(), bytes, segs.isEmpty() ? null : segs.getLast().getFileName().toString());
        }
    }
}
