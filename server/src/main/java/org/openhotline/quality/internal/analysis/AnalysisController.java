package org.openhotline.quality.internal.analysis;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.shared.ExcelSheets;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 质检分析 for the manager and the QC lead, with its Excel export. */
@RestController
@RequestMapping("/api/quality/analysis")
@Tag(name = "质检")
class AnalysisController {

    private final Analysis analysis;

    AnalysisController(Analysis analysis) {
        this.analysis = analysis;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('report:read', 'qc:lead')")
    @Operation(summary = "质检分析：按坐席/质检员/月份的平均分、一票否决、申诉与改分，以及最常失分的评分项")
    Analysis.Report report(@RequestParam String from, @RequestParam String to, @RequestParam(defaultValue = "agent") String by) {
        return analysis.of(from, to, by);
    }

    @GetMapping("/export")
    @PreAuthorize("hasAnyAuthority('report:read', 'qc:lead')")
    @Operation(summary = "导出质检分析（Excel）")
    ResponseEntity<byte[]> export(@RequestParam String from, @RequestParam String to, @RequestParam(defaultValue = "agent") String by) {
        Analysis.Report r = analysis.of(from, to, by);
        List<List<?>> rows = new ArrayList<>();
        r.groups().forEach(g -> rows.add(List.of(g.label(), g.results(), g.averageScore() == null ? "" : g.averageScore(), g.fatal(),
                g.appealed(), g.changed())));
        rows.add(List.of());
        rows.add(List.of("最常失分的评分项", "失分次数", "失分合计", "一票否决"));
        r.items().forEach(i -> rows.add(List.of(i.name(), i.lostCount(), i.lostPoints(), i.fatal())));
        return ExcelSheets.download("质检分析.xlsx", ExcelSheets.write("质检分析",
                List.of("分组", "质检数", "平均分", "一票否决", "申诉", "复核改分"), rows));
    }
}
