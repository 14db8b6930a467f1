package org.openhotline.reporting.internal.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.DomainException;

/**
 * A custom report template (定制统计分析报表模板, 004): a catalogue report with the columns, dimension, granularity,
 * filters and relative period someone picked, under a name; {@code shared} offers it to every report reader. It holds
 * no dates and no organization: a run takes the period's dates on the day it runs and the runner's own data scope.
 */
record ReportTemplate(Long id, String name, String reportCode, List<String> columns, String by, String granularity,
                      Period period, Map<String, String> filters, boolean shared, long ownerId, String ownerName,
                      Instant createdAt, Instant updatedAt, int version) {

    static final int NAME_MAX = 50;

    /** The relative periods a template may keep (the screen turns them into dates when the template is opened). */
    enum Period {
        LAST_7_DAYS("近7天"), THIS_MONTH("本月"), LAST_MONTH("上月"), THIS_YEAR("本年"), LAST_YEAR("上年");

        final String label;

        Period(String label) {
            this.label = label;
        }

        static Period parse(String value) {
            for (Period p : values()) {
                if (p.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return p;
                }
            }
            throw DomainException.badRequest("统计期间只能是 LAST_7_DAYS（近7天）、THIS_MONTH（本月）、LAST_MONTH（上月）、"
                    + "THIS_YEAR（本年）或 LAST_YEAR（上年）：" + value);
        }
    }

    /** What a person asks to save: checked against the report it names before anything is written. */
    record Draft(String name, String reportCode, List<String> columns, String by, String granularity, String period,
                 Map<String, String> filters, Boolean shared, Integer version) {

        ReportTemplate checked(ReportCatalog catalog, long ownerId, String ownerName, Instant now) {
            String n = name == null ? "" : name.strip();
            if (n.isEmpty()) {
                throw DomainException.badRequest("请填写模板名称");
            }
            if (n.length() > NAME_MAX) {
                throw DomainException.badRequest("模板名称不能超过" + NAME_MAX + "个字");
            }
            if (reportCode == null || reportCode.isBlank()) {
                throw DomainException.badRequest("请选择模板所用的报表");
            }
            Report report = catalog.all().stream().filter(r -> r.code().equals(reportCode.strip())).findFirst()
                    .orElseThrow(() -> DomainException.badRequest("没有编码为“" + reportCode.strip() + "”的报表"));
            List<String> picked = new ArrayList<>();
            for (String c : columns == null ? List.<String>of() : columns) {
                String key = report.column(c == null ? "" : c.strip()).key();
                if (!picked.contains(key)) {
                    picked.add(key);
                }
            }
            if (picked.isEmpty()) {
                throw DomainException.badRequest("请至少选择一列统计指标");
            }
            Dim dim = report.pick(by);
            Granularity g = Granularity.parse(granularity, report.defaultGranularity());
            Map<String, String> values = new LinkedHashMap<>();
            ReportQuery.filters(report, filters == null ? Map.of() : filters, List.of())
                    .forEach((k, v) -> values.put(k, String.valueOf(v)));
            return new ReportTemplate(null, n, report.code(), List.copyOf(picked), dim == null ? null : dim.key,
                    g.name().toLowerCase(), Period.parse(period), values, Boolean.TRUE.equals(shared), ownerId, ownerName,
                    now, now, 0);
        }
    }
}
