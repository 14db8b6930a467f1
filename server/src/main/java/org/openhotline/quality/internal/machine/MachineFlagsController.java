package org.openhotline.quality.internal.machine;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.openhotline.quality.internal.machine.MachineFlags.Flag;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
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

/** 机检标记: the flags of a call or the latest ones, an inspector's confirm or dismiss, and re-running the analysis. */
@RestController
@RequestMapping("/api/quality/machine")
@Tag(name = "智能质检")
class MachineFlagsController {

    private final MachineFlags flags;
    private final MachineInspection inspection;
    private final MachineReruns reruns;
    private final JdbcClient jdbc;

    MachineFlagsController(MachineFlags flags, MachineInspection inspection, MachineReruns reruns, JdbcClient jdbc) {
        this.flags = flags;
        this.inspection = inspection;
        this.reruns = reruns;
        this.jdbc = jdbc;
    }

    /** What the acoustic pass measured on a call, with its flags. */
    record CallAnalysis(String callId, String outcome, OffsetDateTime analysedAt, long lengthMs, long citizenSpeechMs,
                        long agentSpeechMs, Double agentShare, Double agentRate, String note, boolean transcript,
                        List<Flag> flags) {}

    record DecisionForm(@NotNull(message = "请选择确认或驳回")
                        @Pattern(regexp = "CONFIRMED|DISMISSED", message = "处理结果应为 CONFIRMED（确认）或 DISMISSED（驳回）")
                        String decision,
                        @Size(max = 200, message = "说明不超过 200 个字") String note,
                        @NotNull(message = "缺少版本号，请刷新后重试") Integer version) {}

    record RerunForm(@NotNull(message = "请填写开始时间") OffsetDateTime from,
                     @NotNull(message = "请填写结束时间") OffsetDateTime to) {}

    @GetMapping("/flags")
    @PreAuthorize("hasAuthority('qc:inspect')")
    @Operation(summary = "最新的机检标记（open=true 只看未处理的，rule 按规则筛选，最多 500 条）")
    List<Flag> recent(@RequestParam(defaultValue = "true") boolean open, @RequestParam(required = false) String rule,
                      @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 500) {
            throw DomainException.badRequest("条数应在 1 到 500 之间");
        }
        if (rule != null && rule.length() > 40) {
            throw DomainException.badRequest("规则编码过长");
        }
        return flags.recent(open, rule, limit);
    }

    @GetMapping("/calls/{callId}")
    @PreAuthorize("hasAuthority('qc:inspect')")
    @Operation(summary = "一通电话的机检结果：说话时长、坐席占比、语速，以及全部标记（时间为录音内的毫秒）")
    CallAnalysis ofCall(@PathVariable String callId) {
        return jdbc.sql("""
                select a.call_id, a.outcome, a.analysed_at, a.length_ms, a.citizen_speech_ms, a.agent_speech_ms,
                       a.agent_share, a.agent_rate, a.note,
                       exists (select 1 from qc_transcript t where t.call_id = a.call_id)
                  from qc_machine_analysis a where a.call_id = ?""").param(callId)
                .query((rs, i) -> new CallAnalysis(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        decimal(rs.getBigDecimal(7)), decimal(rs.getBigDecimal(8)), rs.getString(9),
                        rs.getBoolean(10), flags.ofCall(callId)))
                .optional().orElseThrow(() -> DomainException.notFound("这通电话还没有机检结果"));
    }

    private static Double decimal(java.math.BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }

    @PostMapping("/flags/{id}/decision")
    @PreAuthorize("hasAuthority('qc:inspect')")
    @Operation(summary = "质检员确认或驳回一个机检标记（带版本号；已被他人处理时返回 409）")
    Flag decide(@PathVariable long id, @Valid @RequestBody DecisionForm form) {
        return flags.decide(id, form.decision(), form.note(), form.version(), Callers.required().username());
    }

    @PostMapping("/calls/{callId}/analysis")
    @PreAuthorize("hasAuthority('qc:inspect')")
    @Operation(summary = "按当前规则重新机检一通电话（已处理的标记保留）")
    MachineInspection.Outcome rerun(@PathVariable String callId) {
        return inspection.analyse(callId);
    }

    @PostMapping("/reruns")
    @PreAuthorize("hasAuthority('qc:inspect')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "按当前规则在后台重新机检一段时间内的全部录音（最多 31 天、10 万通）")
    MachineReruns.Rerun rerunRange(@Valid @RequestBody RerunForm form) {
        return reruns.start(form.from().toInstant(), form.to().toInstant(), Callers.required().username());
    }
}
