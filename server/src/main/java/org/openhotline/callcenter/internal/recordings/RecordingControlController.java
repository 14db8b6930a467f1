package org.openhotline.callcenter.internal.recordings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.MenuEntry;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 录音管理: ask to delete a recording (those who search call records), approve or reject (another person with
 * {@code recording:delete}), retention rules and their sweeps (the system administrator's operations view).
 */
@RestController
@RequestMapping("/api/callcenter/recordings")
@Tag(name = "录音管理")
class RecordingControlController implements MenuEntry.Contribution {

    private final RecordingDeletions deletions;
    private final RecordingRetention retention;
    private final JdbcClient jdbc;

    RecordingControlController(RecordingDeletions deletions, RecordingRetention retention, JdbcClient jdbc) {
        this.deletions = deletions;
        this.retention = retention;
        this.jdbc = jdbc;
    }

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry("呼叫中心", "recording-deletions", "录音删除审批", "/callcenter/recordings", "recording:delete", 125),
                new MenuEntry("系统管理", "recording-retention", "录音保留与清理", "/admin/recording-retention", "config:manage", 906));
    }

    record RequestForm(@NotNull(message = "请选择通话") String callId,
                       @Size(max = DeletionRequest.MAX_REASON, message = "原因不超过 200 个字") String reason) {}

    record DecisionForm(@NotNull(message = "缺少版本号，请刷新后重试") Integer version,
                        @Size(max = DeletionRequest.MAX_REASON, message = "意见不超过 200 个字") String note) {}

    record RuleForm(Integer days, @NotNull(message = "缺少版本号，请刷新后重试") Integer version) {}

    /** What the call record keeps about its recording once it is gone. */
    record RecordingFate(String callId, boolean hasRecording, OffsetDateTime removedAt, String removedBy,
                         List<DeletionRequest> requests) {}

    @PostMapping("/deletions")
    @PreAuthorize("hasAnyAuthority('call:monitor', 'qc:inspect', 'call:admin', 'recording:delete')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申请删除通话录音（须填写原因，由另一位有审批权限的人批准后删除）")
    DeletionRequest request(@Valid @RequestBody RequestForm form) {
        return deletions.request(Callers.required(), form.callId(), form.reason());
    }

    @GetMapping("/deletions")
    @PreAuthorize("hasAnyAuthority('recording:delete', 'call:admin')")
    @Operation(summary = "录音删除申请，status=PENDING|APPROVED|REJECTED（不填为全部）")
    List<DeletionRequest> list(@RequestParam(required = false) String status) {
        if (status != null && !List.of("PENDING", "APPROVED", "REJECTED").contains(status)) {
            throw DomainException.badRequest("状态应为 PENDING、APPROVED 或 REJECTED");
        }
        return deletions.list(status);
    }

    @PostMapping("/deletions/{id}/approve")
    @PreAuthorize("hasAuthority('recording:delete')")
    @Operation(summary = "批准删除：录音文件从存储中删除，通话记录保留删除事实、原因、申请人和批准人（不能批准自己的申请）")
    DeletionRequest approve(@PathVariable long id, @Valid @RequestBody DecisionForm form) {
        return deletions.approve(Callers.required(), id, form.version());
    }

    @PostMapping("/deletions/{id}/reject")
    @PreAuthorize("hasAuthority('recording:delete')")
    @Operation(summary = "驳回删除申请（录音保留）")
    DeletionRequest reject(@PathVariable long id, @Valid @RequestBody DecisionForm form) {
        return deletions.reject(Callers.required(), id, form.version(), form.note());
    }

    @GetMapping("/calls/{callId}")
    @PreAuthorize("hasAnyAuthority('call:monitor', 'qc:inspect', 'call:admin', 'recording:delete')")
    @Operation(summary = "一通电话的录音去向：是否还有录音、何时由谁删除、删除申请及原因")
    RecordingFate fate(@PathVariable String callId) {
        return jdbc.sql("select recording_path is not null, recording_removed_at, recording_removed_by from cc_call where id = ?")
                .param(callId)
                .query((rs, n) -> new RecordingFate(callId, rs.getBoolean(1), rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3), deletions.ofCall(callId)))
                .optional().orElseThrow(() -> DomainException.notFound("通话记录不存在"));
    }

    @GetMapping("/retention")
    @PreAuthorize("hasAnyAuthority('config:manage', 'call:admin')")
    @Operation(summary = "录音保留规则（按呼入、呼出、内部通话，天数为空表示永久保留）")
    List<RecordingRetention.Rule> rules() {
        return retention.rules();
    }

    @PutMapping("/retention/{direction}")
    @PreAuthorize("hasAuthority('config:manage')")
    @Operation(summary = "修改一种通话的录音保留天数")
    RecordingRetention.Rule save(@PathVariable String direction, @Valid @RequestBody RuleForm form) {
        return retention.save(direction, form.days(), form.version());
    }

    @GetMapping("/retention/runs")
    @PreAuthorize("hasAuthority('config:manage')")
    @Operation(summary = "录音清理记录：每次清理删除的录音数、释放的字节数、失败数")
    List<RecordingRetention.Run> runs() {
        return retention.runs();
    }

    @PostMapping("/retention/run")
    @PreAuthorize("hasAuthority('config:manage')")
    @Operation(summary = "立即按保留规则清理一次")
    RecordingRetention.Run runNow() {
        return retention.sweep(Callers.required().username());
    }
}
