package org.openhotline.callcenter.internal.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.openhotline.callcenter.CallerBlacklisted;
import org.openhotline.callcenter.internal.acd.RoutingStrategy;
import org.openhotline.callcenter.internal.acd.SkillGroups;
import org.openhotline.callcenter.internal.agents.AgentRoster;
import org.openhotline.callcenter.internal.ivr.CallRouting;
import org.openhotline.callcenter.internal.ivr.IvrFlows;
import org.openhotline.identity.Role;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.crypto.PersonalData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
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

/** Configuration of the call center: skill groups, agents and skills, routing by number, blacklist, IVR flows. */
@RestController
@RequestMapping("/api/callcenter/admin")
@Tag(name = "呼叫中心配置")
class CallCenterAdminController {

    private final SkillGroups groups;
    private final AgentRoster roster;
    private final CallRouting routing;
    private final IvrFlows flows;
    private final CallCenterSetup setup;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final StaffDirectory staff;

    CallCenterAdminController(SkillGroups groups, AgentRoster roster, CallRouting routing, IvrFlows flows,
                              CallCenterSetup setup, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
                              StaffDirectory staff) {
        this.staff = staff;
        this.groups = groups;
        this.roster = roster;
        this.routing = routing;
        this.flows = flows;
        this.setup = setup;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/skill-groups")
    @PreAuthorize("hasAnyAuthority('call:admin', 'call:monitor')")
    List<SkillGroups.Row> skillGroups() {
        return groups.all();
    }

    record GroupForm(@NotBlank(message = "请填写编码") @Pattern(regexp = "[a-z0-9-]{2,30}", message = "编码为 2 到 30 位小写字母、数字或短横线") String code,
                     @NotBlank(message = "请填写名称") @Size(max = 50, message = "名称最长 50 个字") String name,
                     @NotNull(message = "请选择分配策略") RoutingStrategy strategy,
                     Long overflowGroupId, @Min(value = 5, message = "溢出等待至少 5 秒") Integer overflowAfterS,
                     @NotNull @Min(value = 5, message = "振铃超时 5 到 120 秒") @Max(value = 120, message = "振铃超时 5 到 120 秒") Integer ringTimeoutS,
                     @NotNull @Min(value = 10, message = "最长排队 10 到 3600 秒") @Max(value = 3600, message = "最长排队 10 到 3600 秒") Integer maxWaitS,
                     @NotNull @Min(value = 0, message = "整理时长 0 到 600 秒") @Max(value = 600, message = "整理时长 0 到 600 秒") Integer afterCallWorkS,
                     Boolean enabled, Integer version,
                     @Min(value = 5, message = "排队播报间隔 5 到 600 秒") @Max(value = 600, message = "排队播报间隔 5 到 600 秒") Integer announceIntervalS,
                     @Min(value = 0, message = "在线客服并发 0 到 10 个") @Max(value = 10, message = "在线客服并发 0 到 10 个") Integer chatCapacity,
                     @Min(value = 0, message = "通话中可同时接待的在线会话 0 到 10 个") @Max(value = 10, message = "通话中可同时接待的在线会话 0 到 10 个") Integer chatsWithCall) {
        SkillGroups.Row row(long id) {
            int capacity = chatCapacity == null ? org.openhotline.callcenter.internal.acd.SkillGroup.DEFAULT_CHAT_CAPACITY : chatCapacity;
            int withCall = chatsWithCall == null ? Math.min(capacity, org.openhotline.callcenter.internal.acd.SkillGroup.DEFAULT_CHATS_WITH_CALL) : chatsWithCall;
            if (withCall > capacity) {
                throw DomainException.invalid("通话中可同时接待的在线会话数不能超过在线客服并发数");
            }
            return new SkillGroups.Row(id, code, name, strategy, overflowGroupId, overflowAfterS, ringTimeoutS, maxWaitS,
                    afterCallWorkS, enabled == null || enabled, version == null ? 0 : version, announceIntervalS,
                    capacity, withCall);
        }
    }

    @PostMapping("/skill-groups")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('call:admin')")
    @Transactional
    SkillGroups.Row createGroup(@Valid @RequestBody GroupForm form) {
        if (groups.byCode(form.code()).isPresent()) {
            throw DomainException.conflict("技能组编码 " + form.code() + " 已存在");
        }
        checkOverflow(null, form.overflowGroupId());
        long id = groups.insert(form.row(0));
        setup.reload();
        return groups.find(id).orElseThrow();
    }

    @PutMapping("/skill-groups/{id}")
    @PreAuthorize("hasAuthority('call:admin')")
    @Transactional
    SkillGroups.Row updateGroup(@PathVariable long id, @Valid @RequestBody GroupForm form) {
        groups.find(id).orElseThrow(() -> DomainException.notFound("技能组不存在"));
        checkOverflow(id, form.overflowGroupId());
        groups.update(form.row(id));
        setup.reload();
        return groups.find(id).orElseThrow();
    }

    private void checkOverflow(Long id, Long overflowGroupId) {
        if (overflowGroupId == null) {
            return;
        }
        if (overflowGroupId.equals(id)) {
            throw DomainException.invalid("技能组不能溢出到自己");
        }
        groups.find(overflowGroupId).orElseThrow(() -> DomainException.invalid("溢出技能组不存在"));
    }

    record AgentView(long accountId, String name, String username, String agentNo, String extension, boolean enabled,
                     Map<Long, Integer> skills) {}

    @GetMapping("/agents")
    @PreAuthorize("hasAnyAuthority('call:admin', 'call:monitor')")
    List<AgentView> agents() {
        var agents = roster.all();
        var names = staff.byIds(agents.stream().map(AgentRoster.Agent::accountId).toList()).stream()
                .collect(java.util.stream.Collectors.toMap(StaffDirectory.Staff::accountId, s -> s));
        return agents.stream().map(a -> {
            var s = names.get(a.accountId());
            return new AgentView(a.accountId(), s == null ? "" : s.displayName(), s == null ? "" : s.username(),
                    a.agentNo(), a.extension(), a.enabled(), a.skills());
        }).toList();
    }

    record Candidate(long accountId, String name, String username, String agentNo) {}

    @GetMapping("/agent-candidates")
    @PreAuthorize("hasAuthority('call:admin')")
    @Operation(summary = "可配置为坐席的人员（话务员、班长、回访员中尚未配置工号的）")
    List<Candidate> candidates() {
        var existing = roster.all().stream().map(AgentRoster.Agent::accountId).collect(java.util.stream.Collectors.toSet());
        return java.util.stream.Stream.of(Role.AGENT, Role.TEAM_LEADER, Role.CALLBACK_AGENT)
                .flatMap(r -> staff.withRole(r).stream()).filter(s -> !existing.contains(s.accountId())).distinct()
                .map(s -> new Candidate(s.accountId(), s.displayName(), s.username(), s.agentNo())).toList();
    }

    record AgentForm(@NotBlank(message = "请填写工号") @Size(max = 20, message = "工号最长 20 位") String agentNo,
                     @NotBlank(message = "请填写分机号") @Size(max = 20, message = "分机号最长 20 位") String extension,
                     @Size(max = 64, message = "SIP 密码最长 64 位") String sipPassword, Boolean enabled, @NotNull(message = "请设置技能") Map<Long, Integer> skills) {}

    @PutMapping("/agents/{accountId}")
    @PreAuthorize("hasAuthority('call:admin')")
    @Transactional
    AgentView saveAgent(@PathVariable long accountId, @Valid @RequestBody AgentForm form) {
        var person = staff.byId(accountId).orElseThrow(() -> DomainException.invalid("账号不存在"));
        form.skills().forEach((group, level) -> {
            groups.find(group).orElseThrow(() -> DomainException.invalid("技能组 " + group + " 不存在"));
            if (level == null || level < 1 || level > 5) {
                throw DomainException.invalid("技能等级须在 1 到 5 之间");
            }
        });
        roster.save(accountId, form.agentNo().trim(), form.extension().trim(), form.enabled() == null || form.enabled(), form.skills());
        if (form.sipPassword() != null && !form.sipPassword().isBlank()) {
            roster.setSipPassword(accountId, form.sipPassword());
        }
        setup.reload();
        var a = roster.find(accountId).orElseThrow();
        return new AgentView(a.accountId(), person.displayName(), person.username(), a.agentNo(), a.extension(),
                a.enabled(), a.skills());
    }

    @GetMapping("/routing-rules")
    @PreAuthorize("hasAuthority('call:admin')")
    List<CallRouting.Rule> rules() {
        return routing.all();
    }

    record RuleForm(@Size(max = 30, message = "被叫号码最长 30 位") String calledNumber,
                    @Size(max = 30, message = "主叫号段最长 30 位") String callerPrefix,
                    @NotNull(message = "请选择技能组") Long groupId, Integer priority,
                    @Size(max = 100, message = "备注最长 100 个字") String note) {}

    @PostMapping("/routing-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('call:admin')")
    Map<String, Long> addRule(@Valid @RequestBody RuleForm form) {
        return Map.of("id", routing.add(form.calledNumber(), form.callerPrefix(), form.groupId(),
                form.priority() == null ? 0 : form.priority(), form.note()));
    }

    @DeleteMapping("/routing-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('call:admin')")
    void removeRule(@PathVariable long id) {
        routing.remove(id);
    }

    record BlacklistEntry(long id, String number, String reason, OffsetDateTime expiresAt, String createdBy, OffsetDateTime createdAt) {}

    @GetMapping("/blacklist")
    @PreAuthorize("hasAnyAuthority('call:admin', 'call:monitor')")
    List<BlacklistEntry> blacklist() {
        return jdbc.sql("select id, number, reason, expires_at, created_by, created_at from cc_blacklist order by id desc")
                .query((rs, n) -> new BlacklistEntry(rs.getLong("id"), PersonalData.open(rs.getString("number")), rs.getString("reason"),
                        rs.getObject("expires_at", OffsetDateTime.class), rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class))).list();
    }

    record BlacklistForm(@NotBlank(message = "请填写号码") @Pattern(regexp = "[0-9+]{3,20}", message = "号码格式不正确") String number,
                         @NotBlank(message = "请填写拉黑原因") @Size(max = 200, message = "拉黑原因最长 200 个字") String reason,
                         OffsetDateTime expiresAt) {}

    @PostMapping("/blacklist")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('call:admin', 'call:agent')")
    @Operation(summary = "加入黑名单（坐席可将当前来电拉黑，须填原因，可设到期时间）")
    @Transactional
    Map<String, Long> addToBlacklist(@Valid @RequestBody BlacklistForm form) {
        if (form.expiresAt() != null && form.expiresAt().isBefore(OffsetDateTime.now(clock))) {
            throw DomainException.invalid("到期时间不能早于现在");
        }
        long id = jdbc.sql("""
                        insert into cc_blacklist (number, number_index, reason, expires_at, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(PersonalData.seal(form.number()), PersonalData.phoneIndex(form.number()), form.reason(), form.expiresAt(), Callers.required().username(), OffsetDateTime.now(clock))
                .query(Long.class).single();
        events.publishEvent(CallerBlacklisted.of(form.number(), true, form.reason()));
        return Map.of("id", id);
    }

    @DeleteMapping("/blacklist/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('call:admin')")
    @Transactional
    void removeFromBlacklist(@PathVariable long id) {
        String number = jdbc.sql("delete from cc_blacklist where id = ? returning number").param(id).query(String.class)
                .optional().map(PersonalData::open).orElseThrow(() -> DomainException.notFound("黑名单记录不存在"));
        events.publishEvent(CallerBlacklisted.of(number, false, null));
    }

    @GetMapping("/ivr-flows")
    @PreAuthorize("hasAuthority('call:admin')")
    List<IvrFlows.StoredFlow> ivrFlows() {
        return flows.all();
    }

    record FlowForm(@NotBlank(message = "请填写流程 JSON") @Size(max = 200_000, message = "流程 JSON 最长 200000 个字符") String definition,
                    Integer version) {}

    @PutMapping("/ivr-flows/{id}")
    @PreAuthorize("hasAuthority('call:admin')")
    @Operation(summary = "保存 IVR 流程（引擎解析校验通过才保存；带 version 为修改，不带为新建）")
    IvrFlows.StoredFlow saveFlow(@PathVariable String id, @Valid @RequestBody FlowForm form) {
        flows.save(id, form.definition(), form.version(), Callers.required().username());
        return flows.stored(id).orElseThrow();
    }

    @GetMapping("/numbers")
    @PreAuthorize("hasAuthority('call:admin')")
    @Operation(summary = "各号码绑定的 IVR 流程")
    List<IvrFlows.NumberFlow> numbers() {
        return flows.numbers();
    }

    record NumberForm(@NotBlank(message = "请选择流程") @Size(max = 50, message = "流程编号最长 50 位") String flowId) {}

    @PutMapping("/numbers/{number}/flow")
    @PreAuthorize("hasAuthority('call:admin')")
    Map<String, String> assignNumber(@PathVariable String number, @Valid @RequestBody NumberForm form) {
        flows.stored(form.flowId()).orElseThrow(() -> DomainException.invalid("流程不存在"));
        flows.assignNumber(number, form.flowId());
        return Map.of("number", number, "flowId", form.flowId());
    }
}
