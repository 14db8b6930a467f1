package org.openhotline.callcenter.internal.records;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.callcenter.RecordingPlayed;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.ExcelSheets;
import org.openhotline.shared.Masking;
import org.openhotline.shared.MenuEntry;
import org.openhotline.shared.PageResult;
import org.openhotline.shared.StaffPrincipal;
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
import org.openhotline.shared.crypto.PersonalData;

/** Call records (通话记录): search, export, and play back a recording (role-checked, audited). */
@RestController
@RequestMapping("/api/callcenter/calls")
@Tag(name = "通话记录")
class CallRecordsController implements MenuEntry.Contribution {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CallRecordsController(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry("呼叫中心", "phone-desk", "坐席工作台", "/callcenter/desk", "call:agent", 100),
                new MenuEntry("呼叫中心", "seat-wall", "坐席监控", "/callcenter/seat-wall", "call:monitor", 110),
                // whoever may search the call records (GET below) has the screen: team leaders, QC inspectors, managers
                new MenuEntry("呼叫中心", "call-records", "通话记录", "/callcenter/calls", "call:monitor", 120),
                new MenuEntry("呼叫中心", "call-records", "通话记录", "/callcenter/calls", "qc:inspect", 120),
                new MenuEntry("呼叫中心", "call-records", "通话记录", "/callcenter/calls", "call:admin", 120),
                new MenuEntry("呼叫中心", "callcenter-admin", "呼叫中心配置", "/callcenter/admin", "call:admin", 130));
    }

    record CallRow(String id, String caller, String called, String direction, OffsetDateTime arrivedAt,
                   OffsetDateTime queuedAt, OffsetDateTime answeredAt, OffsetDateTime endedAt, String ivrResult,
                   String abandonPoint, String groupName, String agentNo, String transferChain, Integer satisfaction,
                   boolean hasRecording, BigDecimal recordingS) {}

    private static final String FROM = """
             from cc_call c left join cc_skill_group g on g.id = c.group_id left join cc_agent a on a.account_id = c.agent_id
            where (cast(:from as timestamptz) is null or c.arrived_at >= cast(:from as timestamptz))
              and (cast(:to as timestamptz) is null or c.arrived_at < cast(:to as timestamptz))
              and (cast(:caller as bytea) is null or c.caller_index = cast(:caller as bytea))
              and (cast(:agentNo as varchar) is null or a.agent_no = cast(:agentNo as varchar))
              and (cast(:abandon as varchar) is null or c.abandon_point = cast(:abandon as varchar))""";

    @GetMapping
    @PreAuthorize("hasAnyAuthority('call:monitor', 'qc:inspect', 'call:admin')")
    @Operation(summary = "查询通话记录")
    PageResult<CallRow> search(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                               @RequestParam(required = false) String caller, @RequestParam(required = false) String agentNo,
                               @RequestParam(required = false) String abandonPoint,
                               @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        Map<String, Object> p = params(from, to, caller, agentNo, abandonPoint);
        int pageSize = PageResult.clampSize(size);
        long total = jdbc.sql("select count(*) " + FROM).params(p).query(Long.class).single();
        List<CallRow> rows = rows(" order by c.arrived_at desc, c.id desc limit " + pageSize + " offset " + PageResult.offset(page, pageSize), p);
        return new PageResult<>(rows, total, Math.max(page, 1), pageSize);
    }

    @GetMapping("/export")
    @PreAuthorize("hasAnyAuthority('call:monitor', 'qc:inspect', 'call:admin')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                                  @RequestParam(required = false) String caller, @RequestParam(required = false) String agentNo,
                                  @RequestParam(required = false) String abandonPoint) {
        List<List<?>> out = new ArrayList<>();
        for (CallRow r : rows(" order by c.arrived_at desc, c.id desc limit 100000", params(from, to, caller, agentNo, abandonPoint))) {
            out.add(List.of(r.id(), nz(r.caller()), nz(r.called()), str(r.arrivedAt()), str(r.queuedAt()), str(r.answeredAt()),
                    str(r.endedAt()), nz(r.groupName()), nz(r.agentNo()), nz(r.abandonPoint()), nz(r.transferChain()),
                    r.satisfaction() == null ? "" : List.of("满意", "基本满意", "不满意").get(r.satisfaction() - 1)));
        }
        return ExcelSheets.download("通话记录.xlsx", ExcelSheets.write("通话记录", List.of("通话ID", "主叫", "被叫", "呼入时间",
                "进入排队", "接听时间", "结束时间", "技能组", "工号", "放弃位置", "转接", "满意度"), out));
    }

    @GetMapping("/{id}/recording")
    @PreAuthorize("hasAnyAuthority('call:monitor', 'qc:inspect', 'call:agent')")
    @Operation(summary = "播放录音（班长、质检员，或接听该通话的坐席本人；每次播放留痕）")
    @Transactional
    ResponseEntity<ByteArrayResource> recording(@PathVariable String id) throws IOException {
        StaffPrincipal me = Callers.required();
        var row = jdbc.sql("select recording_path, agent_id from cc_call where id = ?").param(id)
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getObject(2)}).optional()
                .orElseThrow(() -> DomainException.notFound("通话记录不存在"));
        boolean supervisor = me.can("call:monitor") || me.can("qc:inspect");
        if (!supervisor && (row[1] == null || ((Number) row[1]).longValue() != me.accountId())) {
            throw DomainException.forbidden("只能播放自己接听的通话录音");
        }
        if (row[0] == null || !Files.exists(Path.of((String) row[0]))) {
            throw DomainException.notFound("该通话没有录音");
        }
        events.publishEvent(new RecordingPlayed(id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav"))
                .body(new ByteArrayResource(SealedFiles.readAllBytes(Path.of((String) row[0]))));
    }

    private List<CallRow> rows(String tail, Map<String, Object> p) {
        boolean unmasked = Callers.required().can("phone:unmask");
        return jdbc.sql("""
                select c.id, c.caller, c.called, c.direction, c.arrived_at, c.queued_at, c.answered_at, c.ended_at,
                       c.ivr_result, c.abandon_point, g.name as group_name, a.agent_no, c.transfer_chain, c.satisfaction,
                       c.recording_path is not null as has_recording, c.recording_s""" + FROM + tail)
                .params(p).query(CallRow.class).list().stream()
                .map(r -> new CallRow(r.id(), PersonalData.open(r.caller()), PersonalData.open(r.called()), r.direction(), r.arrivedAt(),
                        r.queuedAt(), r.answeredAt(), r.endedAt(), r.ivrResult(), r.abandonPoint(), r.groupName(), r.agentNo(),
                        r.transferChain(), r.satisfaction(), r.hasRecording(), r.recordingS()))
                // an outbound call's called number is the citizen's (masked like a caller's), an inbound call's the hotline's
                .map(r -> unmasked ? r : new CallRow(r.id(), Masking.phone(r.caller()),
                        "OUTBOUND".equals(r.direction()) ? Masking.phone(r.called()) : r.called(), r.direction(),
                        r.arrivedAt(), r.queuedAt(), r.answeredAt(), r.endedAt(), r.ivrResult(), r.abandonPoint(),
                        r.groupName(), r.agentNo(), r.transferChain(), r.satisfaction(), r.hasRecording(), r.recordingS()))
                .toList();
    }

    private static Map<String, Object> params(OffsetDateTime from, OffsetDateTime to, String caller, String agentNo, String abandon) {
        Map<String, Object> p = new HashMap<>();
        p.put("from", from);
        p.put("to", to);
        // numbers are sealed at rest (ADR 041): the blind index finds a whole number, never a prefix
        if (caller != null && !caller.isBlank() && PersonalData.normalPhone(caller).length() < 7) {
            throw DomainException.badRequest("主叫号码已加密存储，只能按完整号码查询（至少 7 位数字）");
        }
        p.put("caller", caller == null || caller.isBlank() ? null : PersonalData.phoneIndex(caller.trim()));
        p.put("agentNo", agentNo == null || agentNo.isBlank() ? null : agentNo.trim());
        p.put("abandon", abandon == null || abandon.isBlank() ? null : abandon.trim());
        return p;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String str(OffsetDateTime t) {
        return t == null ? "" : t.toString();
    }
}
