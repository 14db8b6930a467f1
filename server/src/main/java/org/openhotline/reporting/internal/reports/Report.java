package org.openhotline.reporting.internal.reports;

import java.util.ArrayList;
import java.util.List;
import org.openhotline.shared.DomainException;

/**
 * A report: a named query over the facts of {@code base} that match {@code where}. Its rows are keyed by the period of the chosen granularity
 * (unless 合计) followed by {@code rows}, or by the dimension a {@code by} filter picks among {@code by}; its columns are
 * aggregates; {@code chart} names the columns an ECharts chart shows ({@code line} or {@code bar}).
 */
record Report(String code, String name, String category, String description, Base base, String where,
              List<Dim> rows, List<Dim> by, Granularity defaultGranularity, List<Column> columns, List<Filter> filters,
              Chart chart) {

    record Chart(String type, List<String> series) {}

    static final String CALLS = "话务报表";
    static final String ORDERS = "工单报表";

    /** The keys of a request's rows: the period (unless 合计), then the picked or the report's own dimensions. */
    List<Dim> keys(Granularity granularity, Dim picked) {
        List<Dim> keys = new ArrayList<>();
        if (granularity != Granularity.TOTAL) {
            keys.add(Dim.PERIOD);
        }
        keys.addAll(picked != null ? List.of(picked) : rows);
        return keys;
    }

    Dim pick(String value) {
        if (value == null || value.isBlank()) {
            return by.isEmpty() ? null : by.getFirst();
        }
        return by.stream().filter(d -> d.key.equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> DomainException.badRequest("报表“" + name + "”不能按“" + value + "”统计"
                        + (by.isEmpty() ? "" : "，可选：" + String.join("、", by.stream().map(d -> d.key + "（" + d.label + "）").toList()))));
    }

    Column column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> DomainException.badRequest("报表“" + name + "”没有列“" + key + "”"));
    }
}
