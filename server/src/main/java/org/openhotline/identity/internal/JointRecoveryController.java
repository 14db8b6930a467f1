package org.openhotline.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Joint recovery of an admin account: one admin asks, an admin of the third power approves. */
@RestController
@RequestMapping("/api/admin-recoveries")
@Tag(name = "管理员账号联合恢复")
@PreAuthorize("hasAnyRole('SYS_ADMIN', 'SEC_ADMIN', 'AUDIT_ADMIN')")
class JointRecoveryController {

    private final JointRecoveries recoveries;

    JointRecoveryController(JointRecoveries recoveries) {
        this.recoveries = recoveries;
    }

    record RequestForm(@NotBlank(message = "请填写要恢复的管理员用户名") @Size(max = 50, message = "用户名最长 50 位") String username,
                       @NotBlank(message = "请填写恢复原因") @Size(max = 200, message = "原因最长 200 个字") String reason) {}

    @GetMapping
    @Operation(summary = "最近的恢复申请")
    List<JointRecoveries.Request> recent() {
        return recoveries.recent(Callers.required());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发起恢复申请（须为另外两类管理员之一）")
    JointRecoveries.Request request(@Valid @RequestBody RequestForm f) {
        return recoveries.request(Callers.required(), f.username().trim(), f.reason().trim());
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "批准（第三类管理员）；返回一次性密码的后半段，只显示一次")
    JointRecoveries.Approval approve(@PathVariable long id) {
        return recoveries.approve(Callers.required(), id);
    }

    @PostMapping("/{id}/reject")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "驳回（第三类管理员）或撤回（申请人）")
    void reject(@PathVariable long id) {
        recoveries.reject(Callers.required(), id);
    }

    @PostMapping("/{id}/requester-half")
    @Operation(summary = "申请人读取一次性密码的前半段（批准后，只能读取一次）")
    Map<String, String> requesterHalf(@PathVariable long id) {
        return Map.of("firstHalf", recoveries.requesterHalf(Callers.required(), id));
    }
}
