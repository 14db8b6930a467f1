package org.openhotline.operations.internal.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.openhotline.operations.internal.OpsSettingChanged;
import org.openhotline.operations.internal.backup.BaseBackups;
import org.openhotline.operations.internal.backup.RecordingBackups;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Backups: the kept base backups and recordings runs, the WAL archive; a backup taken now. */
@RestController
@RequestMapping("/api/ops/backups")
@Tag(name = "备份", description = "数据库基础备份、WAL 归档（时间点恢复）、录音备份")
class BackupController {

    private final BaseBackups base;
    private final RecordingBackups recordings;
    private final ApplicationEventPublisher events;

    BackupController(BaseBackups base, RecordingBackups recordings, ApplicationEventPublisher events) {
        this.base = base;
        this.recordings = recordings;
        this.events = events;
    }

    record Answer(List<BaseBackups.Backup> backups, BaseBackups.WalArchive walArchive) {}

    @GetMapping
    @PreAuthorize("hasAuthority('ops:view')")
    @Operation(summary = "保留中的备份与 WAL 归档")
    Answer list() throws IOException {
        return new Answer(base.list(null), base.walArchive());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ops:manage')")
    @Operation(summary = "立即做一次数据库基础备份（与每晚定时备份相同）")
    BaseBackups.Backup takeNow() {
        BaseBackups.Backup b = base.take();
        events.publishEvent(new OpsSettingChanged("ops.backup-taken", "ops-backup:" + b.id(), Map.of("file", b.file())));
        return b;
    }

    @PostMapping("/recordings")
    @PreAuthorize("hasAuthority('ops:manage')")
    @Operation(summary = "立即备份录音（增量）")
    RecordingBackups.Run recordingsNow() throws IOException {
        RecordingBackups.Run r = recordings.mirror();
        events.publishEvent(new OpsSettingChanged("ops.recordings-backed-up", "ops-backup:recordings",
                Map.of("copied", r.copied(), "bytes", r.bytes())));
        return r;
    }
}
