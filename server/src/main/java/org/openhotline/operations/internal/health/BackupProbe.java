package org.openhotline.operations.internal.health;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.operations.DatabaseFiles;
import org.openhotline.operations.internal.backup.BaseBackups;
import org.springframework.stereotype.Component;

/** Hours since the last base backup, and the WAL archive (segments, size, the newest). */
@Component
class BackupProbe implements Probe {

    static final String PART = "备份";
    private final BaseBackups backups;
    private final DatabaseFiles database;

    BackupProbe(BaseBackups backups, DatabaseFiles database) {
        this.backups = backups;
        this.database = database;
    }

    @Override
    public String part() {
        return PART;
    }

    @Override
    public List<Measure> measure(Instant now) throws IOException {
        if (database.dataDirectory().isEmpty()) {
            return List.of(Measure.unknown(PART, "backup.age.hours", "", "最近基础备份", "外部数据库：备份由数据库运维负责"));
        }
        List<Measure> out = new ArrayList<>();
        var last = backups.list("BASE").stream().findFirst();
        out.add(last.isEmpty()
                ? Measure.unknown(PART, "backup.age.hours", "", "最近基础备份", "尚无基础备份")
                : Measure.of(PART, "backup.age.hours", "", "距最近基础备份", Math.max(0, Math.round(Duration.between(last.get().finishedAt(), now).toMinutes() / 6.0) / 10.0), "小时", last.get().file()));
        var wal = backups.walArchive();
        out.add(wal.dir() == null
                ? Measure.unknown(PART, "wal.archive.mb", "", "WAL 归档", "未开启 WAL 归档（HOTLINE_BACKUP_WAL_ARCHIVE=false）")
                : Measure.of(PART, "wal.archive.mb", "", "WAL 归档", Math.round(wal.bytes() / 1048576.0), "MB",
                        wal.segments() + " 个段，最新 " + (wal.newest() == null ? "—" : wal.newest())));
        return out;
    }
}
