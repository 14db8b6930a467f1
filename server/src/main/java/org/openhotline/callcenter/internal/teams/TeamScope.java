package org.openhotline.callcenter.internal.teams;

import java.util.Set;
import java.util.function.LongPredicate;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.stereotype.Component;

/**
 * Which agents a supervisor may watch and act on. A team leader (班长) limited by the policy reaches the agents of
 * the teams it leads and the agents not yet in any team (a new agent must not be out of every leader's reach), but
 * no agent of another team; call-center managers ({@code call:admin}) and supervisors without the team-leader role
 * reach everyone, and so does everybody when the policy is off.
 */
@Component
public class TeamScope {

    private final Teams teams;

    TeamScope(Teams teams) {
        this.teams = teams;
    }

    /** The agents {@code who} may supervise, judged against the current membership at each call. */
    public LongPredicate agentsOf(StaffPrincipal who) {
        if (!limits(who)) {
            return id -> true;
        }
        long leader = who.accountId();
        return id -> {
            Teams.Membership m = teams.membership();
            Long team = m.teamOfAgent().get(id);
            return team == null || m.ledBy().getOrDefault(leader, Set.of()).contains(team);
        };
    }

    /** Refuses with 403 when {@code agentAccountId} is outside {@code who}'s teams. */
    public void check(StaffPrincipal who, long agentAccountId) {
        if (!agentsOf(who).test(agentAccountId)) {
            throw DomainException.forbidden("您只能监控和干预本班组的坐席");
        }
    }

    private boolean limits(StaffPrincipal who) {
        return who.hasRole("TEAM_LEADER") && !who.can("call:admin") && teams.leadersLimited();
    }
}
