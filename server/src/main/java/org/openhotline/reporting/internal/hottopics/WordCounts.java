package org.openhotline.reporting.internal.hottopics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many orders of a day carry each word. Segmenting a day of orders takes a while, and the compared days rarely
 * change, so a day's counts are kept until its orders change (their number or ids: a cheap check on every use).
 */
@Component
class WordCounts {

    private record Key(LocalDate day, String scope) {}

    private record Counted(long orders, long idSum, Map<String, Long> words) {}

    private final JdbcClient jdbc;
    private final OrderWords words;
    private final Clock clock;
    private final Map<Key, Counted> cache = new ConcurrentHashMap<>();

    WordCounts(JdbcClient jdbc, OrderWords words, Clock clock) {
        this.jdbc = jdbc;
        this.words = words;
        this.clock = clock;
    }

    Map<String, Long> of(LocalDate day, String scopePath) {
        var p = HotTopics.params(List.of(day), scopePath, clock.getZone());
        long[] check = jdbc.sql("select count(*), coalesce(sum(o.order_id), 0) from rpt_order_fact o where o.created_at >= :from and o.created_at < :to and "
                        + HotTopics.scope(scopePath))
                .params(p).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        Key key = new Key(day, scopePath);
        Counted known = cache.get(key);
        if (known != null && known.orders() == check[0] && known.idSum() == check[1]) {
            return known.words();
        }
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("""
                select t.title, t.content from rpt_order_fact o join rpt_source_order_text t on t.order_id = o.order_id
                 where o.created_at >= :from and o.created_at < :to and \s""" + HotTopics.scope(scopePath))
                .params(p)
                .query(rs -> {
                    for (String w : words.of(rs.getString(1) + " " + rs.getString(2))) {
                        counts.merge(w, 1L, Long::sum);
                    }
                });
        if (cache.size() > 200) {
            cache.clear();
        }
        cache.put(key, new Counted(check[0], check[1], Map.copyOf(counts)));
        return counts;
    }
}
