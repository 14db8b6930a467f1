package org.openhotline.workforce.internal.adherence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.openhotline.callcenter.AgentTeams;
import org.openhotline.workforce.internal.TeamScope;
import java.util.Map;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.workforce.internal.forecast.CallForecasts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 现场管理: one day's adherence, live. A manager sees every agent; a team leader the agents of the teams it leads
 * ({@link TeamScope}: all agents only when the call center's team policy does not limit leaders).
 */
@RestController
@RequestMapping("/api/workforce/adherence")
@Tag(name = "排班")
class AdherenceController {

    private final Adherence adherence;
    private final AgentTeams teams;
    private final CallForecasts forecasts;

    private final TeamScope scope;
    private final DailyAdherence daily;

    AdherenceController(Adherence adherence, AgentTeams teams, CallForecasts forecasts, TeamScope scope, DailyAdherence daily) {
        this.scope = scope;
        this.daily = daily;
        this.adherence = adherence;
        this.teams = teams;
        this.forecasts = forecasts;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('workforce:manage', 'call:monitor')")
    @Operation(summary = "某日（默认今天）每位坐席每半小时的计划与实际、遵从度与出勤符合度、异常（迟到、小休过长、班次外签入…）")
    Adherence.Day day(@RequestParam(required = false) LocalDate day, @RequestParam(required = false) Long teamId) {
        var me = Callers.required();
        LocalDate date = day == null ? forecasts.today() : day;
        // a team leader sees the agents of the teams it leads, nobody else (TeamScope); a manager may pick a team
        Set<Long> only = scope.agentsOf(me);
        if (teamId != null) {
            Set<Long> team = new HashSet<>();
            for (var e : teams.teamOfAgent().entrySet()) {
                if (teamId.equals(e.getValue()) && (only == null || only.contains(e.getKey()))) {
                    team.add(e.getKey());
                }
            }
            only = team;
        }
        return adherence.day(date, only);
    }

    @PostMapping("/close")
    @PreAuthorize("hasAuthority('workforce:manage')")
    @Operation(summary = "结算某日（默认昨天）的遵从度与出勤符合度并送入报表（每日 00:15 自动结算；迟到的状态或改过的排班可重新结算）")
    Map<String, Integer> close(@RequestParam(required = false) LocalDate day) {
        LocalDate date = day == null ? forecasts.today().minusDays(1) : day;
        if (!date.isBefore(forecasts.today())) {
            throw DomainException.invalid("只能结算已经过去的日子");
        }
        return Map.of("agents", daily.close(date).size());
    }
}
