package org.openhotline.callcenter.internal.calls;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The phone bar's 电话联动 (12345 → 110/119/120/122): call the service, talk all three, hand the citizen over. */
@RestController
@RequestMapping("/api/callcenter/me/emergency")
@Tag(name = "话务条")
@PreAuthorize("hasAuthority('call:agent')")
class EmergencyLinkageController {

    private final EmergencyLinkage linkage;
    private final LiveCalls calls;

    EmergencyLinkageController(EmergencyLinkage linkage, LiveCalls calls) {
        this.linkage = linkage;
        this.calls = calls;
    }

    record Service(String code, String name, String number) {}

    @GetMapping("/services")
    @Operation(summary = "可联动的紧急服务及其拨打号码（hotline.callcenter.emergency.numbers 配置）")
    List<Service> services() {
        return linkage.services().entrySet().stream()
                .map(e -> new Service(e.getKey(), EmergencyNumbers.SERVICES.get(e.getKey()), e.getValue())).toList();
    }

    /** {@code shownAs}: the number the service sees — the citizen's (主叫号码透传), or null: the hotline trunk's. */
    record View(String callId, String service, String name, String number, String shownAs, boolean answered,
                boolean threeWay, List<String> orders) {}

    record Start(@NotBlank(message = "请选择联动服务（110、119、120、122）") @Size(max = 10, message = "联动服务编码最长 10 位") String service,
                 Long workOrderId) {}

    @PostMapping
    @Operation(summary = "发起联动：来电者听等待音乐，经中继呼叫该服务号码，接通后坐席先与接警员沟通")
    View start(@Valid @RequestBody Start form) {
        var call = calls.callOfAgent(Callers.required().accountId())
                .orElseThrow(() -> DomainException.conflict("当前没有进行中的通话"));
        linkage.start(call, Callers.required().accountId(), form.service().strip(), form.workOrderId());
        return view(call, List.of());
    }

    @GetMapping
    @Operation(summary = "当前通话的联动进度（无联动时 409）")
    View current() {
        return view(talking(), List.of());
    }

    @PostMapping("/join")
    @Operation(summary = "三方通话：来电者加入，坐席、来电者与接警员同时通话")
    View join() {
        var call = talking();
        linkage.join(call);
        return view(call, List.of());
    }

    @PostMapping("/hand-over")
    @Operation(summary = "交接退出（须先三方通话）：坐席退出并进入整理，来电者与接警员继续通话；记入通话记录与本通话的工单")
    View handOver() {
        var call = talking();
        var l = linkage.of(call.callId);
        List<String> orders = linkage.handOver(call, Callers.required());
        return new View(call.callId, l.service(), EmergencyNumbers.SERVICES.get(l.service()), l.number(),
                l.consult().shownAs, true, true, orders);
    }

    private LiveCalls.LiveCall talking() {
        return calls.talkingCallOf(Callers.required().accountId())
                .orElseThrow(() -> DomainException.conflict("当前没有进行中的通话"));
    }

    private View view(LiveCalls.LiveCall call, List<String> orders) {
        var l = linkage.of(call.callId);
        if (l == null) {
            throw DomainException.conflict("当前通话没有进行中的联动");
        }
        var c = linkage.consultation(call.callId);
        return new View(call.callId, l.service(), EmergencyNumbers.SERVICES.get(l.service()), l.number(),
                l.consult().shownAs, c != null && c.answered, c != null && c.threeWay, orders);
    }
}
