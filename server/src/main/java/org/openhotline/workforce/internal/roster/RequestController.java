package org.openhotline.workforce.internal.roster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.shared.Callers;
import org.openhotline.workforce.internal.TeamScope;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 请假、期望休息与换班: agents ask for themselves; managers decide, team leaders for the agents of their own teams. */
@RestController
@RequestMapping("/api/workforce/requests")
@Tag(name = "排班")
class RequestController {

    private final RosterRequests requests;
    private final TeamScope scope;

    RequestController(RosterRequests requests, TeamScope scope) {
        this.requests = requests;
        this.scope = scope;
    }

    record AskForm(@NotBlank(message = "请选择申请类型") String kind, Long partnerId, Long rosterId,
                   @NotNull(message = "请选择日期") LocalDate firstDay, LocalDate lastDay,
                   @Size(max = 200, message = "事由不超过 200 个字") String reason) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('call:agent')")
    @Operation(summary = "提交请假（LEAVE）、期望休息（WISH_OFF）或换班（SWAP）申请")
    Map<String, Long> ask(@Valid @RequestBody AskForm form) {
        LocalDate last = form.lastDay() == null ? form.firstDay() : form.lastDay();
        return Map.of("id", requests.ask(form.kind(), Callers.required().accountId(), form.partnerId(), form.rosterId(),
                form.firstDay(), last, form.reason()));
    }

    @GetMapping("/mine")
    @PreAuthorize("hasAuthority('call:agent')")
    @Operation(summary = "我的申请")
    List<RosterRequests.Request> mine() {
        return requests.list(null, Callers.required().accountId());
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('workforce:manage', 'call:monitor')")
    @Operation(summary = "待审批与已处理的申请（班长只看本班组坐席的申请）")
    List<RosterRequests.Request> list(@RequestParam(required = false) String status) {
        Set<Long> agents = scope.agentsOf(Callers.required());
        return requests.list(status, null).stream().filter(r -> agents == null || agents.contains(r.accountId())).toList();
    }

    record Decision(boolean approve, @Size(max = 200, message = "意见不超过 200 个字") String note) {}

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasAnyAuthority('workforce:manage', 'call:monitor')")
    @Operation(summary = "批准或驳回申请；批准的请假从排班表中撤下该日班次，批准的换班交换两人班次（校验规则）")
    void decide(@PathVariable long id, @Valid @RequestBody Decision decision) {
        var me = Callers.required();
        var request = requests.get(id);
        scope.mustCover(me, request.accountId());
        if (request.partnerId() != null) {
            scope.mustCover(me, request.partnerId());
        }
        requests.decide(id, decision.approve(), decision.note(), me.accountId());
    }
}
