package org.openhotline.quality.internal.inspections;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.openhotline.quality.internal.templates.ScoreSheet.Answer;
import org.openhotline.shared.Callers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inspections: the lists each role sees, the workbench's detail, and the steps — draft, submit (inspector), confirm,
 * appeal (agent), review (二次质检). Who may do which step is the inspection's own rule ({@link Inspection}).
 */
@RestController
@RequestMapping("/api/quality")
@Tag(name = "质检")
class InspectionController {

    record VersionForm(Integer version) {}

    record AppealForm(String reason, Integer version) {}

    /** {@code complaint}: null keeps the first finding of 有理由投诉, NONE withdraws it. */
    record ReviewForm(Map<String, Answer> answers, String reason, Integer version, String complaint) {}

    record Settings(int appealWorkingDays) {}

    private final Inspections inspections;
    private final InspectionViews views;

    InspectionController(Inspections inspections, InspectionViews views) {
        this.inspections = inspections;
        this.views = views;
    }

    @GetMapping("/inspections")
    @PreAuthorize("hasAnyAuthority('qc:inspect', 'qc:lead', 'call:agent', 'call:monitor')")
    @Operation(summary = "质检列表：scope=tasks 我的质检任务，mine 我的质检结果（坐席），team 本班组结果（班长），appeals 待二次质检的申诉")
    List<InspectionViews.Row> list(@RequestParam String scope, @RequestParam(required = false) String state) {
        return views.list(scope, state, Callers.required());
    }

    @GetMapping("/inspections/{id}")
    @PreAuthorize("hasAnyAuthority('qc:inspect', 'qc:lead', 'call:agent', 'call:monitor')")
    @Operation(summary = "质检详情：评分表、评语、通话、工单、智能质检标记、时间线")
    InspectionViews.Detail detail(@PathVariable long id) {
        return views.detail(id, Callers.required());
    }

    @PostMapping("/inspections/{id}/draft")
    @PreAuthorize("hasAuthority('qc:inspect')")
    @Operation(summary = "保存草稿")
    InspectionViews.Detail draft(@PathVariable long id, @RequestBody Inspections.ScoreForm form) {
        inspections.draft(id, form, Callers.required());
        return views.detail(id, Callers.required());
    }

    @PostMapping("/inspections/{id}/submit")
    @PreAuthorize("hasAuthority('qc:inspect')")
    @Operation(summary = "提交质检结果（一票否决项命中则总分为 0）；坐席可在申诉期限内确认或申诉")
    InspectionViews.Detail submit(@PathVariable long id, @RequestBody Inspections.ScoreForm form) {
        inspections.submit(id, form, Callers.required());
        return views.detail(id, Callers.required());
    }

    @PostMapping("/inspections/{id}/confirm")
    @PreAuthorize("hasAuthority('call:agent')")
    @Operation(summary = "坐席确认质检结果")
    InspectionViews.Detail confirm(@PathVariable long id, @RequestBody VersionForm form) {
        inspections.confirm(id, version(form.version()), Callers.required());
        return views.detail(id, Callers.required());
    }

    @PostMapping("/inspections/{id}/appeal")
    @PreAuthorize("hasAuthority('call:agent')")
    @Operation(summary = "坐席申诉（在提交后的 N 个工作日内）")
    InspectionViews.Detail appeal(@PathVariable long id, @RequestBody AppealForm form) {
        inspections.appeal(id, form.reason(), version(form.version()), Callers.required());
        return views.detail(id, Callers.required());
    }

    @PostMapping("/inspections/{id}/review")
    @PreAuthorize("hasAnyAuthority('qc:inspect', 'qc:lead')")
    @Operation(summary = "二次质检：维持或改分，须填写理由（不能由原质检员进行）")
    InspectionViews.Detail review(@PathVariable long id, @RequestBody ReviewForm form) {
        inspections.review(id, form.answers(), form.reason(), version(form.version()), form.complaint(), Callers.required());
        return views.detail(id, Callers.required());
    }

    @GetMapping("/settings")
    @PreAuthorize("hasAnyAuthority('qc:inspect', 'qc:lead', 'call:agent')")
    @Operation(summary = "质检设置（申诉期限，工作日）")
    Settings settings() {
        return new Settings(inspections.appealWorkingDays());
    }

    @PutMapping("/settings")
    @PreAuthorize("hasAuthority('qc:lead')")
    @Operation(summary = "修改申诉期限（工作日）")
    Settings saveSettings(@RequestBody Settings settings) {
        inspections.setAppealWorkingDays(settings.appealWorkingDays());
        return settings();
    }

    private static int version(Integer v) {
        if (v == null) {
            throw org.openhotline.shared.DomainException.badRequest("缺少版本号 version");
        }
        return v;
    }
}
