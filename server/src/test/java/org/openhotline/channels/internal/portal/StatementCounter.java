package org.openhotline.channels.internal.portal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the statements every thread of the platform sends through its pool (one per execute, whatever the
 * thread: requests, after-commit listeners, timers) and the commits, by SQL text, so that a benchmark can print
 * statements per request — a figure the machine's load does not change. Only {@link PortalBenchmark} imports it (the
 * shared test context stays as it is).
 */
final class StatementCounter {

    private static final Map<String, LongAdder> BY_SQL = new ConcurrentHashMap<>();
    private static final LongAdder COMMITS = new LongAdder();

    private StatementCounter() {}

    record Snapshot(Map<String, Long> bySql, long commits) {

        long statements() {
            return bySql.values().stream().mapToLong(Long::longValue).sum();
        }

        /** What happened between {@code before} and this snapshot. */
        Snapshot minus(Snapshot before) {
            Map<String, Long> d = new java.util.HashMap<>();
            bySql.forEach((sql, n) -> {
                long delta = n - before.bySql.getOrDefault(sql, 0L);
                if (delta > 0) {
                    d.put(sql, delta);
                }
            });
            return new Snapshot(d, commits - before.commits);
        }

        /** The {@code top} statements by count, per request of {@code n}. */
        String table(int n, int top) {
            StringBuilder s = new StringBuilder();
            List<Map.Entry<String, Long>> rows = bySql.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(top).toList();
            for (var r : rows) {
                s.append(String.format("    %6.2f  %s%n", r.getValue() / (double) n, r.getKey()));
            }
            return s.toString();
        }
    }

    static Snapshot snapshot() {
        Map<String, Long> copy = new java.util.HashMap<>();
        BY_SQL.forEach((sql, n) -> copy.put(sql, n.sum()));
        return new Snapshot(copy, COMMITS.sum());
    }

    /** The counter of each SQL text as sent, so that the text is normalised once, not on every statement. */
    private static final Map<String, LongAdder> BY_TEXT = new ConcurrentHashMap<>();

    private static void count(String sql) {
        // The counter costs CPU on the cores it measures: a regex per statement was 3 % of a portal request's samples.
        BY_TEXT.computeIfAbsent(sql == null ? "?" : sql, text -> {
            String key = text.strip().replaceAll("\\s+", " ");
            return BY_SQL.computeIfAbsent(key.length() > 110 ? key.substring(0, 110) : key, k -> new LongAdder());
        }).increment();
    }

    /**
     * Replaces the platform's pool with one whose connections, then their statements, count what they run. It stays a
     * {@link HikariDataSource}: the cluster signals and lease open their own connections from its URL, as shipped.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof HikariDataSource pool && "dataSource".equals(name)) {
                        HikariConfig config = new HikariConfig();
                        pool.copyStateTo(config);
                        pool.close();
                        return new Counting(config);
                    }
                    return bean;
                }
            };
        }
    }

    static final class Counting extends HikariDataSource {
        Counting(HikariConfig config) {
            super(config);
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            Connection c = super.getConnection();
            return wrap(c, Connection.class, connection(c));
        }
    }

    private static InvocationHandler connection(Connection target) {
        return (proxy, m, args) -> {
            Object r = call(target, m, args);
            switch (m.getName()) {
                case "commit" -> COMMITS.increment();
                case "prepareStatement", "prepareCall" -> {
                    String sql = (String) args[0];
                    Class<?> type = r instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                            : java.sql.PreparedStatement.class;
                    return wrap((Statement) r, type, statement((Statement) r, sql));
                }
                case "createStatement" -> {
                    return wrap((Statement) r, Statement.class, statement((Statement) r, null));
                }
                default -> { }
            }
            return r;
        };
    }

    private static InvocationHandler statement(Statement target, String prepared) {
        return (proxy, m, args) -> {
            if (m.getName().startsWith("execute")) {
                count(prepared != null ? prepared : args != null && args.length > 0 && args[0] instanceof String s ? s : "?");
            }
            return call(target, m, args);
        };
    }

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(Object target, Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
