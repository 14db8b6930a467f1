package org.openhotline.reporting.internal.reports;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.reporting.internal.kpis.KpiDefinition;
import org.openhotline.reporting.internal.kpis.KpiDefinitions;
import org.openhotline.reporting.internal.kpis.KpiFilter;
import org.openhotline.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs reports: one statement per report computes its rows and its totals ({@code grouping sets}) from the same
 * facts, and the records behind a figure are selected by the very predicate the figure counts with. The row keys are
 * computed in a lateral subquery so that rows, totals and records group and narrow by the same expression.
 */
@Service
class ReportTables {

    /** A row: its keys as stored, their labels, and the columns' figures. */
    record Row(Map<String, String> keys, Map<String, String> labels, Map<String, Object> values) {}

    record Result(List<Row> rows, Map<String, Object> totals, String note) {}

    /** A page of the records behind a figure; {@code sum} is the column's seconds (or times) over them. */
    record Records(List<Map<String, Object>> items, long total, int page, int size, BigDecimal sum) {}

    private final JdbcClient jdbc;
    private final KpiDefinitions kpis;

    ReportTables(JdbcClient jdbc, KpiDefinitions kpis) {
        this.jdbc = jdbc;
        this.kpis = kpis;
    }

    Result run(ReportQuery q) {
        Report report = q.report();
        List<Dim> keys = q.keys();
        List<Column> columns = report.columns();
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < keys.size(); i++) {
            sql.append("k.k").append(i).append(", ");
        }
        sql.append(keys.isEmpty() ? "1" : "grouping(k.k0)").append(" as total");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(", ").append(columns.get(i).sql()).append(" as c").append(i);
        }
        sql.append(from(q, keys)).append(" where ").append(where(q));
        if (!keys.isEmpty()) {
            String list = String.join(", ", keys.stream().map(k -> "k.k" + keys.indexOf(k)).toList());
            sql.append(" group by grouping sets ((").append(list).append("), ()) order by ")
                    .append(String.join(", ", keys.stream().map(k -> "k.k" + keys.indexOf(k) + " nulls last").toList()));
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Object> totals = new LinkedHashMap<>();
        jdbc.sql(sql.toString()).params(params(q)).query(rs -> {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                values.put(columns.get(i).key(), rs.getObject("c" + i));
            }
            if (rs.getInt("total") == 1) {
                totals.putAll(values);
            } else {
                Map<String, String> k = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    k.put(keys.get(i).key, rs.getString("k" + i));
                }
                rows.add(new Row(k, Map.of(), values));
            }
        });
        if (totals.isEmpty()) {
            columns.forEach(c -> totals.put(c.key(), c.empty()));
        }
        return new Result(filled(keys, columns, rows), totals, note(q));
    }

    Records records(ReportQuery q, Column column, int page, int size) {
        Report report = q.report();
        List<Dim> keys = q.keys();
        StringBuilder where = new StringBuilder(where(q)).append(" and (").append(column.recordsPredicate()).append(')');
        Map<String, Object> params = params(q);
        q.at().forEach((d, value) -> {
            String name = "k" + keys.indexOf(d);
            if (value.isEmpty()) {
                where.append(" and k.").append(name).append(" is null");
            } else {
                where.append(" and k.").append(name).append(" = :at_").append(name);
                params.put("at_" + name, value);
            }
        });
        String from = from(q, keys);
        boolean summed = column.value() != null && column.kind() != Column.Kind.DISTINCT;
        long total = jdbc.sql("select count(*)" + from + " where " + where).params(params).query(Long.class).single();
        BigDecimal sum = !summed ? null : jdbc.sql("select round(coalesce(sum(" + column.value() + "), 0)::numeric, 1)" + from
                + " where " + where).params(params).query(BigDecimal.class).single();
        params.put("limit", size);
        params.put("offset", PageResult.offset(page, size));
        String value = summed ? ", round((" + column.value() + ")::numeric, 1) as "
                + (column.kind() == Column.Kind.SUM ? "times" : "figure_seconds") : "";
        List<Map<String, Object>> items = jdbc.sql("select " + report.base().columns() + value + from + " where " + where
                + " order by " + report.base().period() + " desc limit :limit offset :offset").params(params).query().listOfRows();
        return new Records(items, total, page, size, sum);
    }

    private static String from(ReportQuery q, List<Dim> keys) {
        Base base = q.report().base();
        StringBuilder from = new StringBuilder(" from ").append(base.from());
        if (!keys.isEmpty()) {
            from.append(" cross join lateral (select ");
            for (int i = 0; i < keys.size(); i++) {
                from.append(i == 0 ? "" : ", ").append(keys.get(i).sql(base, q.granularity(), q.filter().zone()))
                        .append(" as k").append(i);
            }
            from.append(") k");
        }
        return from.toString();
    }

    /** Period, the report's own predicate, data scope and filters. */
    private static String where(ReportQuery q) {
        Report report = q.report();
        Base base = report.base();
        KpiFilter f = q.filter();
        StringBuilder sql = new StringBuilder(base.period()).append(" >= :from and ").append(base.period())
                .append(" < :to and (").append(report.where()).append(')');
        if (f.scopePath() != null) {
            if (base.scope() != null) {
                sql.append(" and ").append(base.scope());
            } else if (base.agent() != null) {
                sql.append(" and ").append(base.agent()).append(" in (:scopeAccounts)");
            } else {
                sql.append(" and false");
            }
        }
        for (Filter filter : report.filters()) {
            if (q.filters().containsKey(filter.name())) {
                sql.append(" and ").append(filter.sql());
            }
        }
        return sql.toString();
    }

    private static String note(ReportQuery q) {
        Base base = q.report().base();
        if (q.filter().scopePath() == null || base.scope() != null) {
            return null;
        }
        return base.agent() != null && q.filter().scopeAccounts() != null
                ? "所选机构以下只统计在该机构的坐席经手的来电和状态（在排队中结束的来电不属于任何机构）"
                : "话务数据按热线整体或坐席统计，所选机构下没有坐席，没有数据";
    }

    private Map<String, Object> params(ReportQuery q) {
        KpiFilter f = q.filter();
        Map<String, Object> p = new HashMap<>();
        p.put("from", OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
        p.put("to", OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
        p.put("now", OffsetDateTime.ofInstant(f.now(), ZoneOffset.UTC));
        p.put("scope", f.scopePath() == null ? "%" : f.scopePath() + "%");
        p.put("scopeAccounts", f.scopeAccounts() == null || f.scopeAccounts().isEmpty() ? List.of(-1L) : f.scopeAccounts());
        p.put("answerWithin", threshold("answer-rate-20s", 20));
        p.put("dispatchWithin", threshold("dispatch-timeliness", 86_400));
        p.put("callGrades", grades("agent-satisfaction", List.of("1")));
        p.put("orderGrades", grades("satisfaction", List.of("SATISFIED", "BASICALLY_SATISFIED")));
        q.filters().forEach((name, value) -> p.put("f_" + name, value));
        return p;
    }

    int threshold(String code, int fallback) {
        return kpis.find(code).map(KpiDefinition::thresholdSeconds).orElse(fallback);
    }

    private List<String> grades(String code, List<String> fallback) {
        return kpis.find(code).map(KpiDefinition::grades).filter(g -> !g.isEmpty()).orElse(fallback);
    }

    /** A report keyed by the time of day alone lists every half hour (hour), with zeros where nothing happened. */
    private static List<Row> filled(List<Dim> keys, List<Column> columns, List<Row> rows) {
        if (keys.size() != 1 || (keys.getFirst() != Dim.HALF_HOUR && keys.getFirst() != Dim.HOUR)) {
            return rows;
        }
        Dim d = keys.getFirst();
        Map<String, Row> byKey = new HashMap<>();
        rows.forEach(r -> byKey.put(r.keys().get(d.key), r));
        List<Row> all = new ArrayList<>();
        for (int minutes = 0; minutes < 24 * 60; minutes += d == Dim.HALF_HOUR ? 30 : 60) {
            String key = "%02d:%02d".formatted(minutes / 60, minutes % 60);
            Row row = byKey.get(key);
            if (row == null) {
                Map<String, Object> zeros = new LinkedHashMap<>();
                columns.forEach(c -> zeros.put(c.key(), c.empty()));
                row = new Row(Map.of(d.key, key), Map.of(), zeros);
            }
            all.add(row);
        }
        return all;
    }
}
