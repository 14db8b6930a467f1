package org.openhotline.operations.internal.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhotline.operations.internal.OpsSettingChanged;
import org.openhotline.operations.internal.alarms.Alarm;
import org.openhotline.operations.internal.alarms.AlarmActions;
import org.openhotline.operations.internal.alarms.Alarms;
import org.openhotline.shared.Callers;
import org.openhotline.shared.ExcelSheets;
import org.openhotline.shared.PageResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Alarms: the open ones (the console polls them), the history with paging and export, acknowledging and closing. */
@RestController
@RequestMapping("/api/ops/alarms")
@Tag(name = "运维告警", description = "当前告警、告警历史、确认与关闭")
class AlarmController {

    private final Alarms alarms;
    private final AlarmActions actions;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DateTimeFormatter time;

    AlarmController(Alarms alarms, AlarmActions actions, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
                    @Value("${hotline.time-zone}") String zone) {
        this.alarms = alarms;
        this.actions = actions;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of(zone));
    }

    record AlarmView(long id, String name, String metric, String subject, String severity, String state, double value,
                     double threshold, Instant raisedAt, Instant clearedAt, Instant ackedAt, String ackedBy, String ackNote,
                     Instant closedAt, String closedBy, String closeNote, int version) {
        static AlarmView of(Alarm a) {
            return new AlarmView(a.id(), a.name(), a.metric(), a.subject(), a.severity().name(), a.state(), a.value(),
                    a.threshold(), a.raisedAt(), a.clearedAt(), a.ackedAt(), a.ackedBy(), a.ackNote(), a.closedAt(),
                    a.closedBy(), a.closeNote(), a.version());
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ops:view')")
    @Operation(summary = "告警列表（state：OPEN 未恢复、ACTIVE 未确认、ACKED 已确认、CLEARED 已恢复、CLOSED 已关闭）")
    PageResult<AlarmView> page(@RequestParam(required = false) String state, @RequestParam(required = false) String severity,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                               @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        int clamped = PageResult.clampSize(size);
        var p = alarms.page(new Alarms.Filter(state, severity, from, to), page, clamped);
        return new PageResult<>(p.items().stream().map(AlarmView::of).toList(), p.total(), p.page(), p.size());
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('ops:view')")
    @Operation(summary = "导出告警历史（Excel，最多 10000 条）")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String state, @RequestParam(required = false) String severity,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        List<List<?>> rows = new ArrayList<>();
        for (int page = 1; page <= 50 && rows.size() < 10000; page++) {
            var p = alarms.page(new Alarms.Filter(state, severity, from, to), page, 200);
            for (Alarm a : p.items()) {
                rows.add(List.of(a.id(), a.name(), a.subject(), a.severity().label(), label(a.state()), a.value(), a.threshold(),
                        t(a.raisedAt()), t(a.clearedAt()), nz(a.ackedBy()), t(a.ackedAt()), nz(a.ackNote()), nz(a.closedBy()),
                        t(a.closedAt()), nz(a.closeNote())));
            }
            if (p.items().size() < 200) break;
        }
        byte[] xlsx = ExcelSheets.write("告警历史", List.of("编号", "告警", "对象", "级别", "状态", "当前值", "阈值", "发生时间",
                "恢复时间", "确认人", "确认时间", "确认说明", "关闭人", "关闭时间", "处理说明"), rows);
        return ExcelSheets.download("告警历史.xlsx", xlsx);
    }

    private String t(Instant i) {
        return i == null ? "" : time.format(i);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String label(String state) {
        return switch (state) {
            case "ACTIVE" -> "告警中";
            case "ACKED" -> "已确认";
            case "CLEARED" -> "已恢复";
            default -> "已关闭";
        };
    }

    record Note(String note, Integer version) {}

    @PostMapping("/{id}/ack")
    @PreAuthorize("hasAuthority('ops:manage')")
    @Transactional
    @Operation(summary = "确认告警（可附说明）")
    AlarmView acknowledge(@PathVariable long id, @RequestBody Note note) {
        Alarm a = actions.acknowledge(id, note.version(), Callers.required().username(), note.note(), clock.instant());
        events.publishEvent(new OpsSettingChanged("ops.alarm-acknowledged", "ops-alarm:" + id, Map.of("note", nz(a.ackNote()))));
        return AlarmView.of(a);
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAuthority('ops:manage')")
    @Transactional
    @Operation(summary = "关闭已恢复的告警（须填写处理说明）")
    AlarmView close(@PathVariable long id, @RequestBody Note note) {
        Alarm a = actions.close(id, note.version(), Callers.required().username(), note.note(), clock.instant());
        events.publishEvent(new OpsSettingChanged("ops.alarm-closed", "ops-alarm:" + id, Map.of("note", nz(a.closeNote()))));
        return AlarmView.of(a);
    }

    record Delivery(long channelId, String kind, String target, String event, boolean ok, String error, Instant at) {}

    @GetMapping("/{id}/deliveries")
    @PreAuthorize("hasAuthority('ops:view')")
    @Operation(summary = "告警的通知发送记录")
    List<Delivery> deliveries(@PathVariable long id) {
        alarms.find(id);
        return jdbc.sql("""
                select d.channel_id, coalesce(c.kind, '') as kind, coalesce(c.target, '（已删除）') as target, d.event, d.ok, d.error, d.at
                  from ops_alarm_delivery d left join ops_alarm_channel c on c.id = d.channel_id
                 where d.alarm_id = ? order by d.id""").param(id)
                .query((rs, n) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6), rs.getTimestamp(7).toInstant())).list();
    }
}
