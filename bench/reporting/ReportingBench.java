import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.openhotline.HotlineApplication;
import org.openhotline.HotlineProperties;
import org.openhotline.callcenter.CallEvents;
import org.openhotline.reporting.internal.facts.FactRebuild;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reporting benchmark (see run.sh and README.md). Starts the platform in this JVM on an embedded PostgreSQL kept in
 * $RPT_BENCH_DATA, generates {@code orders} orders and {@code calls} calls with agent state intervals into the
 * modules' OWN tables by SQL (as the schema owner), rebuilds the facts with the platform's rebuild, and measures:
 * KPI pages (a month, a year, city-wide, all KPIs) and drill-down pages through HTTP, against the same KPI computed
 * by one SQL aggregate over the raw tables (baseline); the lag from an event's commit to its fact while 200 events/s
 * arrive; and the big screen's push after a call arrives, through the SSE stream.
 */
public class ReportingBench {

    static final String PASSWORD = "Bench-Pass-2026";

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 5_000_000;
        int lagSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        String dir = System.getenv().getOrDefault("RPT_BENCH_DATA", "/tmp/openhotline-rpt-bench");
        long start = System.nanoTime();
        var app = new SpringApplicationBuilder(HotlineApplication.class).run("--hotline.data-dir=" + dir,
                "--server.port=0", "--hotline.demo.password=" + PASSWORD, "--hotline.demo.history=false",
                "--hotline.db.shared-buffers=512MB", // a million orders: the cache a city of that size sets
                "--logging.level.root=WARN", "--spring.main.banner-mode=off", "--hotline.sip.enabled=false",
                // no nightly copy of a 20 GB bench database (a run crossing 02:00 once wrote 4.6 GB of backup)
                "--hotline.backup.cron=-",
                // the bench fills the KPI rollups itself, between the pages from the facts and those from the rollups
                "--hotline.reports.rollups.refresh=PT24H");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            System.out.printf("machine: %d cores, %s; data %s; started in %.0f s%n",
                    Runtime.getRuntime().availableProcessors(), load(), dir, secs(start));
            generate(app, jdbc, orders, calls);
            if (System.getenv("RPT_BENCH_GENERATE_ONLY") != null) {
                // RPT_BENCH_GENERATE_ONLY=1: data and facts only, e.g. on a busy machine, the pages later on a quiet one
                System.out.printf("generated only; total %.0f s; %s%n", secs(start), load());
                return;
            }
            List<String[]> table = new ArrayList<>();
            // Before: no day rolled up, every page from the facts (as the previous build); after: the daily rollups.
            jdbc.sql("delete from rpt_kpi_rollup_day").update();
            // RPT_BENCH_FACTS=false: no pages from the facts (at full scale they take most of an hour); the raw
            // aggregate stays the baseline, and the rollups' figures are checked against it
            boolean facts = !"false".equals(System.getenv("RPT_BENCH_FACTS"));
            Map<String, String> factsBodies = Map.of();
            if (facts) {
                kpiPages(port, jdbc, table, "facts: ");
                factsBodies = cutPages(port, jdbc, table, "facts: ");
            }
            long fill = System.nanoTime();
            int days = app.getBean(org.openhotline.reporting.internal.kpis.KpiRollupFill.class).refresh(Integer.MAX_VALUE);
            System.out.printf("KPI rollups filled in %.0f s: %,d pass-days (%s)%n", secs(fill), days, load());
            kpiPages(port, jdbc, table, "rollups: ");
            Map<String, String> rolledBodies = cutPages(port, jdbc, table, "rollups: ");
            // the team, category and unit pages give the same figures from the rollups as from the facts
            factsBodies.forEach((page, body) -> System.out.printf("same figures from facts and rollups: %s %s%n", page,
                    figures(body).equals(figures(rolledBodies.get(page))) ? "EQUAL" : "DIFFERENT"));
            table.forEach(row -> System.out.printf("%-58s %12s %12s %10s%n", (Object[]) row));
            if (System.getenv("RPT_BENCH_PAGES_ONLY") == null && facts) {
                int before = table.size();
                onePassVersusEachKpi(app, jdbc, table);
                table.subList(before, table.size()).forEach(row -> System.out.printf("%-58s %12s %12s %10s%n", (Object[]) row));
            }
            // RPT_BENCH_PAGES_ONLY=1: the KPI pages only (e.g. the same data with two builds, one after the other)
            if (System.getenv("RPT_BENCH_PAGES_ONLY") == null) {
                factLag(app, jdbc, lagSeconds, table);
                bigScreenPush(app, port, jdbc, table);
            }
            System.out.printf("%n%-58s %12s %12s %10s%n", "figure (" + String.format("%,d orders, %,d calls", orders, calls) + ")",
                    "measured", "baseline", "target");
            for (String[] row : table) {
                System.out.printf("%-58s %12s %12s %10s%n", (Object[]) row);
            }
            System.out.printf("total %.0f s; %s%n", secs(start), load());
        } finally {
            app.close();
        }
    }

    // ---------------------------------------------------------------- generation

    static void generate(ConfigurableApplicationContext app, JdbcClient jdbc, int orders, int calls) throws Exception {
        long haveCalls = jdbc.sql("select count(*) from cc_call where trunk = 'bench'").query(Long.class).single();
        long haveOrders = jdbc.sql("select count(*) from work_order where created_by = 'rbench'").query(Long.class).single();
        if (haveCalls >= calls && haveOrders >= orders) {
            System.out.printf("generated: %,d calls and %,d orders kept from an earlier run%n", haveCalls, haveOrders);
            if (count(jdbc, "rpt_call_fact") < haveCalls || count(jdbc, "rpt_order_fact") < haveOrders) {
                rebuild(app);
            } else {
                // a migration may have rewritten the facts' rows (new columns filled): the same tidy state for every build
                long v = System.nanoTime();
                try (Connection c = owner(app); var st = c.createStatement()) {
                    for (String t : List.of("rpt_call_fact", "rpt_agent_state_fact", "rpt_order_fact", "rpt_assignment_fact",
                            "rpt_callback_fact", "rpt_assignment_decision")) {
                        st.execute("vacuum analyze " + t);
                    }
                }
                System.out.printf("facts vacuumed and analyzed in %.0f s%n", secs(v));
            }
            return;
        }
        long t0 = System.nanoTime();
        String agents = "array[" + String.join(",", jdbc.sql("select account_id::text from cc_agent order by 1").query(String.class).list()) + "]::bigint[]";
        String groups = "array[" + String.join(",", jdbc.sql("select id::text from cc_skill_group where code <> 'leaders' order by 1").query(String.class).list()) + "]::bigint[]";
        String streets = "array[" + String.join(",", jdbc.sql("select id::text from org_node where kind = 'STREET' order by 1").query(String.class).list()) + "]::bigint[]";
        String units = "array[" + String.join(",", jdbc.sql("select id::text from org_node where kind = 'UNIT' order by 1").query(String.class).list()) + "]::bigint[]";
        String center = jdbc.sql("select path from org_node where code = 'JZ'").query(String.class).single();
        try (Connection c = owner(app); var st = c.createStatement()) {
            st.execute("set synchronous_commit = off");
            st.execute("set maintenance_work_mem = '256MB'");
            // A year of calls ending yesterday, ~9 % lost in the IVR, ~6 % abandoned in the queue, the rest answered
            // after a wait of 0–60 s (most under 20), talking 1–6 minutes; states 通话, 整理, 示闲 per answered call.
            for (long from = haveCalls + 1; from <= calls; from += 500_000) {
                long to = Math.min(calls, from + 499_999);
                st.execute("""
                        insert into cc_call (id, caller, called, trunk, direction, arrived_at, ivr_exit_at, queued_at, group_id,
                               offered_at, answered_at, ended_at, end_cause, abandon_point, agent_id, satisfaction)
                        select 'B' || lpad(g::text, 10, '0'), '138' || lpad((g * 7919 % 100000000)::text, 8, '0'), '12345', 'bench', 'INBOUND',
                               x.at, x.at + interval '20 s', case when x.u1 >= 90 then x.at + interval '20 s' end,
                               case when x.u1 >= 90 then ({groups})[1 + g % cardinality({groups})] end,
                               case when x.u1 >= 150 then x.at + interval '20 s' + x.wait end,
                               case when x.u1 >= 150 then x.at + interval '23 s' + x.wait end,
                               case when x.u1 < 90 then x.at + interval '20 s' when x.u1 < 150 then x.at + interval '20 s' + x.wait
                                    else x.at + interval '23 s' + x.wait + x.talk end,
                               'NORMAL_CLEARING', case when x.u1 < 90 then 'IVR' when x.u1 < 150 then 'QUEUE' end,
                               case when x.u1 >= 150 then ({agents})[1 + g % cardinality({agents})] end,
                               case when x.u1 >= 150 and x.u2 < 450 then (case when x.u2 < 410 then 1 when x.u2 < 440 then 2 else 3 end) end
                          from generate_series({from}::bigint, {to}::bigint) g
                          cross join lateral (select date_trunc('day', now()) - interval '365 days'
                                                     + make_interval(secs => g * 31536000.0 / {n}) as at,
                                                     abs(hashint8(g)) % 1000 as u1, abs(hashint8(g + 1000000007)) % 1000 as u2,
                                                     make_interval(secs => (abs(hashint8(g + 2000000011)) % 1000) ^ 2 / 16000.0) as wait,
                                                     make_interval(secs => 60 + abs(hashint8(g + 3000000019)) % 300) as talk) x"""
                        .replace("{groups}", groups).replace("{agents}", agents).replace("{from}", String.valueOf(from))
                        .replace("{to}", String.valueOf(to)).replace("{n}", String.valueOf(calls)));
                st.execute("""
                        insert into cc_agent_state_log (account_id, state, by_actor, started_at, ended_at)
                        select c.agent_id, s.state, 'bench', s.at, s.until
                          from cc_call c
                          cross join lateral (values ('TALKING', c.answered_at, c.ended_at),
                                                     ('AFTER_CALL_WORK', c.ended_at, c.ended_at + interval '30 s'),
                                                     ('READY', c.ended_at + interval '30 s', c.ended_at + interval '90 s')) s(state, at, until)
                         where c.trunk = 'bench' and c.answered_at is not null
                           and c.id between 'B' || lpad('{from}', 10, '0') and 'B' || lpad('{to}', 10, '0')"""
                        .replace("{from}", String.valueOf(from)).replace("{to}", String.valueOf(to)));
                System.out.printf("  calls %,d (%.0f s)%n", to, secs(t0));
            }
            // A year of orders: 35 % consultations (90 % answered directly), the rest dispatched to a unit; 3 % returned,
            // 6 % extended, 3 % signed late, 7 % replied late; 95 % of the closed ones called back, 8 % dissatisfied.
            for (long from = haveOrders + 1; from <= orders; from += 200_000) {
                long to = Math.min(orders, from + 199_999);
                st.execute("""
                        insert into work_order (number, channel, appeal_type, urgency, category_id, region_id, region_path, title,
                               content, state, owner_path, created_by, created_at, updated_at, closed_at, dissatisfied_count,
                               urge_count, search_text, grams)
                        select 'R' || lpad(g::text, 12, '0'), (array['PHONE','PHONE','PHONE','WECHAT','WEB','APP','SMS','EMAIL'])[1 + g % 8],
                               case when g % 20 < 7 then 'CONSULTATION' else (array['COMPLAINT','HELP','REPORT','SUGGESTION'])[1 + g % 4] end,
                               'NORMAL', 4 + (g % 130), s.id, s.path, '基准工单', '基准工单内容', 'CLOSED', '{center}', 'rbench',
                               x.at, x.at, x.at + interval '3 days', case when g % 13 = 0 then 1 else 0 end,
                               case when g % 20 = 3 then 1 else 0 end, '', '{}'
                          from generate_series({from}::bigint, {to}::bigint) g
                          cross join lateral (select date_trunc('day', now()) - interval '365 days'
                                                     + make_interval(secs => g * 31536000.0 / {n}) as at) x
                          join org_node s on s.id = ({streets})[1 + g % cardinality({streets})]"""
                        .replace("{streets}", streets).replace("{center}", center).replace("{from}", String.valueOf(from))
                        .replace("{to}", String.valueOf(to)).replace("{n}", String.valueOf(orders)));
                String range = "w.created_by = 'rbench' and w.number between 'R' || lpad('" + from + "', 12, '0') and 'R' || lpad('" + to + "', 12, '0')";
                st.execute("""
                        insert into wo_timeline (work_order_id, at, actor, action, note)
                        select w.id, w.created_at + interval '5 minutes', 'agent1', 'direct-reply', '直接答复'
                          from work_order w where {range} and w.appeal_type = 'CONSULTATION' and w.id % 10 <> 0"""
                        .replace("{range}", range));
                st.execute("""
                        insert into wo_assignment (work_order_id, unit_id, unit_path, unit_name, role, state, assigned_by, assigned_at,
                               sign_due_at, handle_start_at, handle_due_at, signed_at, replied_at, extensions)
                        select w.id, u.id, u.path, u.name, 'MAIN', case when w.id % 33 = 0 then 'RETURNED' else 'CLOSED' end, 'dispatcher1',
                               w.created_at + case when w.id % 50 = 0 then interval '30 hours' else interval '1 hour' end,
                               w.created_at + interval '25 hours', w.created_at + interval '1 hour', w.created_at + interval '15 days',
                               w.created_at + case when w.id % 33 = 1 then interval '28 hours' else interval '3 hours' end,
                               w.created_at + case when w.id % 14 = 0 then interval '17 days' else interval '2 days' end,
                               case when w.id % 17 = 0 then 1 else 0 end
                          from work_order w join org_node u on u.id = ({units})[1 + w.id % cardinality({units})]
                         where {range} and not (w.appeal_type = 'CONSULTATION' and w.id % 10 <> 0)"""
                        .replace("{units}", units).replace("{range}", range));
                st.execute("""
                        insert into wo_request (work_order_id, assignment_id, kind, reason, amount, unit, state, requested_by,
                               requested_at, decided_by, decided_at)
                        select a.work_order_id, a.id, case when a.state = 'RETURNED' then 'RETURN' else 'EXTENSION' end, '基准',
                               case when a.state = 'RETURNED' then null else 5 end, case when a.state = 'RETURNED' then null else 'WORKING_DAYS' end,
                               'APPROVED', 'unit', a.assigned_at + interval '2 hours', 'dispatcher1', a.assigned_at + interval '3 hours'
                          from wo_assignment a join work_order w on w.id = a.work_order_id
                         where {range} and (a.state = 'RETURNED' or a.extensions > 0)""".replace("{range}", range));
                st.execute("""
                        insert into wo_callback (work_order_id, resolved, satisfaction, by_user, at)
                        select w.id, w.dissatisfied_count = 0,
                               case when w.dissatisfied_count > 0 then 'DISSATISFIED' when w.id % 9 = 0 then 'BASICALLY_SATISFIED' else 'SATISFIED' end,
                               'callback1', w.created_at + case when w.id % 11 = 0 then interval '3 days' else interval '2 days 6 hours' end
                          from work_order w
                         where {range} and w.id % 20 <> 0 and exists (select 1 from wo_assignment a where a.work_order_id = w.id)"""
                        .replace("{range}", range));
                System.out.printf("  orders %,d (%.0f s)%n", to, secs(t0));
            }
            for (String t : List.of("cc_call", "cc_agent_state_log", "work_order", "wo_assignment", "wo_timeline", "wo_callback", "wo_request")) {
                st.execute("vacuum analyze " + t);
            }
        }
        System.out.printf("generated in %.0f s: %,d calls, %,d state rows, %,d orders, %,d assignments (%s)%n", secs(t0),
                count(jdbc, "cc_call"), count(jdbc, "cc_agent_state_log"), count(jdbc, "work_order"), count(jdbc, "wo_assignment"), load());
        rebuild(app);
    }

    static void rebuild(ConfigurableApplicationContext app) throws Exception {
        long r = System.nanoTime();
        Map<String, Integer> rows = app.getBean(FactRebuild.class).rebuild();
        System.out.printf("facts rebuilt (POST /api/reports/rebuild's transaction) in %.0f s: %s%n", secs(r), rows);
        try (Connection c = owner(app); var st = c.createStatement()) {
            for (String t : rows.keySet()) {
                st.execute("vacuum analyze " + t);
            }
        }
    }

    // ---------------------------------------------------------------- KPI pages

    static void kpiPages(int port, JdbcClient jdbc, List<String[]> table, String label) {
        Client manager = Client.login(port, "manager");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.now(zone);
        List<LocalDate> months = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            months.add(today.withDayOfMonth(1).minusMonths(i));
        }
        manager.get("/api/reports/kpis?from=" + months.get(0) + "&to=" + months.get(0).plusMonths(1).minusDays(1)); // warm-up
        List<Double> month = new ArrayList<>();
        List<Double> monthByDay = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (LocalDate m : months) {
                String q = "from=" + m + "&to=" + m.plusMonths(1).minusDays(1);
                month.add(time(() -> manager.get("/api/reports/kpis?" + q)));
                monthByDay.add(time(() -> manager.get("/api/reports/kpis?" + q + "&groupBy=day")));
            }
        }
        List<Double> year = new ArrayList<>();
        for (int i = 0; i < (skipYear(label) ? 0 : 5); i++) {
            year.add(time(() -> manager.get("/api/reports/kpis?from=" + today.minusDays(365) + "&to=" + today.minusDays(1))));
        }
        List<Double> drill = new ArrayList<>();
        for (LocalDate m : months) {
            for (String code : List.of("answer-rate", "completion-on-time")) {
                for (int page = 1; page <= 3; page++) {
                    String q = "from=" + m + "&to=" + m.plusMonths(1).minusDays(1) + "&part=denominator&page=" + page + "&size=20";
                    drill.add(time(() -> manager.get("/api/reports/kpis/" + code + "/records?" + q)));
                }
            }
        }
        // Baseline: the same KPIs by one aggregate over the modules' raw tables (the application's role, same pool).
        List<Double> rawMonth = new ArrayList<>();
        List<Double> rawYear = new ArrayList<>();
        for (LocalDate m : months) {
            Instant from = m.atStartOfDay(zone).toInstant();
            Instant to = m.plusMonths(1).atStartOfDay(zone).toInstant();
            rawMonth.add(time(() -> rawAnswerRate(jdbc, from, to)));
            rawMonth.add(time(() -> rawCompletion(jdbc, from, to)));
        }
        for (int i = 0; i < 3; i++) {
            Instant from = today.minusDays(365).atStartOfDay(zone).toInstant();
            Instant to = today.atStartOfDay(zone).toInstant();
            rawYear.add(time(() -> {
                rawAnswerRate(jdbc, from, to);
                rawCompletion(jdbc, from, to);
            }));
        }
        // The figures agree with the raw tables.
        LocalDate m = months.get(1);
        String body = manager.body("/api/reports/kpis?from=" + m + "&to=" + m.plusMonths(1).minusDays(1) + "&codes=answer-rate");
        long[] raw = rawAnswerRate(jdbc, m.atStartOfDay(zone).toInstant(), m.plusMonths(1).atStartOfDay(zone).toInstant());
        System.out.printf("answer-rate %s: API %s; raw numerator %d, denominator %d%n", m, body.replaceAll(".*\"numerator\":(\\d+),\"denominator\":(\\d+).*", "$1/$2"), raw[0], raw[1]);
        table.add(new String[] {label + "KPI page, a month city-wide, p50 " + ms(p50(month)) + ", p95", ms(p95(month)), ms(p95(rawMonth)) + "*", "< 500 ms"});
        table.add(new String[] {label + "KPI page, a month by day, p50 " + ms(p50(monthByDay)) + ", p95", ms(p95(monthByDay)), "", "< 500 ms"});
        if (!year.isEmpty()) {
            table.add(new String[] {label + "KPI page, a year city-wide, p50 " + ms(p50(year)) + ", p95", ms(p95(year)), ms(p95(rawYear)) + "*", "< 2000 ms"});
        }
        table.add(new String[] {label + "drill-down page (20 rows, with total), p95", ms(p95(drill)), "", "< 300 ms " + load()});
    }

    /**
     * The pages cut below the hotline (issue 11): four months and the year (once from the facts, three times from
     * the rollups) grouped by team (班组) and of one team, by
     * category, of a district and of a unit (all KPIs), and the unit KPI report (成员单位 KPI 统计报表) of a month.
     * Answers one body per kind of page (the last month's), to compare the figures of the facts and of the rollups.
     */
    static Map<String, String> cutPages(int port, JdbcClient jdbc, List<String[]> table, String label) {
        Client manager = Client.login(port, "manager");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.now(zone);
        long team = jdbc.sql("select team_id from cc_agent where team_id is not null group by 1 order by count(*) desc, 1 limit 1")
                .query(Long.class).single();
        long district = jdbc.sql("select id from org_node where kind = 'DISTRICT' order by id limit 1").query(Long.class).single();
        long unit = jdbc.sql("select id from org_node where kind = 'UNIT' order by id limit 1").query(Long.class).single();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("by team", "/api/reports/kpis?groupBy=team&");
        pages.put("one team", "/api/reports/kpis?team=" + team + "&");
        pages.put("by category", "/api/reports/kpis?groupBy=category&");
        pages.put("a district", "/api/reports/kpis?org=" + district + "&");
        pages.put("a unit", "/api/reports/kpis?org=" + unit + "&");
        pages.put("unit KPI report", "/api/reports/unit-kpis?");
        Map<String, String> bodies = new LinkedHashMap<>();
        pages.forEach((name, path) -> {
            List<Double> month = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                LocalDate m = today.withDayOfMonth(1).minusMonths(i);
                String q = path + "from=" + m + "&to=" + m.plusMonths(1).minusDays(1);
                month.add(time(() -> manager.get(q)));
                if (i == 1) {
                    bodies.put(name, manager.body(q));
                }
            }
            List<Double> year = new ArrayList<>();
            for (int i = 0; i < (skipYear(label) ? 0 : label.startsWith("facts") ? 1 : 3); i++) {
                year.add(time(() -> manager.get(path + "from=" + today.minusDays(365) + "&to=" + today.minusDays(1))));
            }
            table.add(new String[] {label + name + ": a month p50 " + ms(p50(month)) + ", p95", ms(p95(month)), "", "< 500 ms"});
            if (!year.isEmpty()) {
                table.add(new String[] {label + name + ": a year (" + year.size() + "x) p50 " + ms(p50(year)) + ", max", ms(p(year, 1.0)), "", "< 2000 ms " + load()});
            }
        });
        return bodies;
    }

    /**
     * RPT_BENCH_FACTS_YEAR=false leaves out the year pages read from the facts: at full scale they take tens of
     * minutes (the unit KPI report's year took 333 s at one fifth) and say only what the month pages already say.
     */
    static boolean skipYear(String label) {
        return label.startsWith("facts") && "false".equals(System.getenv("RPT_BENCH_FACTS_YEAR"));
    }

    /** The figures of a page's body, in any order (the groups of two ways may come sorted differently). */
    static List<String> figures(String body) {
        List<String> figures = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\\{[^{}\\[\\]]*\"numerator\"[^{}\\[\\]]*").matcher(body == null ? "" : body);
        while (m.find()) {
            figures.add(m.group());
        }
        Collections.sort(figures);
        return figures;
    }

    /**
     * The same month and year in-process, as the page computed them before (one statement per KPI, agent-state
     * intervals by {@code lead()} over the period) and now (one pass per source, the interval's end kept on the row):
     * both in this run, so the machine's load is the same for both.
     */
    static void onePassVersusEachKpi(ConfigurableApplicationContext app, JdbcClient jdbc, List<String[]> table) {
        var figures = app.getBean(org.openhotline.reporting.internal.kpis.KpiFigures.class);
        var kpis = app.getBean(org.openhotline.reporting.internal.kpis.KpiDefinitions.class).all();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.now(zone);
        List<Double> each = new ArrayList<>();
        List<Double> onePass = new ArrayList<>();
        List<Double> leadStates = new ArrayList<>();
        List<Double> keptStates = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            LocalDate m = today.withDayOfMonth(1).minusMonths(i);
            Instant from = m.atStartOfDay(zone).toInstant();
            Instant to = m.plusMonths(1).atStartOfDay(zone).toInstant();
            var filter = new org.openhotline.reporting.internal.kpis.KpiFilter(from, to, null, null, null, zone, Instant.now());
            each.add(time(() -> kpis.forEach(k -> figures.compute(k, filter))));
            onePass.add(time(() -> figures.computeAll(kpis, filter)));
            var ts = java.util.Map.<String, Object>of("from", java.sql.Timestamp.from(from), "to", java.sql.Timestamp.from(to));
            leadStates.add(time(() -> jdbc.sql("""
                    select sum(seconds) from (
                      select extract(epoch from least(coalesce(lead(started_at) over (partition by account_id order by started_at),
                                                               now()), :to) - started_at) as seconds from rpt_agent_state_fact
                       where started_at >= :from and started_at < :to) s""").params(ts).query().listOfRows()));
            keptStates.add(time(() -> jdbc.sql("""
                    select sum(extract(epoch from least(coalesce(ended_at, now()), :to) - started_at)) from rpt_agent_state_fact
                     where started_at >= :from and started_at < :to""").params(ts).query().listOfRows()));
        }
        Instant yearFrom = today.minusDays(365).atStartOfDay(zone).toInstant();
        var year = new org.openhotline.reporting.internal.kpis.KpiFilter(yearFrom, today.atStartOfDay(zone).toInstant(),
                null, null, null, zone, Instant.now());
        double yearEach = time(() -> kpis.forEach(k -> figures.compute(k, year)));
        double yearOnePass = time(() -> figures.computeAll(kpis, year));
        table.add(new String[] {"in-process: a month's KPIs, one statement each in turn, p95", ms(p95(each)), "", ""});
        table.add(new String[] {"in-process: a month's KPIs, a pass per source side by side, p95", ms(p95(onePass)), ms(p95(each)) + "†", "< 500 ms"});
        table.add(new String[] {"in-process: a year's KPIs, one statement each in turn", ms(yearEach), "", ""});
        table.add(new String[] {"in-process: a year's KPIs, a pass per source side by side", ms(yearOnePass), ms(yearEach) + "†", "< 2000 ms"});
        table.add(new String[] {"a month's state seconds by lead() (before), p95", ms(p95(leadStates)), "", ""});
        table.add(new String[] {"a month's state seconds from ended_at (now), p95", ms(p95(keptStates)), ms(p95(leadStates)) + "†", ""});
    }

    static long[] rawAnswerRate(JdbcClient jdbc, Instant from, Instant to) {
        return jdbc.sql("""
                select count(*) filter (where answered_at is not null), count(*) from cc_call
                 where direction = 'INBOUND' and queued_at is not null and arrived_at >= ? and arrived_at < ?""")
                .params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    static long[] rawCompletion(JdbcClient jdbc, Instant from, Instant to) {
        return jdbc.sql("""
                select count(*) filter (where a.replied_at <= a.handle_due_at), count(*) from wo_assignment a
                 where a.role in ('MAIN', 'ASSIST') and a.assigned_at >= ? and a.assigned_at < ?
                   and not exists (select 1 from wo_request r where r.assignment_id = a.id and r.kind = 'RETURN' and r.state = 'APPROVED')
                   and (a.replied_at is not null or a.handle_due_at < now())""")
                .params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    // ---------------------------------------------------------------- fact lag

    /** 200 call events a second (arrived, queued, answered, ended: 50 calls a second), each in its own transaction. */
    static void factLag(ConfigurableApplicationContext app, JdbcClient jdbc, int seconds, List<String[]> table) throws Exception {
        ApplicationEventPublisher publisher = app;
        var tx = new TransactionTemplate(app.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        long agent = jdbc.sql("select min(account_id) from cc_agent").query(Long.class).single();
        long group = jdbc.sql("select min(id) from cc_skill_group").query(Long.class).single();
        String prefix = "L" + System.currentTimeMillis() % 100000000;
        Map<String, long[]> committed = new ConcurrentHashMap<>(); // call → commit nanos per phase
        List<Double> lags = Collections.synchronizedList(new ArrayList<>());
        var done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread watcher = Thread.ofPlatform().start(() -> {
            Map<String, Integer> seen = new java.util.HashMap<>();
            while (true) {
                List<String> open = committed.keySet().stream().filter(k -> seen.getOrDefault(k, 0) < 4).toList();
                if (!open.isEmpty()) {
                    jdbc.sql("""
                            select call_id, 1 + (queued_at is not null)::int + (answered_at is not null)::int + (ended_at is not null)::int
                              from rpt_call_fact where call_id = any(?)""").param(open.toArray(String[]::new)).query(rs -> {
                        long nowNs = System.nanoTime();
                        String id = rs.getString(1);
                        int phases = rs.getInt(2);
                        long[] at = committed.get(id);
                        for (int p = seen.getOrDefault(id, 0); p < phases; p++) {
                            if (at[p] != 0) {
                                lags.add((nowNs - at[p]) / 1e6);
                            }
                        }
                        seen.put(id, Math.max(phases, seen.getOrDefault(id, 0)));
                    });
                }
                if (done.get() && (open.isEmpty() || System.nanoTime() - doneAt[0] > 30e9)) {
                    break;
                }
                sleep(20);
            }
        });
        long t0 = System.nanoTime();
        long events = (long) seconds * 200;
        for (long k = 0; k < events; k++) {
            long due = t0 + k * 5_000_000L;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            String id = prefix + "-" + (k / 4);
            int phase = (int) (k % 4);
            Instant now = Instant.now();
            tx.executeWithoutResult(s -> {
                switch (phase) {
                    case 0 -> {
                        jdbc.sql("insert into cc_call (id, caller, called, trunk, direction, arrived_at) values (?, '13800000000', '12345', 'lag', 'INBOUND', ?)")
                                .params(id, java.sql.Timestamp.from(now)).update();
                        publisher.publishEvent(new CallEvents.CallArrived(id, "INBOUND", now));
                    }
                    case 1 -> {
                        jdbc.sql("update cc_call set queued_at = ?, group_id = ? where id = ?").params(java.sql.Timestamp.from(now), group, id).update();
                        publisher.publishEvent(new CallEvents.CallQueued(id, group, now));
                    }
                    case 2 -> {
                        jdbc.sql("update cc_call set answered_at = ?, agent_id = ? where id = ?").params(java.sql.Timestamp.from(now), agent, id).update();
                        publisher.publishEvent(new CallEvents.CallAnswered(id, agent, now));
                    }
                    default -> {
                        jdbc.sql("update cc_call set ended_at = ?, end_cause = 'NORMAL_CLEARING' where id = ?").params(java.sql.Timestamp.from(now), id).update();
                        publisher.publishEvent(new CallEvents.CallEnded(id, "NORMAL_CLEARING", null, now));
                    }
                }
            });
            committed.computeIfAbsent(id, x -> new long[4])[phase] = System.nanoTime();
        }
        double sent = secs(t0);
        doneAt[0] = System.nanoTime();
        done.set(true);
        watcher.join();
        System.out.printf("fact lag: %,d events in %.1f s (%.0f/s), %,d lags measured: p50 %.0f ms, p99 %.0f ms, max %.0f ms (%s)%n",
                events, sent, events / sent, lags.size(), p(lags, 0.5), p(lags, 0.99), p(lags, 1.0), load());
        table.add(new String[] {String.format("fact lag at %.0f events/s, p99 (p50 %.0f ms)", events / sent, p(lags, 0.5)),
                ms(p(lags, 0.99)), "", "< 2000 ms"});
    }

    static final long[] doneAt = new long[1];

    // ---------------------------------------------------------------- big-screen push

    /** A call arrives every 1.5 s; the time from its commit to the next 'figures' event on an open SSE stream. */
    static void bigScreenPush(ConfigurableApplicationContext app, int port, JdbcClient jdbc, List<String[]> table) throws Exception {
        Client leader = Client.login(port, "leader");
        var pushes = new CopyOnWriteArrayList<Long>();
        var request = leader.request("/api/reports/bigscreen/stream").header("Accept", "text/event-stream").GET().build();
        var stream = leader.http().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try {
                stream.get().body().forEach(line -> {
                    if (line.startsWith("event:figures") || line.startsWith("event: figures")) {
                        pushes.add(System.nanoTime());
                    }
                });
            } catch (Exception ignored) {
                // the stream ends with the platform
            }
        });
        sleep(2000);
        ApplicationEventPublisher publisher = app;
        var tx = new TransactionTemplate(app.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        List<Double> lags = new ArrayList<>();
        String prefix = "S" + System.currentTimeMillis() % 100000000;
        for (int i = 0; i < 40; i++) {
            String id = prefix + "-" + i;
            Instant now = Instant.now();
            tx.executeWithoutResult(s -> {
                jdbc.sql("insert into cc_call (id, caller, called, trunk, direction, arrived_at) values (?, '13800000001', '12345', 'push', 'INBOUND', ?)")
                        .params(id, java.sql.Timestamp.from(now)).update();
                publisher.publishEvent(new CallEvents.CallArrived(id, "INBOUND", now));
            });
            long committedAt = System.nanoTime();
            long deadline = committedAt + 10_000_000_000L;
            Long pushed = null;
            while (pushed == null && System.nanoTime() < deadline) {
                pushed = pushes.stream().filter(p -> p > committedAt).findFirst().orElse(null);
                if (pushed == null) {
                    Thread.onSpinWait();
                    sleep(2);
                }
            }
            lags.add(pushed == null ? 10_000.0 : (pushed - committedAt) / 1e6);
            sleep(1500);
        }
        System.out.printf("big-screen push: %d calls, p50 %.0f ms, p99 %.0f ms, max %.0f ms (%s)%n", lags.size(),
                p(lags, 0.5), p(lags, 0.99), p(lags, 1.0), load());
        table.add(new String[] {"big-screen push after a call arrives (SSE), p99", ms(p(lags, 0.99)), "", "< 1000 ms"});
        reader.interrupt();
    }

    // ---------------------------------------------------------------- helpers

    static Connection owner(ConfigurableApplicationContext app) throws Exception {
        var properties = app.getBean(HotlineProperties.class);
        DataSource ds = app.getBean(DataSource.class);
        if (properties.db().external()) {
            return ds.getConnection();
        }
        Path file = properties.dataDir().toAbsolutePath().normalize().resolve("postgres.passwords");
        Class<?> passwords = Class.forName("org.openhotline.DatabasePasswords");
        Method load = passwords.getDeclaredMethod("loadOrCreate", Path.class);
        Method password = passwords.getDeclaredMethod("owner");
        Field user = passwords.getDeclaredField("OWNER");
        load.setAccessible(true);
        password.setAccessible(true);
        user.setAccessible(true);
        String url;
        try (Connection c = ds.getConnection()) {
            url = c.getMetaData().getURL();
        }
        return DriverManager.getConnection(url, (String) user.get(null), (String) password.invoke(load.invoke(null, file)));
    }

    static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    static double time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1e6;
    }

    static double p50(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static double p95(List<Double> values) {
        return p(values, 0.95);
    }

    static double p(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1 < 0 ? 0 : (int) Math.ceil(q * sorted.size()) - 1));
    }

    static String ms(double v) {
        return String.format("%.0f ms", v);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String load() {
        try {
            return "load average " + String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (Exception e) {
            return "load average ?";
        }
    }

    static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    record Client(HttpClient http, CookieManager cookies, String base) {
        static Client login(int port, String user) {
            var cookies = new CookieManager();
            var c = new Client(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies, "http://localhost:" + port);
            c.send(c.request("/api/auth/me").GET());
            if (c.send(c.request("/api/auth/login").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                    "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}", StandardCharsets.UTF_8))).statusCode() != 200) {
                throw new IllegalStateException("login failed: " + user);
            }
            return c;
        }

        HttpRequest.Builder request(String path) {
            var b = HttpRequest.newBuilder(URI.create(base + path));
            cookies.getCookieStore().getCookies().stream().filter(k -> k.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().ifPresent(t -> b.header("X-XSRF-TOKEN", t));
            return b;
        }

        void get(String path) {
            body(path);
        }

        String body(String path) {
            var r = send(request(path).GET());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }

        HttpResponse<String> send(HttpRequest.Builder b) {
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
