package org.openhotline.operations.internal.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openhotline.operations.internal.inspection.InspectionReports;
import org.openhotline.shared.DomainException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Inspection reports: the kept daily and weekly reports, one generated now, a download. */
@RestController
@RequestMapping("/api/ops/reports")
@Tag(name = "巡检报告", description = "日常巡检报告与运行周报（.docx）")
class ReportController {

    private static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private final InspectionReports reports;

    ReportController(InspectionReports reports) {
        this.reports = reports;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ops:view')")
    @Operation(summary = "巡检报告列表（最近 100 份）")
    List<InspectionReports.Report> list() {
        return reports.list(100);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ops:manage')")
    @Operation(summary = "立即生成巡检报告（kind：DAILY 日常巡检，WEEKLY 上周运行周报）")
    InspectionReports.Report generate(@RequestParam(defaultValue = "DAILY") String kind) {
        return switch (kind) {
            case "DAILY" -> reports.daily();
            case "WEEKLY" -> reports.weekly();
            default -> throw DomainException.badRequest("报告类型只能是 DAILY（日常巡检）或 WEEKLY（运行周报）");
        };
    }

    @GetMapping("/{id}/download")
    @PreAuthorize("hasAuthority('ops:view')")
    @Operation(summary = "下载报告（.docx）")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        var file = reports.file(id);
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }
}
