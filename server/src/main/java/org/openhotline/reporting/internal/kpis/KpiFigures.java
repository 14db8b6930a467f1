package org.openhotline.reporting.internal.kpis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Computes KPIs from the facts: the total and the groups in one statement ({@code grouping sets}), so a group's
 * figures and the total come from the very same rows. A page of KPIs ({@link #computeAll}) counts all the KPIs of one
 * source in one pass over its facts, each with its own {@code filter (where …)}: a month's 24 KPIs read the call facts
 * once instead of ten times.
 */
@Service
public class KpiFigures {

    /** Passes counted on other connections at once, for all pages together ({@link #computePasses}). */
    static final int SIDE_PASSES = 3;

    private final JdbcClient jdbc;
    private final Exemptions exemptions;
    private final KpiRollups rollups;
    private final Semaphore sidePasses = new Semaphore(SIDE_PASSES);

    KpiFigures(JdbcClient jdbc, Exemptions exemptions, KpiRollups rollups) {
        this.jdbc = jdbc;
        this.exemptions = exemptions;
        this.rollups = rollups;
    }

    /** The KPI's figures, or empty when its facts are not in the filter's reach (call figures of a unit). */
    public Optional<KpiFigure> compute(KpiDefinition kpi, KpiFilter filter) {
        return compute(kpi, filter, exemptions.applied(kpi, filter));
    }

    /** The same with the exemptions already looked up ({@link Exemptions#applied}) by a caller that shows them. */
    public Optional<KpiFigure> compute(KpiDefinition kpi, KpiFilter filter, List<Exemptions.Applied> applied) {
        Formula f = Formulas.of(kpi.code());
        if (f.source() == Source.NONE) {
            return filter.scopePath() == null && filter.agentId() == null
                    ? Optional.of(new KpiFigure(kpi, BigDecimal.ZERO, BigDecimal.ZERO, null, List.of()))
                    : Optional.empty();
        }
        if (!filter.admits(f)) {
            return Optional.empty();
        }
        // The zone goes in as a literal (a ZoneId's id): as a bind parameter each use of the key would be its own
        // parameter, and PostgreSQL would not see the grouped expression in grouping() as the same (day/week/month).
        String raw = filter.groupBy() == null ? null : f.source().key(filter.groupBy(), f.periodColumn());
        String key = raw == null ? null : raw.replace(":tz", "'" + filter.zone().getId() + "'");
        var params = filter.params(kpi);
        String exempt = Exemptions.predicate(f, applied, params);
        String sql = "select %s as k, %s as n, %s as d, %s as total from %s where %s %s".formatted(
                key == null ? "null::text" : key, numerator(f), denominator(f), key == null ? "1" : "grouping(" + key + ")",
                f.source().from, filter.where(f) + exempt,
                key == null ? "" : "group by grouping sets ((" + key + "), ()) order by 1");
        List<KpiFigure.Group> groups = new ArrayList<>();
        BigDecimal[] total = {BigDecimal.ZERO, BigDecimal.ZERO};
        jdbc.sql(sql).params(params).query(rs -> {
            BigDecimal n = rs.getBigDecimal("n");
            BigDecimal d = rs.getBigDecimal("d");
            if (rs.getInt("total") == 1) {
                total[0] = n;
                total[1] = d;
            } else {
                String k = rs.getString("k");
                groups.add(new KpiFigure.Group(k, k, n, d, value(f, n, d)));
            }
        });
        return Optional.of(new KpiFigure(kpi, total[0], total[1], value(f, total[0], total[1]), groups));
    }

    /** The figures of {@code kpis} with their exemptions, as {@link #computeAll(List, KpiFilter, Map)}. */
    public Map<String, KpiFigure> computeAll(List<KpiDefinition> kpis, KpiFilter filter) {
        return computeAll(kpis, filter, exemptions.applied(kpis, filter));
    }

    /**
     * The figures of {@code kpis} (those whose facts are in the filter's reach), by code in the given order, with the
     * exemptions already looked up ({@link Exemptions#applied(List, KpiFilter)}). Equal to {@link #compute} per KPI.
     */
    public Map<String, KpiFigure> computeAll(List<KpiDefinition> kpis, KpiFilter filter,
                                             Map<String, List<Exemptions.Applied>> applied) {
        Map<String, KpiFigure> result = new LinkedHashMap<>();
        Map<String, List<KpiDefinition>> passes = new LinkedHashMap<>();
        for (KpiDefinition k : kpis) {
            Formula f = Formulas.of(k.code());
            if (f.source() == Source.NONE) {
                compute(k, filter, applied.getOrDefault(k.code(), List.of())).ifPresent(x -> result.put(k.code(), x));
            } else if (filter.admits(f)) {
                result.put(k.code(), null); // keeps the order
                passes.computeIfAbsent(f.source() + " " + f.periodColumn(), x -> new ArrayList<>()).add(k);
            }
        }
        for (Map<String, KpiFigure> figures : computePasses(new ArrayList<>(passes.values()), filter, applied)) {
            result.putAll(figures);
        }
        return result;
    }

    /**
     * The figures of {@code kpis} for each org node of {@code paths} (its data scope, as {@link #computeAll} with the
     * filter's scope set to the node), by path in the given order. A report over every unit asks this: the whole
     * days of all nodes come from the rollups in one statement per pass ({@link KpiRollups#rolledUpByScope}) instead of
     * the planning and reading repeated node by node (sixty units' month took 558 ms that way, issue 11); the days
     * left (today, a changed day) and any shape the batch does not cover are counted node by node as before.
     */
    public Map<String, Map<String, KpiFigure>> computeAllByScope(List<KpiDefinition> kpis, KpiFilter filter,
                                                               List<String> paths) {
        Map<String, Map<String, KpiFigure>> result = new LinkedHashMap<>();
        if (paths.isEmpty()) {
            return result;
        }
        KpiFilter any = filter.withScope(paths.getFirst());
        Map<String, List<Exemptions.Applied>> applied = exemptions.applied(kpis, any);
        Map<String, List<KpiDefinition>> passes = new LinkedHashMap<>();
        for (String path : paths) {
            result.put(path, new LinkedHashMap<>());
        }
        for (KpiDefinition k : kpis) {
            Formula f = Formulas.of(k.code());
            if (f.source() == Source.NONE) {
                for (String path : paths) {
                    compute(k, filter.withScope(path), applied.getOrDefault(k.code(), List.of()))
                            .ifPresent(x -> result.get(path).put(k.code(), x));
                }
            } else if (any.admits(f)) { // the same for every node: it asks whether there is a scope, not which
                result.values().forEach(r -> r.put(k.code(), null)); // keeps the order
                passes.computeIfAbsent(f.source() + " " + f.periodColumn(), x -> new ArrayList<>()).add(k);
            }
        }
        for (List<KpiDefinition> pass : passes.values()) {
            Optional<Map<String, KpiRollups.Rolled>> rolled = rollups.rolledUpByScope(pass, filter, applied, paths);
            for (String path : paths) {
                KpiFilter scoped = filter.withScope(path);
                if (rolled.isEmpty() || !rolled.get().containsKey(path)) {
                    result.get(path).putAll(computePass(pass, scoped, applied));
                    continue;
                }
                KpiRollups.Rolled r = rolled.get().get(path);
                String restrict = r.factsRestrict();
                result.get(path).putAll(KpiRollups.merge(pass, r,
                        restrict == null ? null : computePass(pass, scoped, applied, restrict, true)));
            }
        }
        return result;
    }

    /**
     * Passes counted side by side, each on its own connection (a year's call and state passes each read a million rows
     * or more, and PostgreSQL gives each connection its own process): at most {@link #SIDE_PASSES} besides the caller's
     * own for all pages together, as the pool is shared; one after the other inside a transaction, whose rows only its
     * own connection sees.
     */
    private List<Map<String, KpiFigure>> computePasses(List<List<KpiDefinition>> passes, KpiFilter filter,
                                                       Map<String, List<Exemptions.Applied>> applied) {
        List<Map<String, KpiFigure>> results = new ArrayList<>();
        if (passes.size() < 2 || TransactionSynchronizationManager.isActualTransactionActive()) {
            passes.forEach(pass -> results.add(computePass(pass, filter, applied)));
            return results;
        }
        List<Future<Map<String, KpiFigure>>> futures = new ArrayList<>();
        try (ExecutorService side = Executors.newVirtualThreadPerTaskExecutor()) {
            for (List<KpiDefinition> pass : passes) {
                if (sidePasses.tryAcquire()) {
                    futures.add(side.submit(() -> {
                        try {
                            return computePass(pass, filter, applied);
                        } finally {
                            sidePasses.release();
                        }
                    }));
                } else {
                    futures.add(CompletableFuture.completedFuture(computePass(pass, filter, applied)));
                }
            }
            for (Future<Map<String, KpiFigure>> f : futures) {
                results.add(f.get());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return results;
    }

    /** Renames a KPI's own parameters (threshold, grades, code, exemption periods) so several share one statement. */
    private static final Pattern OWN_PARAMETER = Pattern.compile("(?<![:\\w]):(threshold|grades|kpi|ex[ft]\\d+)\\b");

    private Map<String, KpiFigure> computePass(List<KpiDefinition> pass, KpiFilter filter,
                                               Map<String, List<Exemptions.Applied>> applied) {
        // whole days from the daily rollups where they are current, the rest from the facts
        Optional<KpiRollups.Rolled> rolled = rollups.rolledUp(pass, filter, applied);
        if (rolled.isEmpty()) {
            return computePass(pass, filter, applied, null, false);
        }
        String restrict = rolled.get().factsRestrict();
        return KpiRollups.merge(pass, rolled.get(), restrict == null ? null : computePass(pass, filter, applied, restrict, true));
    }

    /**
     * One pass over the facts; {@code restrict} (SQL over the pass's period column, may be null) narrows the rows
     * further, and {@code exact} leaves sums of seconds unrounded (a part that {@link KpiRollups} adds to its own).
     */
    Map<String, KpiFigure> computePass(List<KpiDefinition> pass, KpiFilter filter,
                                       Map<String, List<Exemptions.Applied>> applied, String restrict, boolean exact) {
        Formula first = Formulas.of(pass.getFirst().code());
        String raw = filter.groupBy() == null ? null : first.source().key(filter.groupBy(), first.periodColumn());
        String key = raw == null ? null : raw.replace(":tz", "'" + filter.zone().getId() + "'");
        Map<String, Object> params = new HashMap<>(filter.params(pass.getFirst()));
        // Each KPI's predicates are evaluated once per row in the inner select; the outer one only adds them up.
        String inner = innerColumns(pass, filter, applied, params);
        StringBuilder outer = new StringBuilder();
        String round = exact ? "" : "round(";
        String places = exact ? "" : ", 1)";
        for (int i = 0; i < pass.size(); i++) {
            Formula f = Formulas.of(pass.get(i).code());
            String in = " filter (where t.w" + i + ")";
            String inNumerator = " filter (where t.w" + i + " and t.x" + i + ")";
            outer.append(", count(*)").append(in).append(" as r").append(i);
            switch (f.kind()) {
                case RATIO -> outer.append(", count(*)").append(inNumerator).append("::numeric as n").append(i)
                        .append(", count(*)").append(in).append("::numeric as d").append(i);
                case AVERAGE -> outer.append(", ").append(round).append("coalesce(sum(t.s").append(i).append(")").append(in)
                        .append(", 0)::numeric").append(places).append(" as n").append(i)
                        .append(", count(*)").append(in).append("::numeric as d").append(i);
                case TIME_SHARE -> outer.append(", ").append(round).append("coalesce(sum(t.s").append(i).append(")")
                        .append(inNumerator).append(", 0)::numeric").append(places).append(" as n").append(i)
                        .append(", ").append(round).append("coalesce(sum(t.s").append(i).append(")").append(in)
                        .append(", 0)::numeric").append(places).append(" as d").append(i);
            }
        }
        String where = filter.common(first) + (restrict == null ? "" : " and (" + restrict + ")");
        String sql = "select %s, %s as total%s from (select %s as k%s from %s where %s) t %s".formatted(
                key == null ? "null::text as k" : "t.k", key == null ? "1" : "grouping(t.k)", outer, key == null ? "null::text" : key, inner,
                first.source().from, where,
                key == null ? "" : "group by grouping sets ((t.k), ()) order by 1");
        BigDecimal[][] totals = new BigDecimal[pass.size()][];
        List<List<KpiFigure.Group>> groups = new ArrayList<>();
        pass.forEach(k -> groups.add(new ArrayList<>()));
        jdbc.sql(sql).params(params).query(rs -> {
            for (int i = 0; i < pass.size(); i++) {
                Formula f = Formulas.of(pass.get(i).code());
                BigDecimal n = rs.getBigDecimal("n" + i);
                BigDecimal d = rs.getBigDecimal("d" + i);
                if (rs.getInt("total") == 1) {
                    totals[i] = new BigDecimal[] {n, d};
                } else if (rs.getLong("r" + i) > 0) {
                    String k = rs.getString("k");
                    groups.get(i).add(new KpiFigure.Group(k, k, n, d, value(f, n, d)));
                }
            }
        });
        Map<String, KpiFigure> result = new LinkedHashMap<>();
        for (int i = 0; i < pass.size(); i++) {
            KpiDefinition k = pass.get(i);
            Formula f = Formulas.of(k.code());
            BigDecimal n = totals[i] == null ? BigDecimal.ZERO : totals[i][0];
            BigDecimal d = totals[i] == null ? BigDecimal.ZERO : totals[i][1];
            result.put(k.code(), new KpiFigure(k, n, d, value(f, n, d), groups.get(i)));
        }
        return result;
    }

    /**
     * The inner select's columns of a pass: per KPI {@code w<i>} (the row is in its denominator), {@code x<i>} (in
     * its numerator) and {@code s<i>} (its seconds), with each KPI's own parameters renamed into {@code params}.
     */
    static String innerColumns(List<KpiDefinition> pass, KpiFilter filter, Map<String, List<Exemptions.Applied>> applied,
                               Map<String, Object> params) {
        StringBuilder inner = new StringBuilder();
        for (int i = 0; i < pass.size(); i++) {
            KpiDefinition k = pass.get(i);
            Formula f = Formulas.of(k.code());
            Map<String, Object> own = filter.params(k);
            String rows = filter.rows(f) + Exemptions.predicate(f, applied.getOrDefault(k.code(), List.of()), own);
            String suffix = "_" + i;
            for (String name : own.keySet()) {
                if (OWN_PARAMETER.matcher(":" + name).matches()) {
                    params.put(name + suffix, own.get(name));
                }
            }
            inner.append(", coalesce(").append(own(rows, suffix)).append(", false) as w").append(i)
                    .append(", coalesce(").append(own(f.numerator(), suffix)).append(", false) as x").append(i);
            if (f.seconds() != null) {
                inner.append(", (").append(own(f.seconds(), suffix)).append(") as s").append(i);
            }
        }
        return inner.toString();
    }

    static String own(String sql, String suffix) {
        return OWN_PARAMETER.matcher(sql).replaceAll(":$1" + suffix);
    }

    private static String numerator(Formula f) {
        return switch (f.kind()) {
            case RATIO -> "count(*) filter (where " + f.numerator() + ")::numeric";
            case AVERAGE -> "round(coalesce(sum(" + f.seconds() + "), 0)::numeric, 1)";
            case TIME_SHARE -> "round(coalesce(sum(" + f.seconds() + ") filter (where " + f.numerator() + "), 0)::numeric, 1)";
        };
    }

    private static String denominator(Formula f) {
        return f.kind() == Formula.Kind.TIME_SHARE ? "round(coalesce(sum(" + f.seconds() + "), 0)::numeric, 1)" : "count(*)::numeric";
    }

    static BigDecimal value(Formula f, BigDecimal n, BigDecimal d) {
        if (d == null || d.signum() == 0) {
            return null;
        }
        return f.kind() == Formula.Kind.AVERAGE ? n.divide(d, 1, RoundingMode.HALF_UP)
                : n.multiply(BigDecimal.valueOf(100)).divide(d, 2, RoundingMode.HALF_UP);
    }
}
