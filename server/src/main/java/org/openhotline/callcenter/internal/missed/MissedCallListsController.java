package org.openhotline.callcenter.internal.missed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.callcenter.RecordingPlayed;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.ExcelSheets;
import org.openhotline.shared.Masking;
import org.openhotline.shared.MenuEntry;
import org.openhotline.shared.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.openhotline.shared.crypto.SealedFiles;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 未接来电 / 漏话 / 电话留言 with their callback status, the callback figures, the Excel export and voicemail playback.
 * The lists are the hotline centre's own calls: team leaders (call:monitor) and the manager (call:admin) see them;
 * numbers are masked for whoever may not see them in full.
 */
@RestController
@RequestMapping("/api/callcenter/missed-calls")
@Tag(name = "漏接回拨")
class MissedCallListsController implements MenuEntry.Contribution {

    private final MissedCallLists lists;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    MissedCallListsController(MissedCallLists lists, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.lists = lists;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry("呼叫中心", "missed-calls", "漏接回拨", "/callcenter/missed-calls", "call:monitor", 125),
                new MenuEntry("呼叫中心", "missed-calls", "漏接回拨", "/callcenter/missed-calls", "call:admin", 125));
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('call:monitor', 'call:admin')")
    @Operation(summary = "未接来电（kind=unanswered）、漏话（abandoned）、电话留言（voicemail），含回拨状态；from/to 为日期，默认近 7 天")
    PageResult<MissedCallLists.Row> list(@RequestParam(defaultValue = "unanswered") String kind,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @RequestParam(required = false) String number, @RequestParam(required = false) String status,
                                         @RequestParam(required = false) Long groupId,
                                         @RequestParam(defaultValue = "missedAt") String sort,
                                         @RequestParam(defaultValue = "desc") String direction,
                                         @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        var filter = lists.filter(kind, from, to, number, status, groupId);
        int pageSize = PageResult.clampSize(size);
        var rows = lists.rows(filter, sort, direction, pageSize, PageResult.offset(page, pageSize));
        return new PageResult<>(masked(rows), lists.count(filter), Math.max(page, 1), pageSize);
    }

    @GetMapping("/figures")
    @PreAuthorize("hasAnyAuthority('call:monitor', 'call:admin')")
    @Operation(summary = "回拨率（已关闭任务 ÷ 任务）、接通率、平均回拨用时，及未接来电、漏话、留言数")
    MissedCallLists.Figures figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return lists.figures(lists.filter("unanswered", from, to, null, null, null));
    }

    @GetMapping("/export")
    @PreAuthorize("hasAnyAuthority('call:monitor', 'call:admin')")
    @Operation(summary = "导出 Excel（与列表同样的筛选与排序，最多 10 万行）")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "unanswered") String kind,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) String number, @RequestParam(required = false) String status,
                                  @RequestParam(required = false) Long groupId,
                                  @RequestParam(defaultValue = "missedAt") String sort,
                                  @RequestParam(defaultValue = "desc") String direction) {
        var filter = lists.filter(kind, from, to, number, status, groupId);
        List<List<?>> out = new ArrayList<>();
        for (var r : masked(lists.rows(filter, sort, direction, 100_000, 0))) {
            out.add(List.of(r.callId(), r.number(), str(r.missedAt()), r.pointLabel(), nz(r.groupName()),
                    r.waitSeconds() == null ? "" : Math.round(r.waitSeconds()), r.voicemail() ? "有" : "", r.statusLabel(),
                    r.attempts(), r.lastOutcomeLabel(), str(r.firstAttemptAt()),
                    r.timeToCallbackSeconds() == null ? "" : Math.round(r.timeToCallbackSeconds() / 60.0), str(r.closedAt())));
        }
        String title = filter.kind().title;
        return ExcelSheets.download(title + ".xlsx", ExcelSheets.write(title, List.of("通话ID", "来电号码", "漏接时间", "漏接位置",
                "技能组", "等待秒数", "留言", "回拨状态", "回拨次数", "最近结果", "首次回拨", "回拨用时（分钟）", "关闭时间"), out));
    }

    @GetMapping("/{callId}/voicemail")
    @PreAuthorize("hasAnyAuthority('call:agent', 'call:monitor', 'call:admin')")
    @Operation(summary = "播放留言录音（每次播放留痕）")
    @Transactional
    ResponseEntity<ByteArrayResource> voicemail(@PathVariable String callId) throws java.io.IOException {
        String path = jdbc.sql("select voicemail_path from cc_missed_call where call_id = ?").param(callId).query(String.class)
                .optional().orElse(null);
        if (path == null || !Files.exists(Path.of(path))) {
            throw DomainException.notFound("该来电没有留言");
        }
        events.publishEvent(new RecordingPlayed(callId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav"))
                .body(new ByteArrayResource(SealedFiles.readAllBytes(Path.of(path))));
    }

    private static List<MissedCallLists.Row> masked(List<MissedCallLists.Row> rows) {
        if (Callers.required().can("phone:unmask")) {
            return rows;
        }
        return rows.stream().map(r -> new MissedCallLists.Row(r.callId(), Masking.phone(r.number()), r.missedAt(), r.point(),
                r.pointLabel(), r.groupName(), r.waitSeconds(), r.voicemail(), r.taskId(), r.status(), r.statusLabel(),
                r.attempts(), r.lastOutcome(), r.lastOutcomeLabel(), r.firstAttemptAt(), r.timeToCallbackSeconds(),
                r.closedAt())).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String str(OffsetDateTime t) {
        return t == null ? "" : t.toString();
    }
}
