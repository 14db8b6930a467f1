package org.openhotline.reporting.internal.api;

import java.util.ArrayList;
import java.util.List;
import org.openhotline.reporting.internal.kpis.Exemptions;
import org.openhotline.reporting.internal.kpis.KpiDefinitions;
import org.openhotline.reporting.internal.kpis.KpiFigures;
import org.openhotline.reporting.internal.kpis.KpiFilter;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.stereotype.Component;

/** One KPI report for a caller's request: the screen's table and its Excel export are both this. */
@Component
class KpiReports {

    private final KpiDefinitions definitions;
    private final KpiFigures figures;
    private final ReportScope scope;
    private final GroupLabels labels;
    private final Exemptions exemptions;

    KpiReports(KpiDefinitions definitions, KpiFigures figures, ReportScope scope, GroupLabels labels,
               Exemptions exemptions) {
        this.definitions = definitions;
        this.figures = figures;
        this.scope = scope;
        this.labels = labels;
        this.exemptions = exemptions;
    }

    KpiController.KpiReport report(StaffPrincipal who, String from, String to, Long org, String groupBy, String codes) {
        return report(who, from, to, org, groupBy, codes, null);
    }

    /** {@code team}: only that team's agents (班组), for the KPIs counted per agent. */
    KpiController.KpiReport report(StaffPrincipal who, String from, String to, Long org, String groupBy, String codes,
                                   Long team) {
        KpiFilter filter = scope.filter(who, from, to, org, groupBy).withTeam(team);
        List<String> wanted = codes == null || codes.isBlank() ? null : List.of(codes.split(","));
        if (wanted != null) {
            wanted.forEach(definitions::required);
        }
        List<KpiController.KpiView> views = new ArrayList<>();
        var kpis = definitions.all().stream().filter(k -> wanted == null || wanted.contains(k.code())).toList();
        var exempted = exemptions.applied(kpis, filter);
        figures.computeAll(kpis, filter, exempted).values().forEach(f ->
                views.add(KpiController.KpiView.of(f, labels.label(filter.groupBy(), f.groups()), exempted.get(f.kpi().code()))));
        var zone = filter.zone();
        return new KpiController.KpiReport(filter.from().atZone(zone).toLocalDate().toString(),
                filter.to().atZone(zone).toLocalDate().minusDays(1).toString(), org,
                filter.groupBy() == null ? null : filter.groupBy().name().toLowerCase(), views);
    }
}
