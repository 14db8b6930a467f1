package org.openhotline.reporting.internal.periodic;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 分析报告: the kept periodic reports. Leaders (大屏 permission) read the published ones; the manager
 * ({@code business:config}) also sees drafts, generates a period on demand, writes the commentary and publishes.
 */
@RestController
@RequestMapping("/api/reports/periodic")
@Tag(name = "分析报告", description = "日报、周报、月报、年报（.docx）：按计划生成、保存、下载，业务主管撰写分析意见后发布")
class PeriodicReportController {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    record GenerateForm(@NotNull(message = "请选择报告类型") PeriodKind kind,
                        @NotNull(message = "请选择报告期间内的任意一天") String day) {}

    record CommentaryForm(@Size(max = 5000, message = "分析意见最长 5000 字") String commentary,
                          @NotNull(message = "缺少版本号") Integer version) {}

    record PublishForm(@NotNull(message = "缺少版本号") Integer version) {}

    private final PeriodicReports reports;
    private final ReportGeneration generation;
    private final BusinessCalendar calendar;

    PeriodicReportController(PeriodicReports reports, ReportGeneration generation, BusinessCalendar calendar) {
        this.reports = reports;
        this.generation = generation;
        this.calendar = calendar;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('bigscreen:view', 'business:config')")
    @Operation(summary = "分析报告列表（业务主管含草稿，其他人仅已发布）")
    List<PeriodicReports.Report> list() {
        return reports.list(editor());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('bigscreen:view', 'business:config')")
    @Operation(summary = "一份分析报告（状态、生成进度、分析意见）")
    PeriodicReports.Report one(@PathVariable long id) {
        return visible(id);
    }

    @GetMapping("/{id}/document")
    @PreAuthorize("hasAnyAuthority('bigscreen:view', 'business:config')")
    @Operation(summary = "下载 .docx")
    ResponseEntity<byte[]> document(@PathVariable long id) {
        var r = visible(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("12345热线" + r.title() + ".docx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(DOCX))
                .body(generation.document(r));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "生成（或重新生成）包含 day 的 kind 期报告；进度见 progress")
    PeriodicReports.Report generate(@Valid @RequestBody GenerateForm form) {
        LocalDate day;
        try {
            day = LocalDate.parse(form.day().strip());
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest("日期格式应为 年-月-日（例如 2026-01-31）：" + form.day());
        }
        LocalDate from = form.kind().start(day);
        var claimed = reports.claim(form.kind(), from, form.kind().dueOn(form.kind().end(from), calendar::isWorkingDay));
        long id = claimed.orElseGet(() -> {
            long existing = reports.find(form.kind(), from).orElseThrow().id();
            reports.restart(existing);
            return existing;
        });
        generation.start(id);
        return reports.required(id);
    }

    @PostMapping("/{id}/regenerate")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "重新生成（已发布的报告回到草稿）")
    PeriodicReports.Report regenerate(@PathVariable long id) {
        reports.restart(id);
        generation.start(id);
        return reports.required(id);
    }

    @PutMapping("/{id}/commentary")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "修改分析意见（草稿；version 不符时 409）")
    PeriodicReports.Report comment(@PathVariable long id, @Valid @RequestBody CommentaryForm form) {
        reports.comment(id, form.version(), form.commentary() == null ? null : form.commentary().strip());
        return reports.required(id);
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "发布：文档定稿，领导可见")
    PeriodicReports.Report publish(@PathVariable long id, @Valid @RequestBody PublishForm form) {
        var r = reports.required(id);
        PeriodicReports.editable(r, form.version(), "发布");
        var published = new PeriodicReports.Report(r.id(), r.kind(), r.kindLabel(), r.title(), r.from(), r.to(),
                r.dueOn(), "PUBLISHED", r.progress(), r.commentary(), r.error(), r.generatedAt(), r.publishedAt(),
                r.publishedBy(), r.version());
        reports.publish(id, form.version(), Callers.required().username(), generation.document(published));
        return reports.required(id);
    }

    private boolean editor() {
        return Callers.required().can("business:config");
    }

    private PeriodicReports.Report visible(long id) {
        var r = reports.required(id);
        if (!editor() && !"PUBLISHED".equals(r.state())) {
            throw DomainException.notFound("分析报告不存在：" + id);
        }
        return r;
    }
}
