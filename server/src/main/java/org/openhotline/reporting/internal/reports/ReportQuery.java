package org.openhotline.reporting.internal.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.reporting.internal.kpis.KpiFilter;
import org.openhotline.shared.DomainException;

/**
 * One request of a report: period, scope and zone ({@link KpiFilter}, the same as the KPIs'), granularity, the
 * picked dimension, the report's own filters with their values, and — for records — the row keys narrowed to.
 */
record ReportQuery(Report report, KpiFilter filter, Granularity granularity, Dim picked, Map<String, Object> filters,
                   Map<Dim, String> at, List<String> columns) {

    /** The columns a request picked ({@code columns=a,b}; none: all), each one of the report's, none twice. */
    static List<String> columns(Report report, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> picked = new ArrayList<>();
        for (String key : text.split(",")) {
            String k = key.strip();
            if (!k.isEmpty() && !picked.contains(report.column(k).key())) {
                picked.add(k);
            }
        }
        return List.copyOf(picked);
    }

    /** Parameters every report request may carry besides the report's own filters. */
    static final List<String> COMMON = List.of("from", "to", "org", "granularity", "by", "columns");

    List<Dim> keys() {
        return report.keys(granularity, picked);
    }

    /**
     * Reads the report's own filters and, with {@code recordParams}, the row keys ({@code k.<key>}) from the query
     * string; anything else is refused so that a misspelt filter never silently widens a figure.
     */
    static Map<String, Object> filters(Report report, Map<String, String> params, List<String> recordParams) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (var e : params.entrySet()) {
            String name = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (COMMON.contains(name) || recordParams.contains(name) || (!recordParams.isEmpty() && name.startsWith("k."))) {
                continue;
            }
            Filter f = report.filters().stream().filter(x -> x.name().equals(name)).findFirst()
                    .orElseThrow(() -> DomainException.badRequest("报表“" + report.name() + "”不支持参数“" + name + "”"));
            if (value.isEmpty()) {
                continue;
            }
            if (f.numeric()) {
                try {
                    values.put(name, Long.parseLong(value));
                } catch (NumberFormatException ex) {
                    throw DomainException.badRequest(f.label() + "应为编号：" + value);
                }
            } else if (f.options().containsKey(value)) {
                values.put(name, value);
            } else {
                throw DomainException.badRequest(f.label() + "不支持“" + value + "”，可选：" + String.join("、", f.options().keySet()));
            }
        }
        return values;
    }

    /** The row keys of a records request ({@code k.period=2026-01-20&k.agent=12}). */
    static Map<Dim, String> at(List<Dim> keys, Map<String, String> params) {
        Map<Dim, String> at = new LinkedHashMap<>();
        for (var e : params.entrySet()) {
            if (!e.getKey().startsWith("k.")) {
                continue;
            }
            String name = e.getKey().substring(2);
            Dim d = keys.stream().filter(k -> k.key.equals(name)).findFirst()
                    .orElseThrow(() -> DomainException.badRequest("这张报表的行没有“" + name + "”"));
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (value.length() > 100) {
                throw DomainException.badRequest("行键过长");
            }
            at.put(d, value);
        }
        return at;
    }
}
