package org.openhotline.exchange.internal.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.openhotline.exchange.internal.flows.CrossRequests;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Returns and extensions that units of another platform ask on orders we handed them (省交办件): list and decide. */
@RestController
@RequestMapping("/api/exchange/requests")
@Tag(name = "跨平台退回与延期", description = "下级平台承办单位对本平台交办工单的退回、延期申请：审核结果回传下级平台")
class CrossRequestController {

    private final CrossRequests requests;

    CrossRequestController(CrossRequests requests) {
        this.requests = requests;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('workorder:dispatch')")
    @Operation(summary = "申请列表（state=PENDING 待审核，APPROVED 已同意，REJECTED 已驳回；仅本人数据范围内的工单）")
    List<CrossRequests.Request> list(@RequestParam(required = false) String state) {
        if (state != null && !List.of("PENDING", "APPROVED", "REJECTED").contains(state)) {
            throw DomainException.badRequest("state 只能是 PENDING、APPROVED 或 REJECTED");
        }
        return requests.list(state, Callers.required());
    }

    record Decision(@NotNull(message = "缺少版本号（version）") Integer version,
                    @NotNull(message = "请选择同意或驳回") Boolean approve,
                    @Size(max = 2000, message = "审核意见最长 2000 个字符") String note) {}

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasAuthority('workorder:dispatch')")
    @Operation(summary = "审核申请（approve=true 同意），结果回传申请方平台")
    CrossRequests.Request decide(@PathVariable long id, @Valid @RequestBody Decision d) {
        String note = d.note() == null ? null : d.note().strip();
        if (!d.approve() && (note == null || note.isEmpty())) {
            throw DomainException.invalid("驳回时请填写审核意见");
        }
        return requests.decide(id, d.version(), d.approve(), note, Callers.required());
    }
}
