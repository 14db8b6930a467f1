package org.openhotline.workforce.internal;

import java.util.HashSet;
import java.util.Set;
import org.openhotline.callcenter.AgentTeams;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.stereotype.Component;

/**
 * A team leader's data scope in workforce (排班, 请假换班审批, 现场管理): the agents of the teams it leads — nobody when
 * it leads none — as long as the call center's team policy limits leaders to their teams (the default; the same policy
 * the seat wall follows). Whoever holds {@code workforce:manage} sees every agent ({@code null}: no limit).
 */
@Component
public class TeamScope {

    private final AgentTeams teams;

    TeamScope(AgentTeams teams) {
        this.teams = teams;
    }

    /** The agents {@code me} may see and decide for, or null when it may see all. */
    public Set<Long> agentsOf(StaffPrincipal me) {
        if (me.can("workforce:manage") || !teams.leadersLimited()) {
            return null;
        }
        Set<Long> led = teams.teamsLedBy(me.accountId());
        Set<Long> agents = new HashSet<>();
        teams.teamOfAgent().forEach((agent, team) -> {
            if (led.contains(team)) {
                agents.add(agent);
            }
        });
        return agents;
    }

    /** Refuses (403) unless {@code me} may act for {@code agentId}. */
    public void mustCover(StaffPrincipal me, long agentId) {
        Set<Long> agents = agentsOf(me);
        if (agents != null && !agents.contains(agentId)) {
            throw DomainException.forbidden("只能处理本班组坐席的排班与申请");
        }
    }
}
