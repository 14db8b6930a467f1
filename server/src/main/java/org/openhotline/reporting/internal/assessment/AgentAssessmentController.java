package org.openhotline.reporting.internal.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.Callers;
import org.openhotline.shared.ExcelSheets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 话务员考核: the month's assessment of every agent (hotline centre), the agent's own, its Excel, the adjustments. */
@RestController
@Tag(name = "统计分析", description = "KPI 指标（口径见 rpt_kpi）与每个数字背后的记录")
class AgentAssessmentController {

    private final AgentAssessment assessment;
    private final Adjustments adjustments;

    AgentAssessmentController(AgentAssessment assessment, Adjustments adjustments) {
        this.assessment = assessment;
        this.adjustments = adjustments;
    }

    @GetMapping("/api/reports/agent-assessment")
    @PreAuthorize("hasAuthority('report:read')")
    @Operation(summary = "话务员考核：month=年-月，scheme 方案版本（省略为最新），team 只看该班组（当月所在时间最长的班组）；每位话务员各指标的值与得分、投诉扣分、表扬加分、总分，技能组、班组与中心合计")
    AgentAssessment.Report all(@RequestParam(required = false) String month,
                               @RequestParam(required = false) Integer scheme,
                               @RequestParam(required = false) Long team) {
        return assessment.all(Callers.required(), month, scheme, team);
    }

    @GetMapping("/api/reports/agent-assessment/me")
    @PreAuthorize("hasAuthority('call:agent')")
    @Operation(summary = "我的考核（话务员本人），month=年-月")
    AgentAssessment.Report own(@RequestParam(required = false) String month) {
        return assessment.own(Callers.required(), month);
    }

    @GetMapping("/api/reports/agent-assessment/export")
    @PreAuthorize("hasAuthority('report:read')")
    @Operation(summary = "导出话务员考核 Excel（与页面同一口径、同一数字）")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String month,
                                  @RequestParam(required = false) Integer scheme,
                                  @RequestParam(required = false) Long team) {
        var report = assessment.all(Callers.required(), month, scheme, team);
        List<String> headers = new ArrayList<>(List.of("话务员", "工号", "技能组", "班组"));
        if (!report.agents().isEmpty()) {
            for (var i : report.agents().getFirst().items()) {
                headers.add(i.name() + (i.shared() ? "（中心）" : ""));
                headers.add(i.name() + "得分");
            }
        }
        headers.addAll(List.of("有理由投诉", "领导或媒体投诉", "投诉项得分", "表扬", "锦旗", "加分", "总分"));
        List<List<?>> rows = new ArrayList<>();
        for (var a : report.agents()) {
            List<Object> row = new ArrayList<>(List.of(a.name(), a.agentNo() == null ? "" : a.agentNo(), a.groupLabel(),
                    a.teamName() == null ? "" : a.teamName()));
            for (var i : a.items()) {
                row.add(i.value() == null ? "" : i.value());
                row.add(i.score());
            }
            row.addAll(List.of(a.complaints(), a.escalated(), a.complaintScore(), a.praises(), a.banners(), a.bonus(), a.total()));
            rows.add(row);
        }
        for (var g : report.groups()) {
            rows.add(List.of(g.label() + " 平均", "", g.agents() + " 人", "", g.average() == null ? "" : g.average()));
        }
        for (var t : report.teams()) {
            rows.add(List.of(t.label() + " 平均", "", "", t.agents() + " 人", t.average() == null ? "" : t.average()));
        }
        if (report.centre() != null && report.centre().average() != null) {
            rows.add(List.of("中心合计 平均", "", report.centre().agents() + " 人", "", report.centre().average()));
        }
        rows.add(List.of("考核方案第 " + report.scheme().version() + " 版", report.month()));
        byte[] xlsx = ExcelSheets.write("话务员考核", headers, rows);
        return ExcelSheets.download("话务员考核_" + report.month() + "_方案v" + report.scheme().version() + ".xlsx", xlsx);
    }

    @GetMapping("/api/reports/agent-adjustments")
    @PreAuthorize("hasAnyAuthority('report:read', 'qc:inspect', 'business:config')")
    @Operation(summary = "话务员的有理由投诉、表扬、锦旗记录（month=年-月，agentId 可选）")
    List<Adjustments.View> adjustments(@RequestParam(required = false) String month,
                                       @RequestParam(required = false) Long agentId) {
        return adjustments.list(month, agentId);
    }

    @PostMapping("/api/reports/agent-adjustments")
    @PreAuthorize("hasAnyAuthority('qc:inspect', 'business:config')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "录入有理由投诉（COMPLAINT、COMPLAINT_ESCALATED）或表扬（PRAISE）、锦旗（BANNER）；记入审计日志")
    Map<String, Long> add(@RequestBody Adjustments.Form form) {
        return Map.of("id", adjustments.add(form, Callers.required()));
    }

    @DeleteMapping("/api/reports/agent-adjustments/{id}")
    @PreAuthorize("hasAnyAuthority('qc:inspect', 'business:config')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除一条投诉或表扬记录；记入审计日志")
    void remove(@PathVariable long id) {
        adjustments.remove(id);
    }
}
