package org.openhotline.knowledge.internal.errors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.MenuEntry;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 知识纠错: report an error, follow one's own reports, the editors' queue and decisions, 知识库更新及时率. */
@RestController
@RequestMapping("/api/knowledge")
@Tag(name = "知识纠错")
class ErrorReportController implements MenuEntry.Contribution {

    /** 003: the knowledge base is updated within 24 hours of a notice. */
    static final long LIMIT_SECONDS = 24 * 3600;

    private final ErrorReporting reporting;
    private final ErrorReports reports;
    private final Clock clock;

    ErrorReportController(ErrorReporting reporting, ErrorReports reports, Clock clock) {
        this.reporting = reporting;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry("知识库", "knowledge-my-errors", "我的纠错", "/knowledge/my-error-reports", "knowledge:read", 311),
                new MenuEntry("知识库", "knowledge-error-queue", "知识纠错处理", "/knowledge/error-reports", "knowledge:edit", 312));
    }

    record ReportForm(@NotNull(message = "请选择错误类型") ErrorReport.Kind kind,
                      @Size(max = ErrorReport.MAX_NOTE, message = "纠错说明不超过 500 个字") String note) {}

    record RejectForm(@Size(max = ErrorReport.MAX_REASON, message = "驳回原因不超过 200 个字") String reason) {}

    record ReportView(long id, long articleId, String articleTitle, String kind, String kindLabel, String note,
                      String reporterName, OffsetDateTime reportedAt, String status, String statusLabel,
                      String decidedBy, OffsetDateTime decidedAt, String rejectReason, OffsetDateTime fixedAt,
                      int version) {

        static ReportView of(ErrorReport r) {
            return new ReportView(r.id(), r.articleId(), r.articleTitle(), r.kind().name(), r.kindLabel(), r.note(),
                    r.reporterName(), r.reportedAt(), r.status().name(), r.statusLabel(), r.decidedBy(), r.decidedAt(),
                    r.rejectReason(), r.fixedAt(), r.version());
        }
    }

    @PostMapping("/articles/{id}/error-reports")
    @PreAuthorize("hasAuthority('knowledge:read')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "知识纠错：报告一篇已发布知识的错误（内容错误 WRONG、过时 OUTDATED、表述不清 UNCLEAR）")
    ReportView report(@PathVariable long id, @Valid @RequestBody ReportForm form) {
        return ReportView.of(reporting.report(Callers.required(), id, form.kind(), form.note()));
    }

    @GetMapping("/error-reports/mine")
    @PreAuthorize("hasAuthority('knowledge:read')")
    @Operation(summary = "我的纠错及处理状态（待处理、修订中、已处理、已驳回）")
    List<ReportView> mine() {
        return reports.ofReporter(Callers.required().accountId()).stream().map(ReportView::of).toList();
    }

    @GetMapping("/error-reports")
    @PreAuthorize("hasAuthority('knowledge:edit')")
    @Operation(summary = "纠错队列：本人可编辑栏目的纠错，status 默认 OPEN")
    List<ReportView> queue(@RequestParam(defaultValue = "OPEN") ErrorReport.Status status) {
        return reporting.queue(Callers.required(), status).stream().map(ReportView::of).toList();
    }

    @PostMapping("/error-reports/{id}/accept")
    @PreAuthorize("hasAuthority('knowledge:edit')")
    @Operation(summary = "采纳纠错：为该知识开启修订稿（已有修订稿时在其中修改），修订发布后纠错变为已处理")
    ReportView accept(@PathVariable long id) {
        return ReportView.of(reporting.accept(Callers.required(), id));
    }

    @PostMapping("/error-reports/{id}/reject")
    @PreAuthorize("hasAuthority('knowledge:edit')")
    @Operation(summary = "驳回纠错（须填写原因，报告人在“我的纠错”中可见）")
    ReportView reject(@PathVariable long id, @Valid @RequestBody RejectForm form) {
        return ReportView.of(reporting.reject(Callers.required(), id, form.reason()));
    }

    @GetMapping("/error-reports/timeliness")
    @PreAuthorize("hasAnyAuthority('knowledge:edit', 'knowledge:review', 'report:read')")
    @Operation(summary = "知识库更新及时率：from、to（年-月-日，含当天）内报告的纠错中，24 小时内修订发布的比例")
    ErrorReports.Timeliness timeliness(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = date(from, today.withDayOfMonth(1));
        LocalDate end = date(to, today);
        if (end.isBefore(start)) {
            throw DomainException.badRequest("结束日期不能早于开始日期");
        }
        var zone = clock.getZone();
        return reports.timeliness(start.atStartOfDay(zone).toOffsetDateTime(),
                end.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), OffsetDateTime.now(clock), LIMIT_SECONDS);
    }

    private static LocalDate date(String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest("日期格式应为 年-月-日（例如 2026-01-31）：" + value);
        }
    }
}
