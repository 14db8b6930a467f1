package org.openhotline.callcenter.internal.teams;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.openhotline.callcenter.TeamChanged;
import org.openhotline.identity.Role;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.shared.MenuEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 班组管理: teams, their leaders and members, and whether leaders are limited to their teams. The structure is the
 * system administrator's ({@code org:manage}); supervisors and call-center managers read it for their screens.
 */
@RestController
@RequestMapping("/api/callcenter/teams")
@Tag(name = "班组")
class TeamController implements MenuEntry.Contribution {

    private final Teams teams;
    private final ApplicationEventPublisher events;
    private final StaffDirectory staff;
    private final java.time.Clock clock;

    TeamController(Teams teams, ApplicationEventPublisher events, StaffDirectory staff, java.time.Clock clock) {
        this.teams = teams;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry("系统管理", "teams", "班组管理", "/admin/teams", "org:manage", 903));
    }

    record TeamForm(@Size(max = Team.MAX_NAME, message = "班组名称不超过 30 个字") String name, Long leaderId,
                    Integer version) {}

    record MembersForm(@NotNull(message = "请选择成员") @Size(max = 500, message = "一个班组最多 500 人") List<Long> members) {}

    record Policy(boolean leadersLimited) {}

    @GetMapping
    @PreAuthorize("hasAnyAuthority('org:manage', 'call:monitor', 'call:admin', 'report:read')")
    @Operation(summary = "班组列表（含班长和成员）")
    List<Team> list() {
        return teams.all();
    }

    record Person(long accountId, String name, String agentNo, Long teamId) {}

    record Candidates(List<Person> agents, List<Person> leaders) {}

    @GetMapping("/candidates")
    @PreAuthorize("hasAuthority('org:manage')")
    @Operation(summary = "可加入班组的坐席（已配置工号）和可任班长的账号（班长角色）")
    Candidates candidates() {
        var agents = teams.agents();
        var names = staff.byIds(agents.stream().map(Person::accountId).toList()).stream()
                .collect(java.util.stream.Collectors.toMap(StaffDirectory.Staff::accountId, StaffDirectory.Staff::displayName));
        return new Candidates(agents.stream().map(p -> new Person(p.accountId(), names.getOrDefault(p.accountId(), p.agentNo()),
                        p.agentNo(), p.teamId())).toList(),
                staff.withRole(Role.TEAM_LEADER).stream().map(s -> new Person(s.accountId(), s.displayName(), s.agentNo(), null))
                        .toList());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('org:manage')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建班组")
    @Transactional
    Team create(@Valid @RequestBody TeamForm form) {
        long id = teams.insert(Team.checkedName(form.name()), form.leaderId());
        return published(id, "created");
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('org:manage')")
    @Operation(summary = "修改班组名称和班长（version 乐观锁）")
    @Transactional
    Team update(@PathVariable long id, @Valid @RequestBody TeamForm form) {
        Team t = teams.get(id);
        teams.update(id, Team.checkedName(form.name()), form.leaderId(), form.version() == null ? t.version() : form.version());
        return published(id, "edited");
    }

    @PutMapping("/{id}/members")
    @PreAuthorize("hasAuthority('org:manage')")
    @Operation(summary = "设置班组成员（成员离开原班组）")
    @Transactional
    Team members(@PathVariable long id, @Valid @RequestBody MembersForm form) {
        teams.get(id);
        List<Long> losing = teams.teamsOf(form.members(), id);
        teams.setMembers(id, form.members());
        losing.forEach(other -> published(other, "members-changed"));
        return published(id, "members-changed");
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('org:manage')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除班组（成员不再属于任何班组）")
    @Transactional
    void delete(@PathVariable long id) {
        Team t = teams.get(id);
        teams.delete(id);
        events.publishEvent(new TeamChanged(id, t.name(), null, List.of(), "deleted", clock.instant(), TeamChanged.FINAL));
    }

    @GetMapping("/policy")
    @PreAuthorize("hasAnyAuthority('org:manage', 'call:monitor', 'call:admin')")
    Policy policy() {
        return new Policy(teams.leadersLimited());
    }

    @PutMapping("/policy")
    @PreAuthorize("hasAuthority('org:manage')")
    @Operation(summary = "班长的监控权限是否只限本班组（默认是）")
    @Transactional
    Policy setPolicy(@RequestBody Policy policy) {
        teams.setLeadersLimited(policy.leadersLimited());
        events.publishEvent(new org.openhotline.shared.AuditableEvent() {
            @Override
            public String action() {
                return "callcenter.team.policy";
            }

            @Override
            public String target() {
                return "team-policy";
            }

            @Override
            public Map<String, Object> details() {
                return Map.of("leadersLimited", policy.leadersLimited());
            }
        });
        return policy();
    }

    private Team published(long id, String change) {
        Team t = teams.get(id);
        events.publishEvent(new TeamChanged(t.id(), t.name(), t.leaderId(), t.members(), change, clock.instant(), t.version()));
        return t;
    }
}
