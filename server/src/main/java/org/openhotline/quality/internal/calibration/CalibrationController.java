package org.openhotline.quality.internal.calibration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.openhotline.quality.internal.templates.ScoreSheet.Answer;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 质检校准: the lead creates sessions and sets the reference; inspectors score blind through their tasks. */
@RestController
@RequestMapping("/api/quality/calibrations")
@Tag(name = "质检")
class CalibrationController {

    record ReferenceForm(Map<String, Answer> answers, Integer version) {}

    private final Calibrations calibrations;

    CalibrationController(Calibrations calibrations) {
        this.calibrations = calibrations;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('qc:inspect', 'qc:lead')")
    @Operation(summary = "校准列表（质检员只看到自己参加的）")
    List<Calibrations.Session> list() {
        return calibrations.list(Callers.required());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('qc:lead')")
    @Operation(summary = "发起校准：同一通话由多名质检员背靠背评分")
    Calibrations.Session create(@RequestBody Calibrations.Form form) {
        return calibrations.create(form, Callers.required());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('qc:inspect', 'qc:lead')")
    @Operation(summary = "校准结果：各项分差、一致率、与基准分的偏差（全部提交前对质检员不可见）")
    Calibrations.View view(@PathVariable long id) {
        return calibrations.view(id, Callers.required());
    }

    @PutMapping("/{id}/reference")
    @PreAuthorize("hasAuthority('qc:lead')")
    @Operation(summary = "质检组长设定基准评分")
    Calibrations.View reference(@PathVariable long id, @RequestBody ReferenceForm form) {
        if (form.version() == null) {
            throw DomainException.badRequest("缺少版本号 version");
        }
        return calibrations.setReference(id, form.answers(), form.version(), Callers.required());
    }
}
