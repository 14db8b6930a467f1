package org.openhotline.callcenter.internal.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.internal.agents.AgentDesk;
import org.openhotline.callcenter.internal.agents.AgentRoster;
import org.openhotline.callcenter.internal.calls.LiveCalls;
import org.openhotline.callcenter.internal.calls.PhoneBarActions;
import org.openhotline.callcenter.internal.engine.Switchboard;
import org.openhotline.callcenter.internal.teams.TeamScope;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.telephony.LegId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The team leader's seat wall: watch every seat live, force states, listen, whisper, barge in, take over. */
@RestController
@RequestMapping("/api/callcenter/seat-wall")
@Tag(name = "坐席监控")
@PreAuthorize("hasAuthority('call:monitor')")
class SeatWallController {

    private final SeatWall wall;
    private final AgentDesk desk;
    private final LiveCalls legs;
    private final PhoneBarActions actions;
    private final AgentRoster roster;
    private final Switchboard telephony;
    private final TeamScope scope;

    SeatWallController(SeatWall wall, AgentDesk desk, LiveCalls legs, PhoneBarActions actions, AgentRoster roster,
                       Switchboard telephony, TeamScope scope) {
        this.actions = actions;
        this.scope = scope;
        this.wall = wall;
        this.desk = desk;
        this.legs = legs;
        this.roster = roster;
        this.telephony = telephony;
    }

    @GetMapping
    @Operation(summary = "坐席监控快照；team 只看一个班组；teams 为各班组按状态的合计（班长受限时只含本班组）")
    SeatWall.Snapshot snapshot(@org.springframework.web.bind.annotation.RequestParam(required = false) Long team) {
        return wall.snapshot(scope.agentsOf(Callers.required()), team);
    }

    @GetMapping(value = "/stream", produces = "text/event-stream")
    @Operation(summary = "实时推送（SSE）：先发 snapshot，之后每次坐席状态变化发 agent 事件")
    SseEmitter stream() {
        return wall.subscribe(scope.agentsOf(Callers.required()));
    }

    record ForceForm(@NotNull(message = "请选择状态") AgentState state, @jakarta.validation.constraints.Size(max = 50, message = "原因最长 50 个字") String reason) {}

    @PostMapping("/agents/{accountId}/force")
    @Operation(summary = "强制示闲、示忙、签出")
    Map<String, String> force(@PathVariable long accountId, @Valid @RequestBody ForceForm form) {
        StaffPrincipal me = Callers.required();
        scope.check(me, accountId);
        var seat = desk.choose(accountId, form.state(), form.reason(), me.username(), true);
        return Map.of("state", seat.state().name());
    }

    /** Listen (监听), whisper (耳语) or barge in (强插): the leader's own phone is rung and joined to the call. */
    @PostMapping("/agents/{accountId}/{mode:listen|whisper|barge}")
    @Operation(summary = "监听 listen、耳语 whisper、强插 barge（班长分机自动应答后加入）")
    Map<String, String> join(@PathVariable long accountId, @PathVariable String mode) {
        scope.check(Callers.required(), accountId);
        var call = legs.talkingCallOf(accountId).orElseThrow(() -> DomainException.conflict("该坐席当前没有通话"));
        String leaderExtension = leaderExtension();
        var engine = telephony.engine();
        // The leader's phone shows the citizen's number: a SIP caller ID is a number, not a label (a "监控-…" one
        // made every listen, whisper and barge fail before the phone even rang).
        LegId leaderLeg = engine.originate(leaderExtension, call.caller, true);
        LegId agentLeg = call.agentLeg;
        engine.answered(leaderLeg).thenRun(() -> {
            switch (mode) {
                case "listen" -> engine.monitor(leaderLeg, agentLeg);
                case "whisper" -> engine.whisper(leaderLeg, agentLeg);
                default -> engine.barge(leaderLeg, agentLeg);
            }
        });
        return Map.of("callId", call.callId, "mode", mode, "leaderLeg", leaderLeg.value());
    }

    @PostMapping("/agents/{accountId}/take-over")
    @Operation(summary = "拦截：来电转到班长分机，坐席退出通话")
    Map<String, String> takeOver(@PathVariable long accountId) {
        scope.check(Callers.required(), accountId);
        var call = legs.talkingCallOf(accountId).orElseThrow(() -> DomainException.conflict("该坐席当前没有通话"));
        actions.transfer(call, leaderExtension());
        return Map.of("callId", call.callId);
    }

    private String leaderExtension() {
        return roster.find(Callers.required().accountId()).map(AgentRoster.Agent::extension)
                .orElseThrow(() -> DomainException.invalid("您还没有配置分机，无法监听或强插"));
    }
}
