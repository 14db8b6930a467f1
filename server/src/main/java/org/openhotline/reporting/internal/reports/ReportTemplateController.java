package org.openhotline.reporting.internal.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Custom report templates (定制统计分析报表模板): save a report with the picked columns, dimension, granularity,
 * filters and relative period; share it with every report reader; only its owner changes or deletes it. A template
 * runs through {@code /api/reports/tables/{code}} with its settings (the screen adds them), so it shows the same numbers
 * as the report and the runner's data scope.
 */
@RestController
@RequestMapping("/api/reports/templates")
@Tag(name = "统计分析", description = "自定义报表模板")
class ReportTemplateController {

    record TemplateView(long id, String name, String reportCode, String reportName, List<String> columns, String by,
                        String granularity, String period, String periodLabel, Map<String, String> filters,
                        boolean shared, boolean mine, String ownerName, String updatedAt, int version) {}

    private final ReportTemplates templates;
    private final ReportCatalog catalog;
    private final Clock clock;

    ReportTemplateController(ReportTemplates templates, ReportCatalog catalog, Clock clock) {
        this.templates = templates;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('report:read')")
    @Operation(summary = "我的模板与他人共享的模板")
    List<TemplateView> list() {
        StaffPrincipal who = Callers.required();
        return templates.visibleTo(who.accountId()).stream().map(t -> view(t, who)).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('report:read')")
    @Operation(summary = "保存模板：name、reportCode、columns（列）、by（维度）、granularity、period（LAST_7_DAYS|THIS_MONTH|LAST_MONTH|THIS_YEAR|LAST_YEAR）、filters、shared")
    TemplateView create(@RequestBody ReportTemplate.Draft draft) {
        StaffPrincipal who = Callers.required();
        return view(templates.insert(draft.checked(catalog, who.accountId(), who.displayName(), clock.instant())), who);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('report:read')")
    @Operation(summary = "修改自己的模板（带 version，已被修改则 409）")
    TemplateView update(@PathVariable long id, @RequestBody ReportTemplate.Draft draft) {
        StaffPrincipal who = Callers.required();
        ReportTemplate current = own(id, who);
        if (draft.version() == null) {
            throw DomainException.badRequest("请带上模板的版本号（version）");
        }
        var changed = draft.checked(catalog, who.accountId(), who.displayName(), clock.instant());
        return view(templates.update(current.id(), draft.version(), changed), who);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('report:read')")
    @Operation(summary = "删除自己的模板（version 为当前版本）")
    void delete(@PathVariable long id, @RequestParam int version) {
        templates.delete(own(id, Callers.required()).id(), version);
    }

    private ReportTemplate own(long id, StaffPrincipal who) {
        ReportTemplate t = templates.find(id).filter(x -> x.ownerId() == who.accountId() || x.shared())
                .orElseThrow(() -> DomainException.notFound("没有这个模板"));
        if (t.ownerId() != who.accountId()) {
            throw DomainException.forbidden("只能修改或删除自己的模板（这是" + t.ownerName() + "共享的模板）");
        }
        return t;
    }

    private TemplateView view(ReportTemplate t, StaffPrincipal who) {
        String reportName = catalog.all().stream().filter(r -> r.code().equals(t.reportCode())).map(Report::name)
                .findFirst().orElse(t.reportCode());
        return new TemplateView(t.id(), t.name(), t.reportCode(), reportName, t.columns(), t.by(), t.granularity(),
                t.period().name(), t.period().label, t.filters(), t.shared(), t.ownerId() == who.accountId(),
                t.ownerName(), t.updatedAt().toString(), t.version());
    }
}
