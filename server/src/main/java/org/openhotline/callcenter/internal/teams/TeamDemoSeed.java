package org.openhotline.callcenter.internal.teams;

import java.util.List;
import org.openhotline.callcenter.TeamChanged;
import org.openhotline.identity.Role;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.shared.DemoSeed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo city's teams: 一班 and 二班 share the agents, 回访组 holds the callback agent. The demo city has one team
 * leader account, so it leads all three (the call-center tests and the tour rely on it supervising every demo agent).
 */
@Component
class TeamDemoSeed implements DemoSeed {

    private final Teams teams;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;

    TeamDemoSeed(Teams teams, StaffDirectory staff, ApplicationEventPublisher events) {
        this.teams = teams;
        this.staff = staff;
        this.events = events;
    }

    @Override
    public int order() {
        return 61;
    }

    @Override
    @Transactional
    public boolean seedIfEmpty(String demoPassword) {
        if (!teams.all().isEmpty()) {
            return false;
        }
        List<Long> agents = staff.withRole(Role.AGENT).stream().map(StaffDirectory.Staff::accountId).sorted().toList();
        Long leader = staff.withRole(Role.TEAM_LEADER).stream().map(StaffDirectory.Staff::accountId).findFirst().orElse(null);
        int half = (agents.size() + 1) / 2;
        seed("一班", leader, agents.subList(0, half));
        seed("二班", leader, agents.subList(half, agents.size()));
        seed("回访组", leader, staff.withRole(Role.CALLBACK_AGENT).stream().map(StaffDirectory.Staff::accountId).toList());
        return true;
    }

    private void seed(String name, Long leader, List<Long> members) {
        long id = teams.insert(name, leader);
        teams.setMembers(id, members);
        // the demo's teams are as old as its year of history: their agents' past calls count for them
        events.publishEvent(new TeamChanged(id, name, leader, List.copyOf(members), "created", java.time.Instant.EPOCH,
                teams.get(id).version()));
    }
}
