package org.openhotline.callcenter.internal.calls;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.internal.acd.SkillGroups;
import org.openhotline.callcenter.internal.agents.AgentDesk;
import org.openhotline.callcenter.internal.agents.AgentRoster;
import org.openhotline.callcenter.internal.agents.SeatBoard;
import org.openhotline.callcenter.internal.engine.Switchboard;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.telephony.LegId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agent's phone bar (话务条): sign in and out, show ready / not ready / break, and control the call. */
@RestController
@RequestMapping("/api/callcenter/me")
@Tag(name = "话务条")
@PreAuthorize("hasAuthority('call:agent')")
class PhoneBarController {

    private final AgentDesk desk;
    private final SeatBoard board;
    private final LiveCalls legs;
    private final PhoneBarActions actions;
    private final Switchboard telephony;
    private final SkillGroups groups;
    private final AgentRoster roster;
    private final Consultations consultations;
    private final OutboundCalls outbound;
    private final EmergencyLinkage emergency;

    PhoneBarController(AgentDesk desk, SeatBoard board, LiveCalls legs, PhoneBarActions actions, Switchboard telephony,
                       SkillGroups groups, AgentRoster roster, Consultations consultations, OutboundCalls outbound,
                       EmergencyLinkage emergency) {
        this.emergency = emergency;
        this.actions = actions;
        this.outbound = outbound;
        this.consultations = consultations;
        this.groups = groups;
        this.roster = roster;
        this.desk = desk;
        this.board = board;
        this.legs = legs;
        this.telephony = telephony;
    }

    record SeatView(AgentState state, String stateLabel, String reason, java.time.Instant since, String extension,
                    String callId, String caller, boolean phoneRegistered, String agentNo, Map<String, Integer> skills,
                    long version, Consulting consulting) {}

    /**
     * The consultation this agent's call is in: whom, whether they answered, whether all three talk, and the number
     * an outside target sees when it is not the hotline's (the citizen's, on a hand-over to 110).
     */
    record Consulting(String target, boolean answered, boolean threeWay, String shownAs) {}

    private SeatView view(SeatBoard.Seat s) {
        boolean registered = s.extension() != null && telephony.running() && telephony.engine().isRegistered(s.extension());
        var agent = roster.find(s.accountId());
        Map<String, Integer> skills = new java.util.TreeMap<>();
        agent.ifPresent(a -> a.skills().forEach((group, level) ->
                groups.find(group).ifPresent(g -> skills.put(g.name(), level))));
        return new SeatView(s.state(), s.state().label(), s.reason(), s.since(),
                s.extension() != null ? s.extension() : agent.map(AgentRoster.Agent::extension).orElse(null),
                s.callId(), s.caller(), registered, agent.map(AgentRoster.Agent::agentNo).orElse(null), skills,
                s.version(), legs.talkingCallOf(s.accountId()).flatMap(c -> consultations.of(c.callId))
                        .map(c -> new Consulting(c.target, c.answered, c.threeWay, c.shownAs)).orElse(null));
    }

    @GetMapping
    SeatView mine() {
        return view(board.of(Callers.required().accountId()));
    }

    record SignIn(@Size(max = 20, message = "分机号最长 20 位") String extension) {}

    @PostMapping("/sign-in")
    @Operation(summary = "签入（绑定分机）")
    SeatView signIn(@Valid @RequestBody(required = false) SignIn form) {
        StaffPrincipal me = Callers.required();
        return view(desk.signIn(me.accountId(), form == null ? null : form.extension(), me.username()));
    }

    record StateForm(@NotNull(message = "请选择状态") AgentState state, @Size(max = 50, message = "原因最长 50 个字") String reason) {}

    @PostMapping("/state")
    @Operation(summary = "切换状态：示闲 READY、示忙 NOT_READY、小休 BREAK（须选原因）、签出 SIGNED_OUT")
    SeatView state(@Valid @RequestBody StateForm form) {
        StaffPrincipal me = Callers.required();
        return view(desk.choose(me.accountId(), form.state(), form.reason(), me.username(), false));
    }

    @PostMapping("/hangup")
    @Operation(summary = "挂机")
    Map<String, String> hangup() {
        var call = currentCall();
        actions.agentHangsUp(call);
        return Map.of("callId", call.callId);
    }

    @PostMapping("/hold")
    @Operation(summary = "保持（来电者听等待音乐）")
    SeatView hold() {
        var call = currentCall();
        telephony.engine().hold(new LegId(call.callId));
        call.held = true;
        desk.byCall(call.agentId, AgentState.HELD, call.callId, call.caller, null);
        return mine();
    }

    @PostMapping("/retrieve")
    @Operation(summary = "拾回")
    SeatView retrieve() {
        var call = legs.callOfAgentHeld(Callers.required().accountId())
                .orElseThrow(() -> DomainException.conflict("当前没有保持中的通话"));
        telephony.engine().unhold(new LegId(call.callId));
        call.held = false;
        desk.byCall(call.agentId, AgentState.TALKING, call.callId, call.caller, null);
        return mine();
    }

    record MuteForm(boolean muted) {}

    @PostMapping("/mute")
    @Operation(summary = "静音（muted=true）：来电者听不到坐席的声音，班长监听仍可听到；muted=false 取消静音")
    Map<String, Object> mute(@RequestBody MuteForm form) {
        var call = legs.talkingCallOf(Callers.required().accountId())
                .orElseThrow(() -> DomainException.conflict("当前没有进行中的通话"));
        actions.mute(call, form.muted());
        return Map.of("callId", call.callId, "muted", form.muted());
    }

    record TransferForm(@NotBlank(message = "请填写转接目标（分机、技能组或外线号码）") @Size(max = 50, message = "转接目标最长 50 位") String destination) {}

    @PostMapping("/transfer")
    @Operation(summary = "转接（一键转接：分机、外线号码或外地 12345）")
    Map<String, String> transfer(@Valid @RequestBody TransferForm form) {
        var call = currentCall();
        actions.transfer(call, form.destination().trim());
        return Map.of("callId", call.callId, "to", form.destination().trim());
    }

    record DialForm(@NotBlank(message = "请填写要拨打的号码") @jakarta.validation.constraints.Pattern(regexp = "[0-9+]{3,20}", message = "号码格式不正确") String number) {}

    @PostMapping("/dial")
    @Operation(summary = "外呼（如回访）：先振铃本人分机（自动应答），再经中继呼叫群众，显示热线号码")
    Map<String, String> dial(@Valid @RequestBody DialForm form) {
        return Map.of("callId", outbound.dial(Callers.required().accountId(), form.number()));
    }

    @PostMapping("/conference")
    @Operation(summary = "三方通话：拨打第三方，接通后三方同时通话")
    Map<String, String> conference(@Valid @RequestBody TransferForm form) {
        var call = currentCall();
        actions.conference(call, form.destination().trim());
        return Map.of("callId", call.callId);
    }

    @PostMapping("/consult")
    @Operation(summary = "咨询转：来电者听等待音乐，呼叫坐席分机、技能组（空闲最久的坐席）或外线号码，接通后与之商谈")
    SeatView consult(@Valid @RequestBody TransferForm form) {
        var call = currentCall();
        consultations.consult(call, Callers.required().accountId(), form.destination().trim());
        return mine();
    }

    @PostMapping("/consult/complete")
    @Operation(summary = "完成转接：来电者转给被咨询方，本人退出通话进入整理")
    SeatView completeConsult() {
        var call = consultedCall();
        if (emergency.of(call.callId) != null) {
            emergency.handOver(call, Callers.required()); // 电话联动: only from the three-way call, and on the order
            return mine();
        }
        consultations.complete(call);
        return mine();
    }

    @PostMapping("/consult/join")
    @Operation(summary = "咨询后三方通话：来电者加入，三方同时通话")
    SeatView joinConsult() {
        consultations.join(consultedCall());
        return mine();
    }

    @PostMapping("/consult/cancel")
    @Operation(summary = "取消咨询（或三方中请第三方退出）：挂断被咨询方，与来电者继续通话")
    SeatView cancelConsult() {
        consultations.cancel(consultedCall());
        return mine();
    }

    private LiveCalls.LiveCall consultedCall() {
        return legs.talkingCallOf(Callers.required().accountId())
                .orElseThrow(() -> DomainException.conflict("当前没有进行中的通话"));
    }

    @PostMapping("/escalate")
    @Operation(summary = "会话升级：来电转入班长队列（优先），本人进入整理")
    Map<String, String> escalate() {
        var call = currentCall();
        long leaders = groups.byCode("leaders").orElseThrow(() -> DomainException.conflict("未配置班长技能组（leaders）")).id();
        actions.escalate(call, leaders);
        return Map.of("callId", call.callId);
    }

    private LiveCalls.LiveCall currentCall() {
        return legs.callOfAgent(Callers.required().accountId())
                .orElseThrow(() -> DomainException.conflict("当前没有进行中的通话"));
    }
}
