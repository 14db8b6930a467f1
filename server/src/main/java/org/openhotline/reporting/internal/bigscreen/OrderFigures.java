package org.openhotline.reporting.internal.bigscreen;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.Organization;
import org.openhotline.reporting.internal.hottopics.HotTopics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The big screen's live order figures: today's orders by district (the map), the top categories of today with
 * their rise against the four previous same weekdays (hot topics), and the assignments past their handling
 * deadline without a reply (overdue), the longest overdue first.
 */
@Component
class OrderFigures {

    record District(long id, String code, String name, long orders) {}

    record Category(String key, String label, long today, java.math.BigDecimal score, boolean rising) {}

    record Overdue(long orderId, String number, String unit, OffsetDateTime dueAt, long hoursOver) {}

    static final int TOP = 8;

    private final JdbcClient jdbc;
    private final Organization organization;
    private final HotTopics hotTopics;
    private final Clock clock;

    OrderFigures(JdbcClient jdbc, Organization organization, HotTopics hotTopics, Clock clock) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.hotTopics = hotTopics;
        this.clock = clock;
    }

    List<District> byDistrict(OffsetDateTime start, OffsetDateTime end) {
        Map<Long, Long> counts = jdbc.sql("""
                select split_part(region_path, '/', 4)::bigint, count(*) from rpt_order_fact
                 where created_at >= ? and created_at < ? and split_part(region_path, '/', 4) ~ '^[0-9]+$' group by 1""")
                .params(start, end).query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return organization.nodes(counts.keySet()).stream()
                .map(n -> new District(n.id(), n.code(), n.name(), counts.get(n.id())))
                .sorted(Comparator.comparingLong(District::orders).reversed()).toList();
    }

    List<Category> topCategories(LocalDate today) {
        return hotTopics.categories(today, null).stream().filter(t -> t.rise().today() > 0)
                .sorted(Comparator.comparingLong((HotTopics.Topic t) -> t.rise().today()).reversed()
                        .thenComparing(t -> t.rise().score(), Comparator.reverseOrder()))
                .limit(TOP)
                .map(t -> new Category(t.key(), t.label(), t.rise().today(), t.rise().score(), t.rise().rising()))
                .toList();
    }

    /** How many assignments are overdue now, and the longest overdue ones. */
    Map.Entry<Long, List<Overdue>> overdue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String where = """
                from rpt_assignment_fact a join rpt_order_fact o on o.order_id = a.order_id
                where a.replied_at is null and a.handle_due_at < :now and o.closed_at is null
                  and not exists (select 1 from rpt_assignment_decision d
                                   where d.assignment_id = a.assignment_id and d.kind = 'RETURN_APPROVED')""";
        long count = jdbc.sql("select count(*) " + where).param("now", now).query(Long.class).single();
        record Row(long orderId, String number, long unitId, OffsetDateTime dueAt) {}
        List<Row> rows = jdbc.sql("select a.order_id, o.number, a.unit_id, a.handle_due_at " + where
                        + " order by a.handle_due_at, a.assignment_id limit " + TOP)
                .param("now", now)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class))).list();
        Map<Long, String> units = organization.nodes(rows.stream().map(Row::unitId).distinct().toList()).stream()
                .collect(Collectors.toMap(OrgNode::id, OrgNode::name));
        Function<Row, Overdue> view = r -> new Overdue(r.orderId(), r.number(), units.getOrDefault(r.unitId(), "—"),
                r.dueAt(), java.time.Duration.between(r.dueAt(), now).toHours());
        return Map.entry(count, rows.stream().map(view).toList());
    }
}
