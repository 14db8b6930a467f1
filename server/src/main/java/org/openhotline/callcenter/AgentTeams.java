package org.openhotline.callcenter;

import java.util.Map;
import java.util.Set;
import org.openhotline.callcenter.internal.teams.Teams;
import org.springframework.stereotype.Component;

/**
 * Which team each agent belongs to and which teams a team leader leads, for other modules' team views (workforce's
 * adherence wall, training's coverage per team). Read from the call center's in-memory team membership.
 */
@Component
public class AgentTeams {

    private final Teams teams;

    AgentTeams(Teams teams) {
        this.teams = teams;
    }

    /** Agent account id → team id, for agents in a team. */
    public Map<Long, Long> teamOfAgent() {
        return teams.membership().teamOfAgent();
    }

    public Map<Long, String> teamNames() {
        return teams.membership().names();
    }

    /** The teams whose leader is {@code accountId} (empty for everyone else). */
    public Set<Long> teamsLedBy(long accountId) {
        return teams.membership().ledBy().getOrDefault(accountId, Set.of());
    }

    /** Whether team leaders are limited to the agents of the teams they lead (the call center's team policy). */
    public boolean leadersLimited() {
        return teams.leadersLimited();
    }
}
