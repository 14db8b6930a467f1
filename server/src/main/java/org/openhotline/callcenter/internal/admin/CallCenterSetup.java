package org.openhotline.callcenter.internal.admin;

import java.time.Clock;
import java.util.Map;
import org.openhotline.callcenter.internal.acd.Acd;
import org.openhotline.callcenter.internal.acd.RoutingStrategy;
import org.openhotline.callcenter.internal.acd.SkillGroups;
import org.openhotline.callcenter.internal.agents.AgentRoster;
import org.openhotline.callcenter.internal.agents.AgentStateLog;
import org.openhotline.identity.Role;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.shared.DemoSeed;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads skill groups and agents into the ACD when the platform is ready (nobody is signed in after a start),
 * and seeds the demo call center: five skill groups, every demo agent with extension 80xx and skills.
 */
@Component
class CallCenterSetup implements DemoSeed {

    private final SkillGroups groups;
    private final AgentRoster roster;
    private final AgentStateLog stateLog;
    private final StaffDirectory staff;
    private final Acd acd;
    private final Clock clock;

    CallCenterSetup(SkillGroups groups, AgentRoster roster, AgentStateLog stateLog, StaffDirectory staff, Acd acd,
                    Clock clock) {
        this.groups = groups;
        this.roster = roster;
        this.stateLog = stateLog;
        this.staff = staff;
        this.acd = acd;
        this.clock = clock;
    }

    /** Early among the ready listeners: others (the chats reopened after a restart) rely on the loaded ACD. */
    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(50)
    void loadIntoAcd() {
        stateLog.closeAllOpen(clock.instant());
        reload();
    }

    /** Tells the ACD the current groups and agents (after start and after every admin change). */
    void reload() {
        groups.all().forEach(g -> acd.defineGroup(g.toAcd()));
        roster.all().forEach(a -> acd.defineAgent(a.accountId(), a.agentNo(), a.skills()));
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    @Transactional
    public boolean seedIfEmpty(String demoPassword) {
        if (!groups.all().isEmpty()) {
            return false;
        }
        long general = groups.insert(row("general", "综合咨询", RoutingStrategy.LONGEST_IDLE, null, null));
        long social = groups.insert(row("social", "社保医保公积金", RoutingStrategy.SKILL_LEVEL, general, 30));
        long housing = groups.insert(row("housing", "住房城建", RoutingStrategy.FEWEST_CALLS, general, 30));
        long complaint = groups.insert(row("complaint", "投诉举报", RoutingStrategy.SKILL_LEVEL, general, 45));
        long selfService = groups.insert(row("self-service", "工单进度查询", RoutingStrategy.ROUND_ROBIN, general, 20));
        long leaders = groups.insert(row("leaders", "班长（升级）", RoutingStrategy.LONGEST_IDLE, null, null));
        int i = 0;
        for (StaffDirectory.Staff agent : staff.withRole(Role.AGENT)) {
            i++;
            Map<Long, Integer> skills = switch (i % 3) {
                case 0 -> Map.of(general, 3, social, 5, selfService, 2);
                case 1 -> Map.of(general, 4, housing, 5, complaint, 3, selfService, 3);
                default -> Map.of(general, 5, complaint, 4, social, 2, selfService, 4);
            };
            save(agent, String.format("80%02d", i), skills, demoPassword);
        }
        for (StaffDirectory.Staff leader : staff.withRole(Role.TEAM_LEADER)) {
            save(leader, "8901", Map.of(leaders, 5, general, 5, complaint, 5), demoPassword);
        }
        for (StaffDirectory.Staff callback : staff.withRole(Role.CALLBACK_AGENT)) {
            if (roster.find(callback.accountId()).isEmpty()) {
                save(callback, "8801", Map.of(general, 2), demoPassword);
            }
        }
        return true;
    }

    private void save(StaffDirectory.Staff s, String extension, Map<Long, Integer> skills, String sipPassword) {
        String agentNo = s.agentNo() != null ? s.agentNo() : extension;
        roster.save(s.accountId(), agentNo, extension, true, skills);
        roster.setSipPassword(s.accountId(), sipPassword);
    }

    private static SkillGroups.Row row(String code, String name, RoutingStrategy strategy, Long overflowTo,
                                       Integer overflowAfter) {
        return new SkillGroups.Row(0, code, name, strategy, overflowTo, overflowAfter, 15, 180, 30, true, 0, 60);
    }
}
