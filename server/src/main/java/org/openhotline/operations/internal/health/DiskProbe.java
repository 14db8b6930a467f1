package org.openhotline.operations.internal.health;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Free space where the platform writes: the data directory (database), the recordings and the backups. */
@Component
class DiskProbe implements Probe {

    static final String PART = "磁盘";
    private final Path data;
    private final Path backups;

    DiskProbe(@Value("${hotline.data-dir}") Path data, @Value("${hotline.backup.dir}") Path backups) {
        this.data = data.toAbsolutePath().normalize();
        this.backups = backups.toAbsolutePath().normalize();
    }

    @Override
    public String part() {
        return PART;
    }

    @Override
    public List<Measure> measure(Instant now) throws IOException {
        List<Measure> out = new ArrayList<>();
        out.add(free("data", "数据目录", data));
        out.add(free("recordings", "录音目录", data.resolve("recordings")));
        out.add(free("backup", "备份目录", backups));
        return out;
    }

    private static Measure free(String subject, String label, Path dir) throws IOException {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Measure.unknown(PART, "disk.free.pct", subject, label + "剩余空间", dir + " 不存在");
        }
        FileStore store = Files.getFileStore(existing);
        double pct = store.getTotalSpace() == 0 ? 0 : Math.round(1000.0 * store.getUsableSpace() / store.getTotalSpace()) / 10.0;
        return Measure.of(PART, "disk.free.pct", subject, label + "剩余空间", pct, "%",
                String.format("%s：剩余 %.1f GB / 共 %.1f GB", dir, store.getUsableSpace() / 1e9, store.getTotalSpace() / 1e9));
    }
}
