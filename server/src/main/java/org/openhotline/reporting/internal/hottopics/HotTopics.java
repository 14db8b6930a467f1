package org.openhotline.reporting.internal.hottopics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.openhotline.reporting.internal.kpis.Source;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Today's topics against the same weekday of the four weeks before (see the package paragraph): per category and per
 * word, today's order count, the four previous counts and the {@link RiseScore}; and the orders behind a topic.
 */
@Component
public class HotTopics {

    public record Topic(String key, String label, RiseScore rise) {}

    public record Report(LocalDate day, List<LocalDate> comparedWith, List<Topic> categories, List<Topic> words) {}

    public record OrderRow(long orderId, String number, String title, String channel, String category,
                           OffsetDateTime createdAt) {}

    static final int LIMIT = 30;
    /** The key of orders without a category. */
    public static final String NONE = "none";

    private final JdbcClient jdbc;
    private final OrderWords words;
    private final WordCounts wordCounts;
    private final Clock clock;

    HotTopics(JdbcClient jdbc, OrderWords words, WordCounts wordCounts, Clock clock) {
        this.jdbc = jdbc;
        this.words = words;
        this.wordCounts = wordCounts;
        this.clock = clock;
    }

    /** The four same weekdays before {@code day}, oldest first. */
    public static List<LocalDate> comparedWith(LocalDate day) {
        return IntStream.rangeClosed(1, 4).mapToObj(w -> day.minusWeeks(5 - w)).toList();
    }

    public Report report(LocalDate day, String scopePath) {
        return new Report(day, comparedWith(day), categories(day, scopePath).stream()
                .sorted(Comparator.comparing((Topic t) -> t.rise().score()).reversed()
                        .thenComparing(t -> -t.rise().today()))
                .limit(LIMIT).toList(), words(day, scopePath));
    }

    /** Every category with an order today or on a compared day, in no particular order. */
    public List<Topic> categories(LocalDate day, String scopePath) {
        List<LocalDate> days = new ArrayList<>(comparedWith(day));
        days.add(day);
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        jdbc.sql("""
                select o.category_id::text as id, coalesce(c.name, '未分类') as name,
                       (o.created_at at time zone :tz)::date as d, count(*) as n
                  from rpt_order_fact o left join rpt_source_category c on c.category_id = o.category_id
                 where o.created_at >= :from and o.created_at < :to
                   and (o.created_at at time zone :tz)::date in (:days) and %s
                 group by 1, 2, 3""".formatted(scope(scopePath)))
                .params(params(days, scopePath, clock.getZone()))
                .query(rs -> {
                    String id = rs.getString("id") == null ? NONE : rs.getString("id");
                    names.put(id, rs.getString("name"));
                    counts.computeIfAbsent(id, k -> new long[5])[days.indexOf(rs.getObject("d", LocalDate.class))] +=
                            rs.getLong("n");
                });
        return counts.entrySet().stream().map(e -> new Topic(e.getKey(), names.get(e.getKey()), rise(e.getValue())))
                .toList();
    }

    /** Words on at least {@link RiseScore#MIN_TODAY} of today's orders, the most rising first. */
    public List<Topic> words(LocalDate day, String scopePath) {
        Map<String, Long> today = wordCounts.of(day, scopePath);
        List<Map<String, Long>> before = comparedWith(day).stream().map(d -> wordCounts.of(d, scopePath)).toList();
        return today.entrySet().stream().filter(e -> e.getValue() >= RiseScore.MIN_TODAY)
                .map(e -> new Topic(e.getKey(), e.getKey(), RiseScore.of(e.getValue(),
                        before.stream().map(m -> m.getOrDefault(e.getKey(), 0L)).toList())))
                .sorted(Comparator.comparing((Topic t) -> t.rise().score()).reversed()
                        .thenComparing(t -> -t.rise().today()).thenComparing(Topic::key))
                .limit(LIMIT).toList();
    }

    /** The orders of {@code day} behind a category ({@link #NONE}: without one) or a word, newest first. */
    public List<OrderRow> orders(LocalDate day, String scopePath, String category, String word) {
        List<OrderRow> rows = new ArrayList<>();
        Map<String, Object> p = params(List.of(day), scopePath, clock.getZone());
        p.put("category", category == null ? "-" : category);
        jdbc.sql("""
                select o.order_id, o.number, t.title, t.content, o.channel, c.name as category, o.created_at
                  from rpt_order_fact o join rpt_source_order_text t on t.order_id = o.order_id
                  left join rpt_source_category c on c.category_id = o.category_id
                 where o.created_at >= :from and o.created_at < :to and %s
                   and (:category = '-' or coalesce(o.category_id::text, 'none') = :category)
                 order by o.created_at desc, o.order_id desc""".formatted(scope(scopePath)))
                .params(p)
                .query(rs -> {
                    if (word == null || words.of(rs.getString("title") + " " + rs.getString("content")).contains(word)) {
                        rows.add(new OrderRow(rs.getLong("order_id"), rs.getString("number"), rs.getString("title"),
                                rs.getString("channel"), rs.getString("category"),
                                rs.getObject("created_at", OffsetDateTime.class)));
                    }
                });
        return rows;
    }

    static Map<String, Object> params(List<LocalDate> days, String scopePath, ZoneId zone) {
        Map<String, Object> p = new HashMap<>();
        p.put("tz", zone.getId());
        p.put("days", days);
        p.put("from", days.getFirst().atStartOfDay(zone).toOffsetDateTime());
        p.put("to", days.getLast().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        p.put("scope", scopePath == null ? "%" : scopePath + "%");
        return p;
    }

    static String scope(String scopePath) {
        return scopePath == null ? "true" : Source.orderScope();
    }

    private static RiseScore rise(long[] c) {
        return RiseScore.of(c[4], List.of(c[0], c[1], c[2], c[3]));
    }
}
