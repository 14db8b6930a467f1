package org.openhotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.reporting.internal.kpis.Dimension;
import org.openhotline.reporting.internal.kpis.Exemptions;
import org.openhotline.reporting.internal.kpis.KpiDefinition;
import org.openhotline.reporting.internal.kpis.KpiDefinitions;
import org.openhotline.reporting.internal.kpis.KpiFigure;
import org.openhotline.reporting.internal.kpis.KpiFigures;
import org.openhotline.reporting.internal.kpis.KpiFilter;
import org.openhotline.reporting.internal.kpis.KpiRecords;
import org.openhotline.reporting.internal.kpis.KpiRollupFill;
import org.openhotline.reporting.internal.kpis.KpiRollups;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily rollups (issue 11, speed): a page of KPIs read from the rollups for whole days and from the facts for the
 * rest equals every KPI counted from the facts alone ({@link KpiFigures#compute}), for random periods, groupings and
 * scopes over the demo year and every other test's data; facts that change later — a call of an old day, an upheld
 * appeal's exclusion or regrade (改判) — change the figures of their day at once and its rollup on the next run; and
 * the rollups kept incrementally equal a refill from scratch.
 */
@HotlineTest
class KpiRollupTest {

    @Autowired
    KpiFigures figures;

    @Autowired
    KpiDefinitions definitions;

    @Autowired
    KpiRollups rollups;

    @Autowired
    KpiRollupFill fill;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Exemptions exemptions;

    @Autowired
    KpiRecords records;

    RollupFacts own;

    @BeforeEach
    void ownFacts() {
        own = new RollupFacts(jdbc, clock).write(clock.instant());
    }

    @AfterEach
    void deleteOwnFacts() {
        own.delete();
    }

    @Test
    void rollupsGiveTheFactsFiguresForRandomPeriodsAndScopes() {
        fill.refresh(Integer.MAX_VALUE);
        // a late change of an old day after the rollups were counted: read from the facts until the next run
        jdbc.sql("update rpt_call_fact set answered_at = null where call_id = ?").param(own.callPrefix + "8").update();
        var zone = clock.getZone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        long agent = own.firstAgent + 1;
        String district = jdbc.sql("select path from org_node where kind = 'DISTRICT' order by id limit 1")
                .query(String.class).optional().orElse(null);
        List<Dimension> dims = new ArrayList<>(List.of(Dimension.values()));
        dims.add(null);
        long seed = 20261205L;
        Random random = new Random(seed);
        List<KpiDefinition> all = definitions.all();
        int rolled = 0;
        for (int i = 0; i < 10; i++) {
            LocalDate first = i % 4 == 3 ? today.minusDays(random.nextInt(400)) : today.minusDays(1 + random.nextInt(45));
            LocalDate last = i == 0 ? today : first.plusDays(random.nextInt(i % 4 == 3 ? 366 : 30));
            Dimension by = dims.get(random.nextInt(dims.size()));
            int who = random.nextInt(5);
            // now two days and a half ahead: the dispatch whose deadline lay ahead counts as late, its day from the facts
            Instant at = i % 5 == 4 ? now.plus(Duration.ofHours(60)) : now;
            KpiFilter filter = new KpiFilter(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(),
                    who == 3 ? district : null, who == 4 ? agent : null, by, zone, at,
                    who == 3 ? List.of(agent, own.firstAgent, own.firstAgent + 1) : null);
            String what = "seed " + seed + ", " + filter;
            Map<String, KpiFigure> page = figures.computeAll(all, filter);
            for (KpiDefinition k : all) {
                Optional<KpiFigure> facts = figures.compute(k, filter);
                assertThat(page.containsKey(k.code())).as("%s shown, %s", k.code(), what).isEqualTo(facts.isPresent());
                facts.ifPresent(f -> assertSame(f, page.get(k.code()), what));
                rolled += rollups.rolledDays(k, filter, all);
            }
        }
        assertThat(rolled).as("days read from the rollups").isPositive();
    }

    @Test
    void aLateExclusionOrRegradeChangesTheRollupOfTheOrdersDay() {
        var zone = clock.getZone();
        LocalDate day = clock.instant().atZone(zone).toLocalDate().minusDays(45);
        Instant at = day.atTime(10, 0).atZone(zone).toInstant();
        long order = 9_100_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        List<KpiDefinition> all = definitions.all();
        KpiDefinition satisfaction = definitions.required("satisfaction");
        KpiDefinition callbackRate = definitions.required("callback-rate");
        try {
            jdbc.sql("""
                            insert into rpt_order_fact (order_id, number, channel, appeal_type, created_at, first_dispatched_at,
                                                        closed_at, first_callback_at, region_path)
                            values (?, 'RT-' || ?, 'PHONE', 'COMPLAINT', ?, ?, ?, ?, '/rollup-test/')""")
                    .params(order, order % 100000, ts(at), ts(at.plusSeconds(600)), ts(at.plusSeconds(3600)), ts(at.plusSeconds(5400)))
                    .update();
            jdbc.sql("insert into rpt_callback_fact (order_id, at, resolved, satisfaction) values (?, ?, false, 'DISSATISFIED')")
                    .params(order, ts(at.plusSeconds(5400))).update();
            fill.refresh(Integer.MAX_VALUE);
            // a rollup counted after the page's "now" is not the page's: each look takes the time anew
            java.util.function.Supplier<KpiFilter> of = () -> new KpiFilter(day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant(), null, null, Dimension.DAY, zone, clock.instant());
            assertThat(rollups.rolledDays(satisfaction, of.get(), all)).as("the day is rolled up").isEqualTo(1);
            KpiFigure before = page(of.get(), all, "satisfaction");
            KpiFigure rateBefore = page(of.get(), all, "callback-rate");

            // an upheld appeal regrades the dissatisfied callback (改判), as KpiExclusions writes it
            long appeal = order;
            jdbc.sql("""
                            insert into rpt_exclusion (appeal_id, order_id, unit_id, kpi_code, reason, at, kind, regrade)
                            values (?, ?, 0, 'satisfaction', '回访人员误判', ?, 'DISSATISFIED_CALLBACK', 'SATISFIED')""")
                    .params(appeal, order, ts(at.plusSeconds(86_400))).update();
            assertThat(rollups.rolledDays(satisfaction, of.get(), all)).as("the changed day is read from the facts").isZero();
            assertThat(page(of.get(), all, "satisfaction").numerator()).isEqualByComparingTo(before.numerator().add(BigDecimal.ONE));
            fill.refresh(Integer.MAX_VALUE);
            assertThat(rollups.rolledDays(satisfaction, of.get(), all)).as("rolled up again").isEqualTo(1);
            assertSame(figures.compute(satisfaction, of.get()).orElseThrow(), page(of.get(), all, "satisfaction"), "regrade");
            assertThat(page(of.get(), all, "satisfaction").numerator()).isEqualByComparingTo(before.numerator().add(BigDecimal.ONE));

            // an exclusion from the callback rate, kept on the order's row (OrderKpiColumns)
            jdbc.sql("update rpt_order_fact set excluded_kpis = '{callback-rate}' where order_id = ?").param(order).update();
            fill.refresh(Integer.MAX_VALUE);
            assertThat(rollups.rolledDays(callbackRate, of.get(), all)).isEqualTo(1);
            KpiFigure rate = page(of.get(), all, "callback-rate");
            assertSame(figures.compute(callbackRate, of.get()).orElseThrow(), rate, "exclusion");
            assertThat(rate.denominator()).isEqualByComparingTo(rateBefore.denominator().subtract(BigDecimal.ONE));
        } finally {
            jdbc.sql("delete from rpt_exclusion where appeal_id = ?").param(order).update();
            jdbc.sql("delete from rpt_callback_fact where order_id = ?").param(order).update();
            jdbc.sql("delete from rpt_order_fact where order_id = ?").param(order).update();
        }
    }

    @Test
    void incrementalRollupsEqualARefill() {
        fill.refresh(Integer.MAX_VALUE);
        // late events for old days: an answered call lost its answer, a state closed later, an order reopened, a regrade
        jdbc.sql("update rpt_call_fact set answered_at = null, satisfaction = null where call_id = ?").param(own.callPrefix + "11").update();
        jdbc.sql("update rpt_agent_state_fact set ended_at = ended_at + interval '25 hours' where account_id = ? and started_at = "
                + "(select min(started_at) from rpt_agent_state_fact where account_id = ?)").params(own.firstAgent, own.firstAgent).update();
        jdbc.sql("update rpt_order_fact set closed_at = null, reopen_count = 1 where order_id = ?").param(own.base + 3).update();
        jdbc.sql("update rpt_assignment_fact set return_approved = true where assignment_id = ?").param(own.base + 4).update();
        fill.refresh(Integer.MAX_VALUE);
        var tx = new TransactionTemplate(transactions);
        var fresh = new TransactionTemplate(transactions);
        fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        tx.executeWithoutResult(status -> {
            // no run of the fill changes the rollups meanwhile
            jdbc.sql("select pg_advisory_xact_lock(hashtext('rpt_kpi_rollup'))").query().singleRow();
            Map<String, String> incremental = rollupRows();
            fill.refillAll();
            Map<String, String> refilled = rollupRows();
            // a day whose facts changed since its rollup (another test's late event) is read from the facts, and may differ
            var zone = clock.getZone();
            List<String> changed = new ArrayList<>();
            fresh.executeWithoutResult(s -> jdbc.sql("select distinct hour from rpt_rollup_dirty").query(rs -> {
                Instant hour = rs.getTimestamp("hour").toInstant();
                changed.add(" " + hour.atZone(zone).toLocalDate() + " ");
                changed.add(" " + hour.plus(Duration.ofHours(1)).minusNanos(1).atZone(zone).toLocalDate() + " ");
            }));
            // and days not ended yet (a test that moved the clock ahead had them rolled up)
            LocalDate yesterday = clock.instant().atZone(zone).toLocalDate().minusDays(1);
            java.util.function.Predicate<String> skipped = k -> changed.stream().anyMatch(k::contains)
                    || LocalDate.parse(k.split(" ")[1]).isAfter(yesterday);
            incremental.keySet().removeIf(skipped);
            refilled.keySet().removeIf(skipped);
            assertThat(incremental).as("rollup rows").isNotEmpty();
            assertThat(incremental).isEqualTo(refilled);
            status.setRollbackOnly();
        });
    }

    @Test
    void theMonthRuleCountsTheAnsweredCallsOfTheFacts() {
        fill.refresh(Integer.MAX_VALUE);
        var zone = clock.getZone();
        Instant now = clock.instant();
        // a late change of an old day after its rollup (that day from the facts until the next run), and a call today
        jdbc.sql("update rpt_call_fact set answered_at = null where call_id = ?").param(own.callPrefix + "12").update();
        jdbc.sql("""
                        insert into rpt_call_fact (call_id, direction, arrived_at, queued_at, agent_id, answered_at, ended_at)
                        values (?, 'INBOUND', ?, ?, ?, ?, ?)""")
                .params(own.callPrefix + "today", ts(now.minusSeconds(90)), ts(now.minusSeconds(88)), own.firstAgent,
                        ts(now.minusSeconds(80)), ts(now.minusSeconds(20)))
                .update();
        YearMonth month = YearMonth.from(now.atZone(zone));
        Instant start = month.minusMonths(13).atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        var tx = new TransactionTemplate(transactions);
        // one snapshot for both counts: a listener writing a fact meanwhile changes neither
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        tx.executeWithoutResult(status -> {
            Map<YearMonth, Long> counted = exemptions.answeredByMonth(start, end, zone, now);
            // the count as the rule made it before the rollups: the answered calls of each month over the call facts
            Map<YearMonth, Long> facts = new TreeMap<>();
            jdbc.sql("""
                            select to_char(c.arrived_at at time zone :tz, 'YYYY-MM') as month, count(*) as answered
                              from rpt_call_fact c
                             where c.arrived_at >= :from and c.arrived_at < :to
                               and c.direction = 'INBOUND' and c.answered_at is not null
                             group by 1""")
                    .param("tz", zone.getId()).param("from", ts(start)).param("to", ts(end))
                    .query(rs -> {
                        facts.put(YearMonth.parse(rs.getString("month")), rs.getLong("answered"));
                    });
            assertThat(counted).as("answered calls per month").isEqualTo(facts).containsKey(month);
            var byMonth = new KpiFilter(start, end, null, null, Dimension.MONTH, zone, now);
            assertThat(rollups.rolledDays(definitions.required("survey-participation"), byMonth, definitions.all()))
                    .as("days counted from the rollups").isPositive();
            status.setRollbackOnly();
        });
    }

    @Test
    void aDrillDownsTotalTakesTheRolledDaysAsTheFactsCountThem() {
        fill.refresh(Integer.MAX_VALUE);
        var zone = clock.getZone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate first = today.minusDays(35);
        String day = today.minusDays(20).toString();
        String agent = String.valueOf(own.firstAgent + 1);
        // days the drill-down counts in the facts: an old day changed after its rollup (the agent's call 52, 35 days
        // ago) and today, with a call of the same agent
        jdbc.sql("update rpt_call_fact set answered_at = null where call_id = ?").param(own.callPrefix + "52").update();
        jdbc.sql("""
                        insert into rpt_call_fact (call_id, direction, arrived_at, queued_at, agent_id, answered_at, ended_at)
                        values (?, 'INBOUND', ?, ?, ?, ?, ?)""")
                .params(own.callPrefix + "today", ts(now.minusSeconds(90)), ts(now.minusSeconds(88)), own.firstAgent + 1,
                        ts(now.minusSeconds(80)), ts(now.minusSeconds(20)))
                .update();
        List<KpiDefinition> all = definitions.all();
        var tx = new TransactionTemplate(transactions);
        // one snapshot for the drill-down and the facts: a listener writing a fact meanwhile changes neither
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        tx.executeWithoutResult(status -> {
            int rolled = 0;
            // whole days and today (from the facts), by itself, one day of a grouping by day, one agent
            for (Object[] g : List.<Object[]>of(new Object[] {null, null}, new Object[] {Dimension.DAY, day},
                    new Object[] {Dimension.AGENT, agent})) {
                KpiFilter filter = new KpiFilter(first.atStartOfDay(zone).toInstant(), today.plusDays(1).atStartOfDay(zone).toInstant(),
                        null, null, (Dimension) g[0], zone, now);
                String key = (String) g[1];
                for (String code : List.of("answer-rate", "avg-wait", "completion-on-time", "satisfaction", "avg-acw")) {
                    KpiDefinition kpi = definitions.required(code);
                    // the figure counted from the facts alone: its rows are the drill-down's
                    Optional<KpiFigure> facts = figures.compute(kpi, filter);
                    // order figures have no agent to group by
                    boolean noAgent = List.of("completion-on-time", "satisfaction").contains(code);
                    if (facts.isEmpty() || (filter.groupBy() == Dimension.AGENT && noAgent)) {
                        continue;
                    }
                    BigDecimal n = facts.get().numerator();
                    BigDecimal d = facts.get().denominator();
                    if (key != null) {
                        var group = facts.get().groups().stream().filter(x -> key.equals(x.key())).findFirst();
                        n = group.map(KpiFigure.Group::numerator).orElse(BigDecimal.ZERO);
                        d = group.map(KpiFigure.Group::denominator).orElse(BigDecimal.ZERO);
                    }
                    String what = code + " " + g[0] + " " + key;
                    var denominator = records.page(kpi, filter, KpiRecords.Part.DENOMINATOR, key, 1, 20);
                    assertThat(denominator.total()).as("denominator rows, %s", what).isEqualTo(d.longValueExact());
                    var numerator = records.page(kpi, filter, KpiRecords.Part.NUMERATOR, key, 1, 20);
                    if (code.startsWith("avg-")) {
                        assertThat(numerator.total()).as("rows averaged, %s", what).isEqualTo(d.longValueExact());
                        assertThat(denominator.seconds()).as("seconds, %s", what).isEqualByComparingTo(n);
                    } else {
                        assertThat(numerator.total()).as("numerator rows, %s", what).isEqualTo(n.longValueExact());
                    }
                    rolled += rollups.rolledDays(kpi, filter, all);
                }
            }
            assertThat(rolled).as("days read from the rollups").isPositive();
            // of the 35 ended days, the changed one at least is counted from the facts, as today is
            KpiFilter city = new KpiFilter(first.atStartOfDay(zone).toInstant(), today.plusDays(1).atStartOfDay(zone).toInstant(),
                    null, null, null, zone, now);
            assertThat(rollups.rolledDays(definitions.required("answer-rate"), city, all)).isBetween(1, 34);
            status.setRollbackOnly();
        });
    }

    @Test
    void teamsCategoriesAndScopesFromTheRollupsGiveTheFactsFigures() {
        var zone = clock.getZone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        long a = own.firstAgent;
        long b = own.firstAgent + 1;
        long c = own.firstAgent + 2;
        long teamA = own.base + 1;
        long teamB = own.base + 2;
        String nameA = "滚动甲" + own.base % 1_000_000;
        String nameB = "滚动乙" + own.base % 1_000_000;
        // agent b moves from team A to team B at 10:30 on its move day, with a call before and after the move
        LocalDate moveDay = today.minusDays(20);
        Instant move = moveDay.atTime(10, 30).atZone(zone).toInstant();
        Instant epoch = Instant.parse("2000-01-01T00:00:00Z");
        try {
            jdbc.sql("""
                            insert into rpt_team_membership (account_id, team_id, team_name, valid_from, valid_to)
                            values (?, ?, ?, ?, null), (?, ?, ?, ?, ?), (?, ?, ?, ?, null), (?, ?, ?, ?, null)""")
                    .params(a, teamA, nameA, ts(epoch), b, teamA, nameA, ts(epoch), ts(move), b, teamB, nameB, ts(move),
                            c, teamB, nameB, ts(epoch))
                    .update();
            for (int hour : new int[] {8, 15}) {
                Instant at = moveDay.atTime(hour, 0).atZone(zone).toInstant();
                jdbc.sql("""
                                insert into rpt_call_fact (call_id, direction, arrived_at, queued_at, agent_id, answered_at, ended_at)
                                values (?, 'INBOUND', ?, ?, ?, ?, ?)""")
                        .params(own.callPrefix + "move" + hour, ts(at), ts(at.plusSeconds(2)), b,
                                hour == 8 ? ts(at.plusSeconds(12)) : null, ts(at.plusSeconds(90)))
                        .update();
            }
            // the test's orders in three categories of their own
            jdbc.sql("update rpt_order_fact set category_id = ? + order_id % 3 where order_id between ? and ?")
                    .params(own.base + 10, own.base, own.base + 999).update();
            fill.refresh(Integer.MAX_VALUE);

            // after the rollups were counted: an old call lost its answer, an order changed its category, a dispatch
            // went to another unit (its order's and callbacks' days change scope), agent c moved to team A ten days ago
            jdbc.sql("update rpt_call_fact set answered_at = null where call_id = ?").param(own.callPrefix + "61").update();
            jdbc.sql("update rpt_order_fact set category_id = ? where order_id = ?").params(own.base + 12, own.base + 40).update();
            jdbc.sql("update rpt_assignment_fact set unit_path = '/rt/u3/', unit_id = 803 where assignment_id = ?")
                    .param(own.base + 31).update();
            Instant moveC = today.minusDays(10).atTime(16, 45).atZone(zone).toInstant();
            jdbc.sql("update rpt_team_membership set valid_to = ? where account_id = ? and team_id = ?").params(ts(moveC), c, teamB).update();
            jdbc.sql("insert into rpt_team_membership (account_id, team_id, team_name, valid_from) values (?, ?, ?, ?)")
                    .params(c, teamA, nameA, ts(moveC)).update();

            // the pages' "now" after the rollups were counted (a rollup counted later than a page's now is not its)
            Instant now = clock.instant();
            List<KpiDefinition> all = definitions.all();
            Instant from = today.minusDays(44).atStartOfDay(zone).toInstant();
            Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
            List<Long> agents = List.of(a, b, c);
            record Page(String scope, Long team, Dimension by) {}
            List<Page> pages = new ArrayList<>();
            for (Dimension by : new Dimension[] {null, Dimension.TEAM, Dimension.DAY, Dimension.AGENT}) {
                pages.add(new Page(null, null, by));
                pages.add(new Page(null, teamA, by));
                pages.add(new Page(null, teamB, by));
                pages.add(new Page("/rt/city/", teamB, by));
            }
            for (Dimension by : new Dimension[] {null, Dimension.CATEGORY, Dimension.MONTH, Dimension.UNIT, Dimension.REGION}) {
                pages.add(new Page(null, null, by));
                for (String scope : List.of("/rt/u1/", "/rt/u3/", "/rt/city/", "/rt/city/d1/", "/rt/", "/rt/u")) {
                    pages.add(new Page(scope, null, by));
                }
            }
            var tx = new TransactionTemplate(transactions);
            // one snapshot for the page and the facts: a listener writing a fact meanwhile changes neither
            tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            tx.executeWithoutResult(status -> {
                Map<String, Integer> rolled = new TreeMap<>();
                for (Page p : pages) {
                    KpiFilter filter = new KpiFilter(from, to, p.scope(), null, p.by(), zone, now,
                            "/rt/city/".equals(p.scope()) ? agents : null, p.team());
                    String what = p.toString();
                    Map<String, KpiFigure> page = figures.computeAll(all, filter);
                    for (KpiDefinition k : all) {
                        Optional<KpiFigure> facts = figures.compute(k, filter);
                        assertThat(page.containsKey(k.code())).as("%s shown, %s", k.code(), what).isEqualTo(facts.isPresent());
                        facts.ifPresent(f -> assertSame(f, page.get(k.code()), what));
                        int days = rollups.rolledDays(k, filter, all);
                        String cut = p.team() != null || p.by() == Dimension.TEAM ? "team"
                                : p.by() == Dimension.CATEGORY ? "category" : p.scope() != null ? "scope" : "city";
                        rolled.merge(cut + " " + k.source(), days, Math::max);
                    }
                }
                // the pages did read most of the 44 ended days from the rollups (not those of a move or a late
                // change): a team's calls and states, orders by category, a unit's or a district's own orders,
                // dispatches and callbacks
                assertThat(rolled).as("days read from the rollups").allSatisfy((cut, days) -> {
                    if (cut.matches("team (CALL|STATE)|(category|scope) (ORDER|ASSIGNMENT|CALLBACK)")) {
                        assertThat(days).as(cut).isGreaterThanOrEqualTo(35);
                    }
                });
                // every node's page at once (the unit KPI report, one statement for all nodes' rolled-up days) gives
                // each node's own page: with today from the facts and without, and with a path that is no node's
                List<String> scopes = List.of("/rt/u1/", "/rt/u3/", "/rt/city/", "/rt/city/d1/", "/rt/", "/rt/u");
                for (Instant end : List.of(to, today.atStartOfDay(zone).toInstant())) {
                    KpiFilter nodes = new KpiFilter(from, end, null, null, null, zone, now);
                    Map<String, Map<String, KpiFigure>> byScope = figures.computeAllByScope(all, nodes, scopes);
                    assertThat(byScope.keySet()).containsExactlyElementsOf(scopes);
                    for (String scope : scopes) {
                        KpiFilter one = nodes.withScope(scope);
                        String what = "every node at once, " + one;
                        for (KpiDefinition k : all) {
                            Optional<KpiFigure> facts = figures.compute(k, one);
                            assertThat(byScope.get(scope).containsKey(k.code())).as("%s shown, %s", k.code(), what)
                                    .isEqualTo(facts.isPresent());
                            facts.ifPresent(f -> assertSame(f, byScope.get(scope).get(k.code()), what));
                        }
                    }
                }
                // the move days are counted from the facts, the days around them from the rollups
                KpiDefinition answerRate = definitions.required("answer-rate");
                for (LocalDate day : List.of(moveDay, today.minusDays(10))) {
                    KpiFilter one = new KpiFilter(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(),
                            null, null, Dimension.TEAM, zone, now);
                    assertThat(rollups.rolledDays(answerRate, one, all)).as("move day %s", day).isZero();
                }
                KpiFilter before = new KpiFilter(moveDay.minusDays(1).atStartOfDay(zone).toInstant(),
                        moveDay.atStartOfDay(zone).toInstant(), null, null, Dimension.TEAM, zone, now);
                assertThat(rollups.rolledDays(answerRate, before, all)).as("the day before").isEqualTo(1);
                // on the move day agent b's answered call counts with team A, its missed one with team B
                KpiFilter moving = new KpiFilter(moveDay.atStartOfDay(zone).toInstant(), moveDay.plusDays(1).atStartOfDay(zone).toInstant(),
                        null, null, Dimension.TEAM, zone, now);
                var byTeam = new TreeMap<String, String>();
                figures.computeAll(List.of(answerRate), moving).get("answer-rate").groups().forEach(g ->
                        byTeam.put(String.valueOf(g.key()), g.numerator().toPlainString() + "/" + g.denominator().toPlainString()));
                assertThat(byTeam).containsKeys(nameA, nameB);
                status.setRollbackOnly();
            });
        } finally {
            jdbc.sql("delete from rpt_team_membership where team_id in (?, ?)").params(teamA, teamB).update();
        }
    }

    /** Every rollup row, keyed by its day and group, as text. */
    private Map<String, String> rollupRows() {
        Map<String, String> rows = new TreeMap<>();
        jdbc.sql("""
                        select kpi_code || ' ' || day || ' ' || coalesce(agent_id::text, '') || ' ' || coalesce(group_id, '') || ' '
                               || coalesce(unit_id, '') || ' ' || coalesce(region, '') || ' ' || coalesce(channel, '') || ' '
                               || coalesce(category_id, '') || ' ' || coalesce(scope_path, '') || ' ' || grain as k,
                               r || ' ' || n || ' ' || d as v
                          from rpt_kpi_rollup
                        union all
                        select 'STATE ' || day || ' ' || agent_id || ' ' || state || ' ' || coalesce(end_day::text, ''),
                               rows || ' ' || seconds || ' ' || start_epoch from rpt_state_rollup""")
                .query(rs -> {
                    rows.merge(rs.getString("k"), rs.getString("v"), (a, b) -> a + " + " + b);
                });
        return rows;
    }

    private KpiFigure page(KpiFilter filter, List<KpiDefinition> all, String code) {
        return figures.computeAll(all, filter).get(code);
    }

    private static void assertSame(KpiFigure facts, KpiFigure page, String what) {
        String code = facts.kpi().code();
        assertThat(page.numerator()).as("%s numerator, %s", code, what).isEqualByComparingTo(facts.numerator());
        assertThat(page.denominator()).as("%s denominator, %s", code, what).isEqualByComparingTo(facts.denominator());
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        facts.groups().forEach(g -> expected.put(String.valueOf(g.key()), g.numerator().stripTrailingZeros().toPlainString()
                + " / " + g.denominator().stripTrailingZeros().toPlainString()));
        page.groups().forEach(g -> actual.put(String.valueOf(g.key()), g.numerator().stripTrailingZeros().toPlainString()
                + " / " + g.denominator().stripTrailingZeros().toPlainString()));
        assertThat(actual).as("%s groups, %s", code, what).isEqualTo(expected);
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
