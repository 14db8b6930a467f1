package org.openhotline.reporting.internal.bigscreen;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.openhotline.reporting.internal.api.ReportScope;
import org.openhotline.shared.Callers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 驾驶舱 alarms: today's headline KPIs below target and overdue spikes, in the caller's data scope. */
@RestController
@RequestMapping("/api/reports/cockpit")
@Tag(name = "驾驶舱", description = "今日指标告警：未达标、超期激增")
class CockpitController {

    private final CockpitAlarms alarms;
    private final ReportScope scope;
    private final Clock clock;

    CockpitController(CockpitAlarms alarms, ReportScope scope, Clock clock) {
        this.alarms = alarms;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping("/alarms")
    @PreAuthorize("hasAuthority('report:read')")
    @Operation(summary = "今日告警（org 可选：本人范围内的机构）")
    CockpitAlarms.Cockpit alarms(@RequestParam(required = false) Long org) {
        String today = LocalDate.now(clock).toString();
        return alarms.today(scope.filter(Callers.required(), today, today, org, null));
    }
}
