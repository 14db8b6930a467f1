package org.openhotline.callcenter.internal.missed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.Masking;
import org.openhotline.shared.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.openhotline.shared.crypto.PersonalData;

/** The desk's 漏接回拨 tab: open tasks, claim and release, call back, record how a try went, a task's timeline. */
@RestController
@RequestMapping("/api/callcenter/missed-tasks")
@Tag(name = "漏接回拨")
@PreAuthorize("hasAuthority('call:agent')")
class MissedCallTasksController {

    private final JdbcClient jdbc;
    private final Callbacks callbacks;

    MissedCallTasksController(JdbcClient jdbc, Callbacks callbacks) {
        this.jdbc = jdbc;
        this.callbacks = callbacks;
    }

    record TaskRow(long id, String number, LocalDate day, String status, String statusLabel, OffsetDateTime firstMissedAt,
                   OffsetDateTime lastMissedAt, int missedCount, String voicemailCallId, Long claimedBy, String claimedByAgentNo,
                   boolean mine, int failedTries, int maxTries, long attempts, String lastOutcome, String lastOutcomeLabel,
                   int version) {}

    @GetMapping
    @Operation(summary = "回拨任务（默认待回拨，最早漏接的在前）；mine=true 只看本人认领的")
    PageResult<TaskRow> list(@RequestParam(defaultValue = "OPEN") String status, @RequestParam(defaultValue = "false") boolean mine,
                             @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        if (!"ALL".equals(status) && !MissedCallLabels.STATUS.containsKey(status)) {
            throw DomainException.badRequest("任务状态只能是 OPEN、CALLED_BACK、GOT_THROUGH、UNREACHABLE、WRONG_NUMBER 或 ALL");
        }
        long me = Callers.required().accountId();
        int pageSize = PageResult.clampSize(size);
        Map<String, Object> p = Map.of("status", status, "mine", mine, "me", me);
        String where = " from cc_missed_task t where (:status = 'ALL' or t.status = :status) and (not :mine or t.claimed_by = :me)";
        long total = jdbc.sql("select count(*)" + where).params(p).query(Long.class).single();
        List<TaskRow> rows = jdbc.sql("""
                select t.*, a.agent_no,
                       (select count(*) from cc_missed_attempt x where x.task_id = t.id) as attempts,
                       (select x.outcome from cc_missed_attempt x where x.task_id = t.id and x.outcome is not null
                         order by x.recorded_at desc limit 1) as last_outcome,
                       (select m.call_id from cc_missed_call m where m.task_id = t.id and m.voicemail_path is not null
                         order by m.missed_at desc limit 1) as voicemail_call_id
                """ + where.replace(" from cc_missed_task t", " from cc_missed_task t left join cc_agent a on a.account_id = t.claimed_by")
                + " order by t.first_missed_at limit " + pageSize + " offset " + PageResult.offset(page, pageSize))
                .params(p).query((rs, n) -> row(rs, me)).list();
        return new PageResult<>(rows, total, Math.max(page, 1), pageSize);
    }

    private TaskRow row(java.sql.ResultSet rs, long me) throws java.sql.SQLException {
        String number = PersonalData.open(rs.getString("number"));
        Long claimedBy = rs.getObject("claimed_by", Long.class);
        String status = rs.getString("status");
        String outcome = rs.getString("last_outcome");
        return new TaskRow(rs.getLong("id"), Callers.required().can("phone:unmask") ? number : Masking.phone(number),
                rs.getObject("day", LocalDate.class), status, MissedCallLabels.of(MissedCallLabels.STATUS, status),
                rs.getObject("first_missed_at", OffsetDateTime.class), rs.getObject("last_missed_at", OffsetDateTime.class),
                rs.getInt("missed_count"), rs.getString("voicemail_call_id"), claimedBy, rs.getString("agent_no"),
                claimedBy != null && claimedBy == me, rs.getInt("failed_tries"), callbacks.maxTries(), rs.getLong("attempts"),
                outcome, MissedCallLabels.of(MissedCallLabels.OUTCOME, outcome), rs.getInt("version"));
    }

    record TimelineEntry(OffsetDateTime at, String kind, String text, String callId, boolean voicemail) {}

    @GetMapping("/{id}/timeline")
    @Operation(summary = "回拨任务的时间线：每次漏接（含留言）、每次回拨及结果、关闭")
    List<TimelineEntry> timeline(@PathVariable long id) {
        var task = jdbc.sql("select status, closed_at, closed_call_id from cc_missed_task where id = ?").param(id)
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3)})
                .optional().orElseThrow(() -> DomainException.notFound("回拨任务不存在"));
        var entries = new java.util.ArrayList<TimelineEntry>(jdbc.sql("""
                select missed_at, point, call_id, voicemail_path is not null from cc_missed_call where task_id = ? order by missed_at""")
                .param(id).query((rs, n) -> new TimelineEntry(rs.getObject(1, OffsetDateTime.class), "MISSED",
                        "漏接：" + MissedCallLabels.of(MissedCallLabels.POINT, rs.getString(2)) + (rs.getBoolean(4) ? "（有留言）" : ""),
                        rs.getString(3), rs.getBoolean(4))).list());
        entries.addAll(jdbc.sql("""
                select x.started_at, a.agent_no, x.outcome, x.note, x.call_id
                  from cc_missed_attempt x left join cc_agent a on a.account_id = x.agent_id where x.task_id = ? order by x.started_at, x.id""")
                .param(id).query((rs, n) -> new TimelineEntry(rs.getObject(1, OffsetDateTime.class), "ATTEMPT",
                        "回拨（坐席 " + (rs.getString(2) == null ? "—" : rs.getString(2)) + "）："
                                + (rs.getString(3) == null ? "未登记结果" : MissedCallLabels.of(MissedCallLabels.OUTCOME, rs.getString(3)))
                                + (rs.getString(4) == null || rs.getString(4).isBlank() ? "" : "，" + rs.getString(4)),
                        rs.getString(5), false)).list());
        if (task[1] != null) {
            entries.add(new TimelineEntry((OffsetDateTime) task[1], "CLOSED",
                    "关闭：" + MissedCallLabels.of(MissedCallLabels.STATUS, (String) task[0]), (String) task[2], false));
        }
        entries.sort(java.util.Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    record ClaimForm(@NotNull(message = "缺少版本号") Integer version) {}

    @PostMapping("/{id}/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "认领回拨任务（同一时间只能一名坐席认领；已被认领或版本过期返回 409）")
    void claim(@PathVariable long id, @Valid @RequestBody ClaimForm form) {
        callbacks.claim(id, Callers.required().accountId(), form.version());
    }

    @PostMapping("/{id}/release")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "放弃认领，任务回到待回拨列表")
    void release(@PathVariable long id) {
        callbacks.release(id, Callers.required().accountId());
    }

    @PostMapping("/{id}/call")
    @Operation(summary = "回拨：先振铃本人分机，再经中继呼叫来电号码（显示热线号码）；须先认领并签入")
    Map<String, String> callBack(@PathVariable long id) {
        return Map.of("callId", callbacks.callBack(id, Callers.required().accountId()));
    }

    record OutcomeForm(@NotNull(message = "请选择回拨结果") MissedCallTask.Outcome outcome,
                       @Size(max = 200, message = "备注最长 200 字") String note) {}

    @PostMapping("/{id}/attempts")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "登记回拨结果：REACHED 已接通、NO_ANSWER 无人接听、BUSY 占线、WRONG_NUMBER 号码错误；多次未接通后任务关闭")
    void tried(@PathVariable long id, @Valid @RequestBody OutcomeForm form) {
        callbacks.tried(id, Callers.required().accountId(), form.outcome(), form.note() == null ? null : form.note().trim());
    }
}
