package org.openhotline.quality.internal.templates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openhotline.shared.Callers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 质检模板: inspectors read them, the QC lead (qc:lead) writes them; each save is a new version. */
@RestController
@RequestMapping("/api/quality/templates")
@Tag(name = "质检")
class TemplateController {

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('qc:inspect', 'qc:lead')")
    @Operation(summary = "质检模板（当前版本及其评分项）")
    List<Templates.TemplateView> list() {
        return templates.list();
    }

    @GetMapping("/versions/{versionId}")
    @PreAuthorize("hasAnyAuthority('qc:inspect', 'qc:lead', 'call:agent', 'report:read')")
    @Operation(summary = "某个模板版本的评分项（质检结果保存所用的版本）")
    Templates.TemplateVersion version(@PathVariable long versionId) {
        return templates.version(versionId);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('qc:lead')")
    @Operation(summary = "新建质检模板（版本 1）")
    Templates.TemplateView create(@RequestBody Templates.Form form) {
        return templates.create(form, Callers.required());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('qc:lead')")
    @Operation(summary = "保存质检模板为新版本：带上读取时的 version，期间被他人修改则 409")
    Templates.TemplateView save(@PathVariable long id, @RequestBody Templates.Form form) {
        return templates.save(id, form, Callers.required());
    }
}
