package org.openhotline.workorder.internal.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The capped totals of large order lists, taken again from this node's memory for a few seconds (ADR 017, decision 6).
 *
 * <p>Counting is the most expensive part of a list at a city's size: up to 10,001 index entries tested against the
 * caller's scope for every page and every refresh (the red list's count alone was a fifth of the database's time in
 * bench/capacity). Many people look at the same lists (every agent's "all orders", a unit's "to sign"), and a total of
 * 7,412 that is 8 s old tells them as much as a fresh one. Only totals above {@link #REUSED_ABOVE} are kept: a small
 * list is cheap to count and is the one where a single new order shows (a unit with 3 orders to sign must see the
 * fourth at once). The key is the query's text and its values, so two callers share a total only when they have the
 * same scope and filters. A node keeps its own totals; another node counts for itself.
 */
@Component
class ListTotals {

    /** Totals at or below this are always counted. */
    static final long REUSED_ABOVE = 2_000;
    private static final int MAX_KEPT = 2_000;

    private record Kept(long total, Instant at) {}

    private final Clock clock;
    private final Duration reuse;
    private final Map<String, Kept> kept = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MAX_KEPT;
        }
    };

    ListTotals(Clock clock, @Value("${hotline.workorder.list-total-reuse:PT10S}") Duration reuse) {
        this.clock = clock;
        this.reuse = reuse;
    }

    /**
     * The total for this query: a kept one younger than the reuse time, else {@code count}'s (kept when large).
     * Only the values the query names are part of the key (the parameter map also carries ones it does not use).
     */
    long total(String sql, Map<String, Object> params, LongSupplier count) {
        if (reuse.isZero() || reuse.isNegative()) {
            return count.getAsLong();
        }
        String key = key(sql, params);
        Instant now = clock.instant();
        Kept k;
        synchronized (kept) {
            k = kept.get(key);
        }
        if (k != null && now.isBefore(k.at().plus(reuse)) && !now.isBefore(k.at())) {
            return k.total();
        }
        long total = count.getAsLong();
        synchronized (kept) {
            if (total > REUSED_ABOVE) {
                kept.put(key, new Kept(total, now));
            } else {
                kept.remove(key);
            }
        }
        return total;
    }

    private static String key(String sql, Map<String, Object> params) {
        StringBuilder b = new StringBuilder(sql);
        Map<String, Object> used = new TreeMap<>();
        params.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                used.put(name, value);
            }
        });
        used.forEach((name, value) -> b.append('\u0001').append(name).append('=').append(text(value)));
        return b.toString();
    }

    private static String text(Object value) {
        if (value instanceof Object[] a) {
            return java.util.Arrays.deepToString(a);
        }
        return String.valueOf(value);
    }
}
