package org.openhotline.workorder.internal.appeals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.calendar.LimitUnit;
import org.openhotline.calendar.TimeLimit;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.PageResult;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.WorkOrderEvents.AppealDecided;
import org.openhotline.workorder.WorkOrderEvents.AppealEscalated;
import org.openhotline.workorder.WorkOrderEvents.AppealSubmitted;
import org.openhotline.workorder.internal.model.Assignment;
import org.openhotline.workorder.internal.model.OrderAccess;
import org.openhotline.workorder.internal.model.OrderSteps;
import org.openhotline.workorder.internal.settings.WorkOrderSettings;
import org.openhotline.workorder.internal.values.Actor;
import org.openhotline.workorder.internal.values.Satisfaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 工单申诉: the unit submits, the supervisor reviews, the manager decides what is escalated; the three queues. */
@RestController
@RequestMapping("/api/work-orders")
@Tag(name = "工单申诉", description = "承办单位对不满意回访、非本单位职责超期、热线原因超时签收提出申诉；督办专员审核，主管决定")
class AppealController {

    private final OrderSteps steps;
    private final OrderAccess access;
    private final Appeals appeals;
    private final AppealJudgments judgments;
    private final BusinessCalendar calendar;
    private final WorkOrderSettings settings;
    private final JdbcClient jdbc;

    AppealController(OrderSteps steps, OrderAccess access, Appeals appeals, AppealJudgments judgments,
                     BusinessCalendar calendar, WorkOrderSettings settings, JdbcClient jdbc) {
        this.steps = steps;
        this.access = access;
        this.appeals = appeals;
        this.judgments = judgments;
        this.calendar = calendar;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @PostMapping("/{id}/appeals")
    @PreAuthorize("hasAuthority('workorder:handle')")
    @Operation(summary = "承办单位提出申诉：assignmentId 本单位任务，kind=DISSATISFIED_CALLBACK|MISDIRECTED|LATE_SIGN，reason，attachmentIds（本工单附件）")
    Map<String, Object> submit(@PathVariable long id, @Valid @RequestBody SubmitForm form) {
        StaffPrincipal who = Callers.required();
        List<Long> attachments = form.attachmentIds() == null ? List.of() : form.attachmentIds().stream().distinct().toList();
        Appeal[] made = new Appeal[1];
        steps.runUnversioned(id, who, (o, now) -> {
            Assignment a = access.ownAssignment(o, form.assignmentId(), who);
            Instant judged = judgments.judgedAt(o.id(), a, form.kind(), now);
            int days = settings.appealWindowWorkingDays();
            Instant windowEnds = calendar.dueAt(judged, TimeLimit.of(days, LimitUnit.WORKING_DAYS));
            if (now.isAfter(windowEnds)) {
                throw DomainException.invalid("已超过申诉期限：须在判定后 " + days + " 个工作日内提出申诉")
                        .with("code", "appeal-window-closed").with("windowEndsAt", windowEnds.toString());
            }
            requireOwnAttachments(o.id(), attachments);
            Appeal p = new Appeal();
            p.workOrderId = o.id();
            p.assignmentId = a.id();
            p.unitId = a.unitId();
            p.unitPath = a.unitPath();
            p.unitName = a.unitName();
            p.kind = form.kind();
            p.reason = form.reason().strip();
            p.attachmentIds = attachments;
            p.judgedAt = judged;
            p.windowEndsAt = windowEnds;
            p.submittedBy = who.username();
            p.submittedName = who.displayName();
            p.submittedAt = now;
            appeals.insert(p);
            o.annotate(Actor.of(who), now, "appeal-submitted", a.unitName() + "提出申诉（" + p.kind.label() + "）：" + p.reason,
                    Map.of("appealId", p.id, "kind", p.kind.name(), "kpiCode", p.kind.kpiCode()),
                    new AppealSubmitted(o.id(), p.id, p.unitId, p.kind.name(), p.kind.kpiCode(), now));
            made[0] = p;
        });
        return Map.of("id", made[0].id, "state", made[0].state.name(), "windowEndsAt", made[0].windowEndsAt.toString());
    }

    @GetMapping("/appeals")
    @PreAuthorize("hasAnyAuthority('workorder:handle', 'workorder:supervise', 'business:config')")
    @Operation(summary = "申诉列表：box=MINE 我的申诉（本单位）/ REVIEW 申诉审核（待审核）/ ESCALATED 主管决定 / ALL 全部（督办、主管）；workOrderId 只看一张工单")
    PageResult<Map<String, Object>> list(@RequestParam(defaultValue = "MINE") String box,
                                         @RequestParam(required = false) Long workOrderId,
                                         @RequestParam(defaultValue = "1") int page,
                                         @RequestParam(defaultValue = "20") int size) {
        StaffPrincipal who = Callers.required();
        int p = Math.max(page, 1);
        int s = PageResult.clampSize(size);
        return switch (box.strip().toUpperCase()) {
            case "MINE" -> {
                require(who, "workorder:handle");
                yield appeals.page(who.orgPath(), null, null, workOrderId, p, s);
            }
            case "REVIEW" -> {
                require(who, "workorder:supervise");
                yield appeals.page(null, who.orgPath(), List.of("PENDING"), workOrderId, p, s);
            }
            case "ESCALATED" -> {
                require(who, "business:config");
                yield appeals.page(null, who.orgPath(), List.of("ESCALATED"), workOrderId, p, s);
            }
            case "ALL" -> {
                if (!who.can("workorder:supervise") && !who.can("business:config")) {
                    throw DomainException.forbidden("只有督办专员和业务主管可以查看全部申诉");
                }
                yield appeals.page(null, who.orgPath(), null, workOrderId, p, s);
            }
            default -> throw DomainException.badRequest("box 只能是 MINE、REVIEW、ESCALATED 或 ALL");
        };
    }

    @PostMapping("/appeals/{appealId}/review")
    @PreAuthorize("hasAuthority('workorder:supervise')")
    @Operation(summary = "督办专员审核申诉：decision=UPHOLD 成立 / REJECT 驳回 / ESCALATE 提交主管；note 审核意见；regrade（不满意回访申诉成立时可选）改判为 SATISFIED|BASICALLY_SATISFIED；version 申诉版本")
    Map<String, Object> review(@PathVariable long appealId, @Valid @RequestBody ReviewForm form) {
        StaffPrincipal who = Callers.required();
        return act(appealId, form.version(), who, (p, actor, now) -> p.review(form.decision(), clean(form.note()), form.regrade(), actor, now));
    }

    @PostMapping("/appeals/{appealId}/decision")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "业务主管决定已提交主管的申诉：upheld 是否成立，note 理由，regrade（可选）改判回访结果，version 申诉版本")
    Map<String, Object> decide(@PathVariable long appealId, @Valid @RequestBody DecisionForm form) {
        StaffPrincipal who = Callers.required();
        return act(appealId, form.version(), who, (p, actor, now) -> p.decideEscalated(form.upheld(), clean(form.note()), form.regrade(), actor, now));
    }

    @GetMapping("/appeals/settings")
    @PreAuthorize("hasAnyAuthority('business:config', 'workorder:handle', 'workorder:supervise')")
    @Operation(summary = "申诉期限（判定后几个工作日内可申诉）")
    Map<String, Object> appealSettings() {
        return Map.of("windowWorkingDays", settings.appealWindowWorkingDays());
    }

    @PutMapping("/appeals/settings")
    @PreAuthorize("hasAuthority('business:config')")
    @Transactional
    @Operation(summary = "修改申诉期限（1–30 个工作日）")
    Map<String, Object> saveAppealSettings(@Valid @RequestBody SettingsForm form) {
        settings.saveAppealWindow(form.windowWorkingDays(), Callers.required().username());
        return appealSettings();
    }

    private interface AppealStep {
        void apply(Appeal appeal, Actor actor, Instant now);
    }

    /** Loads the appeal, runs the step on its order (scope, timeline, event) and stores it with its version. */
    private Map<String, Object> act(long appealId, Integer version, StaffPrincipal who, AppealStep step) {
        if (version == null) {
            throw DomainException.badRequest("缺少版本号（version）：请刷新申诉后重试").with("code", "missing-version");
        }
        Appeal p = appeals.load(appealId);
        steps.runUnversioned(p.workOrderId, who, (o, now) -> {
            Appeal fresh = appeals.load(appealId);
            if (fresh.version != version) {
                throw DomainException.conflict("该申诉已被他人处理，请刷新后重试").with("code", "stale-version");
            }
            Actor actor = Actor.of(who);
            step.apply(fresh, actor, now);
            appeals.update(fresh, version);
            if (fresh.state == Appeal.State.ESCALATED) {
                o.annotate(actor, now, "appeal-escalated", fresh.unitName + "的申诉提交主管决定" + suffix(fresh.reviewNote),
                        Map.of("appealId", fresh.id), new AppealEscalated(o.id(), fresh.id, now));
            } else {
                boolean upheld = fresh.state == Appeal.State.UPHELD;
                String outcome = !upheld ? "驳回"
                        : fresh.regrade != null ? "成立，回访结果改判为“" + fresh.regrade.label() + "”"
                        : "成立，不计入相关考核指标";
                Map<String, Object> data = new java.util.HashMap<>(Map.of("appealId", fresh.id, "kpiCode", fresh.kind.kpiCode()));
                if (fresh.regrade != null) {
                    data.put("regrade", fresh.regrade.name());
                }
                o.annotate(actor, now, upheld ? "appeal-upheld" : "appeal-rejected",
                        fresh.unitName + "的申诉（" + fresh.kind.label() + "）" + outcome + suffix(fresh.decisionNote), data,
                        new AppealDecided(o.id(), fresh.id, fresh.unitId, fresh.kind.name(), fresh.kind.kpiCode(), upheld,
                                fresh.decisionNote, who.username(), now,
                                fresh.regrade == null ? null : fresh.regrade.name()));
            }
            p.state = fresh.state;
            p.version = fresh.version;
        });
        return Map.of("id", p.id, "state", p.state.name(), "stateLabel", p.state.label, "version", p.version);
    }

    private void requireOwnAttachments(long orderId, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        long found = jdbc.sql("select count(*) from wo_attachment where work_order_id = :order and id in (:ids)")
                .param("order", orderId).param("ids", ids).query(Long.class).single();
        if (found != ids.size()) {
            throw DomainException.invalid("附件须先上传到本工单（工单附件）");
        }
    }

    private static void require(StaffPrincipal who, String permission) {
        if (!who.can(permission)) {
            throw DomainException.forbidden("没有查看该申诉列表的权限");
        }
    }

    private static String clean(String note) {
        return note == null ? null : note.strip();
    }

    private static String suffix(String note) {
        return note == null || note.isBlank() ? "" : "：" + note;
    }

    record SubmitForm(@NotNull(message = "请选择本单位的承办任务") Long assignmentId,
                      @NotNull(message = "请选择申诉类型") AppealKind kind,
                      @NotBlank(message = "请填写申诉理由") @Size(max = 2000, message = "申诉理由最长 2000 个字") String reason,
                      @Size(max = 20, message = "附件最多 20 个") List<Long> attachmentIds) {}

    record ReviewForm(@NotNull(message = "请选择审核结果") Appeal.Decision decision,
                      @Size(max = 2000, message = "审核意见最长 2000 个字") String note, Satisfaction regrade,
                      Integer version) {}

    record DecisionForm(@NotNull(message = "请选择是否成立") Boolean upheld,
                        @Size(max = 2000, message = "理由最长 2000 个字") String note, Satisfaction regrade,
                        Integer version) {}

    record SettingsForm(@NotNull(message = "请填写申诉期限") Integer windowWorkingDays) {}
}
