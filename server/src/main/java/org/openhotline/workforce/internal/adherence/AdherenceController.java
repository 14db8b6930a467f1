package org.openhotline.workforce.internal.adherence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.openhotline.callcenter.AgentTeams;
import org.openhotline.shared.Callers;
import org.openhotline.workforce.internal.forecast.CallForecasts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 现场管理: one day's adherence, live. A manager sees every agent; a team leader the agents of the teams it leads
 * (all agents when it leads none, e.g. a floor leader without a team).
 */
@RestController
@RequestMapping("/api/workforce/adherence")
@Tag(name = "排班")
class AdherenceController {

    private final Adherence adherence;
    private final AgentTeams teams;
    private final CallForecasts forecasts;

    AdherenceController(Adherence adherence, AgentTeams teams, CallForecasts forecasts) {
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
        Set<Long> only = null;
        Set<Long> led = teams.teamsLedBy(me.accountId());
        if (!me.can("workforce:manage") && !led.isEmpty()) {
            only = new HashSet<>();
            for (var e : teams.teamOfAgent().entrySet()) {
                if (led.contains(e.getValue()) && (teamId == null || teamId.equals(e.getValue()))) {
                    only.add(e.getKey());
                }
            }
        } else if (teamId != null) {
            only = new HashSet<>();
            for (var e : teams.teamOfAgent().entrySet()) {
                if (teamId.equals(e.getValue())) {
                    only.add(e.getKey());
                }
            }
        }
        return adherence.day(date, only);
    }
}
