import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.openhotline.HotlineApplication;
import org.openhotline.HotlineProperties;
import org.openhotline.workorder.WorkOrderEvents.WorkOrderLightChanged;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work-order benchmark (see run.sh and README.md). Starts the platform in this JVM on an embedded PostgreSQL
 * (synchronous_commit on) whose data directory is kept between runs, generates the missing realistic orders by SQL
 * (once; as the schema owner {@code hotline_owner}, see {@link #owner}: the application's role {@code hotline_app}
 * may not create tables or indexes, vacuum or analyze), then measures: creates/s through HTTP with 32 concurrent clients, fuzzy search p95 (grams index) against
 * an ILIKE baseline in the same run, list/filter page p95, and the lights of 1,000,000 pending deadlines whose
 * moments fall in a short window (lag from each moment to the commit of its flip, measured with an after-commit
 * hook on the light events, and throughput).
 */
public class WorkOrderBench {

    static final String PASSWORD = "Bench-Pass-2026";
    /** Appeal texts with the seeded category each belongs to. */
    static final String[][] TEMPLATES = {
            {"施工噪音", "小区旁工地夜间施工噪音扰民，凌晨还在打桩"}, {"餐饮油烟", "楼下烧烤店油烟直排，窗户都不敢开"},
            {"电梯维修", "小区电梯经常困人，物业一直不维修"}, {"企业欠薪", "单位拖欠三个月工资不发，多次讨要无果"},
            {"交通信号灯", "路口红绿灯坏了，早晚高峰很危险"}, {"入学政策", "咨询孩子小学入学需要准备哪些材料"},
            {"停水", "家里停水一整天了，没有任何通知"}, {"网络购物", "网购电器有质量问题，商家拒绝退货"},
            {"井盖缺失", "人行道井盖缺失，晚上有人差点掉下去"}, {"医保报销", "医保异地报销流程咨询"},
            {"养老金", "养老金本月未按时到账"}, {"垃圾清运", "小区垃圾三天无人清运，臭味很大"},
            {"绕路", "出租车司机绕路多收费"}, {"河道污染", "河道里有人排放污水，水面发黑发臭"},
            {"预付卡退费", "预付卡商家跑路，余额无法退还"}, {"公交服务", "公交车到站不停，等车半小时"},
            {"违法停车", "小区门口长期有车辆违停，堵住消防通道"}, {"路灯故障", "路灯不亮已经一个星期，夜里出行不安全"},
            {"物业收费", "物业费上涨没有公示，业主不认可"}, {"低保", "咨询低保申请条件和办理流程"}};
    static final String[] PLACES = {"东湖区人民路", "西山区翠屏路", "南城区文昌路", "北港区港口路", "江口区龙泉大道", "青溪区青溪街",
            "东湖区解放路", "西山区建设路", "南城区和平街", "北港区滨江路"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "欧阳", "司马"};
    /**
     * What citizens add to the appeal, each with a word of its own. The k-th detail goes to about 0.2 × 0.8^k of the
     * orders (a geometric spread, as real complaints have a few common and many rare circumstances), so the search
     * terms below hit from about 200,000 down to a few hundred orders of a million instead of 0 or over 10,000.
     */
    static final String[] DETAILS = {
            "已经持续一周", "家里有老人", "孩子要上学", "多次打过电话", "邻居也有意见", "影响休息", "下雨天更严重", "晚上特别明显",
            "周末也不停", "已向社区反映", "物业说不归他们管", "拍了照片", "有孕妇", "楼上楼下都受影响", "附近有幼儿园", "担心安全",
            "发过朋友圈求助", "上个月也发生过", "外卖员也投诉", "快递柜旁边", "靠近地铁口", "菜市场门口", "老旧小区改造后",
            "高考期间", "冬至前后", "台风过后", "春节返乡前", "疫苗接种点旁", "无障碍通道被堵", "盲道被占", "共享单车乱停",
            "电动车充电", "广场舞音响", "流浪猫聚集", "化粪池满溢", "二次供水箱", "燃气表异响", "光纤被剪断", "古树被砍", "界碑被移"};
    static final String[] TERMS = {"噪音", "油烟", "电梯", "拖欠工资", "红绿灯", "入学", "停水", "退货", "井盖缺失", "医保", "养老金",
            "垃圾清运", "绕路", "污水", "预付卡", "公交车", "翠屏路", "欧阳", "打桩", "物业", "消防通道", "路灯", "低保", "滨江路",
            // One address each, ~3,300 matches at a million: pages taken from the counted matches.
            "翠屏路12号", "滨江路10号", "文昌路3号",
            // Details along their spread (ranks 0, 1, 4, 9, 14, 19, 27, 39: about 200,000 down to ~200 of a million)
            // and two terms together (~700 and ~60).
            "一周", "老人", "邻居", "已向社区", "附近有幼儿园", "快递柜", "疫苗接种", "界碑", "噪音 孕妇", "医保 高考"};

    public static void main(String[] args) throws Exception {
        int bulk = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int creates = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int lights = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int window = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        String dir = System.getenv().getOrDefault("WO_BENCH_DATA", "/tmp/openhotline-wo-bench");
        // WO_BENCH_PHASES=search,list measures only those (the data is generated first if missing).
        Set<String> phases = Set.of(System.getenv().getOrDefault("WO_BENCH_PHASES", "creates,search,list,lights").split(","));
        long start = System.nanoTime();
        // No demo year (hotline.demo.history): on a fresh data directory it would write 30,000 orders in the
        // background with COPY, hold the work-order tables while the generation waits to drop their indexes (a first
        // run stalled there for 15 minutes), and leave its own orders among the ones the search terms count.
        var app = new SpringApplicationBuilder(HotlineApplication.class).run("--hotline.data-dir=" + dir,
                "--server.port=0", "--hotline.demo.password=" + PASSWORD, "--hotline.demo.history=false",
                "--hotline.db.shared-buffers=512MB", // a million orders: the cache a city of that size sets
                "--logging.level.root=WARN", "--spring.main.banner-mode=off", "--hotline.sip.enabled=false");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            System.out.printf("machine: %d cores, %s; data %s; started in %.0f s%n", Runtime.getRuntime().availableProcessors(),
                    load(), dir, secs(start));
            System.out.printf("postgres: synchronous_commit=%s, commit_delay=%s, pool %s%n",
                    jdbc.sql("show synchronous_commit").query(String.class).single(),
                    jdbc.sql("show commit_delay").query(String.class).single(), System.getProperty("hotline.db.pool", "default"));
            // DDL, VACUUM/ANALYZE and the bulk generation run as the schema owner; the measured paths as the application.
            Owner owner = () -> owner(app);
            cleanUpLights(owner, jdbc);
            generate(owner, jdbc, bulk);
            if (phases.contains("creates")) {
                createThroughHttp(port, jdbc, creates);
            }
            if (phases.contains("search") || phases.contains("list")) {
                searchAndList(port, app.getBean(DataSource.class), jdbc, phases);
            }
            if (lights > 0 && phases.contains("lights")) {
                lights(app, owner, jdbc, lights, window);
            }
            System.out.printf("total %.0f s; %s%n", secs(start), load());
        } finally {
            app.close();
        }
    }

    // ---------------------------------------------------------------- generation

    /** Generates orders B000000000001… up to {@code n} (only the missing ones), with assignments and timelines. */
    static void generate(Owner owner, JdbcClient jdbc, int n) throws Exception {
        long have = jdbc.sql("select count(*) from work_order where created_by = 'bench'").query(Long.class).single();
        if (have >= n) {
            System.out.printf("generated orders: %,d already there (kept from an earlier run)%n", have);
            // A migration may have rewritten every order (V202611232139 due_at) and autovacuum may not have come
            // yet: counts are index-only only on pages the visibility map marks all-visible. Quick when nothing to do.
            long v = System.nanoTime();
            try (Connection c = owner.connect(); var st = c.createStatement()) {
                st.execute("vacuum (analyze) work_order");
                st.execute("vacuum (analyze) wo_assignment");
                st.execute("vacuum (analyze) wo_light");
            }
            System.out.printf("vacuum analyze work_order, wo_assignment, wo_light: %.0f s%n", secs(v));
            return;
        }
        long t0 = System.nanoTime();
        String center = jdbc.sql("select path from org_node where code = 'JZ'").query(String.class).single();
        List<Long> categories = new ArrayList<>();
        for (String[] t : TEMPLATES) {
            categories.add(jdbc.sql("select id from wo_category where name = ? order by level desc, id limit 1").param(t[0])
                    .query(Long.class).optional().orElse(136L));
        }
        String texts = sqlArray(Arrays.stream(TEMPLATES).map(t -> t[1]).toList());
        String categoryIds = "array[" + String.join(",", categories.stream().map(String::valueOf).toList()) + "]::bigint[]";
        try (Connection c = owner.connect(); var st = c.createStatement()) {
            // Generation only (as the owner: indexes dropped and rebuilt, temp tables, vacuum): the measured paths
            // below run as the application with the server's settings.
            st.execute("set synchronous_commit = off");
            st.execute("set maintenance_work_mem = '256MB'");
            boolean rebuild = n - have > 100_000;
            List<String> indexes = new ArrayList<>();
            if (rebuild) {
                try (var rs = st.executeQuery("""
                        select indexname, indexdef from pg_indexes where tablename in ('work_order', 'wo_assignment', 'wo_timeline')
                           and indexdef not like '%UNIQUE%'""")) {
                    while (rs.next()) {
                        indexes.add(rs.getString(2));
                    }
                }
                for (String def : indexes) {
                    st.execute("drop index " + def.replaceFirst("CREATE INDEX (\\S+) ON .*", "$1"));
                }
            }
            st.execute("create temp table bench_region as select row_number() over (order by id) - 1 as i, id, path from org_node where kind in ('DISTRICT', 'STREET')");
            st.execute("create temp table bench_unit as select row_number() over (order by id) - 1 as i, id, path, name from org_node where kind = 'UNIT'");
            int regions = count(st, "bench_region");
            int units = count(st, "bench_unit");
            long step = Math.max(1, 365L * 86400 / n); // a year of orders, the newest now
            for (long from = have + 1; from <= n; from += 100_000) {
                long to = Math.min(n, from + 99_999);
                // State by age: orders older than a month are nearly all finished; the last month is still open.
                st.execute("""
                        insert into work_order (number, channel, appeal_type, urgency, category_id, region_id, region_path,
                               address, title, content, caller_name, caller_phone, confidential, state, light, stage_light,
                               stage_started_at, stage_due_at, due_at, owner_path, created_by, created_at, updated_at, closed_at,
                               supervised, difficult, urge_count, dissatisfied_count, search_text, grams)
                        select 'B' || lpad(g::text, 12, '0'), (array['PHONE','PHONE','PHONE','PHONE','WECHAT','WEB','APP','SMS'])[1 + g % 8],
                               (array['COMPLAINT','COMPLAINT','CONSULTATION','CONSULTATION','HELP','REPORT','SUGGESTION'])[1 + g % 7],
                               case when g % 97 = 0 then 'EMERGENCY' when g % 29 = 0 then 'URGENT' else 'NORMAL' end,
                               ({cats})[1 + t], r.id, r.path, x.address, left(x.content, 30), x.content, x.name,
                               '1' || (array['38','39','58','86','37'])[1 + g % 5] || lpad((g * 7919 % 100000000)::text, 8, '0'),
                               g % 211 = 0, s.state,
                               case when s.state in ('HANDLING','PENDING_DISPATCH','PENDING_CALLBACK')
                                    then case when g % 11 = 0 then 'RED' when g % 7 = 0 then 'YELLOW' else 'GREEN' end else 'GREEN' end,
                               case when s.state in ('PENDING_DISPATCH','PENDING_CALLBACK')
                                    then case when g % 11 = 0 then 'RED' when g % 7 = 0 then 'YELLOW' else 'GREEN' end else 'GREEN' end,
                               x.at, x.at + interval '1 day',
                               case when s.state in ('HANDLING','REPLY_REVIEW','PENDING_CALLBACK','CLOSED')
                                    then x.at + interval '15 days' else x.at + interval '1 day' end, {center}, 'bench', x.at, x.at,
                               case when s.state = 'CLOSED' then x.at + interval '3 days' end,
                               g % 101 = 0, g % 307 = 0, case when g % 9 = 0 then 1 + g % 3 else 0 end, case when g % 41 = 0 then 1 else 0 end,
                               lower('B' || lpad(g::text, 12, '0') || ' ' || left(x.content, 30) || ' ' || x.content || ' ' || x.address || ' ' || x.name),
                               array(select distinct substr(p, i, 2) from (values (lower(x.content)), (x.address), (x.name)) v(p),
                                                                        generate_series(1, char_length(p) - 1) i)
                          from generate_series({from}::bigint, {to}::bigint) g
                          cross join lateral (select (g * 2654435761) % {nt} as t) h
                          cross join lateral (select least({nd} - 1, floor(ln(((g * 40503) % 10007 + 1) / 10008.0) / ln(0.8)))::int as d) e
                          cross join lateral (select ({texts})[1 + h.t] || '，' || ({details})[1 + e.d] || '，'
                                                     || ({places})[1 + (g / 7) % {np}] || '附近' as content,
                                                     ({places})[1 + g % {np}] || (1 + g % 300) || '号' as address,
                                                     ({surnames})[1 + g % {ns}] || (array['先生','女士'])[1 + g % 2] as name,
                                                     now() - (({n} - g) * {step} || ' seconds')::interval as at) x
                          join bench_region r on r.i = g % {regions}
                          cross join lateral (select case
                                 when {n} - g < 30 * 86400 / {step} then (array['PENDING_DISPATCH','HANDLING','HANDLING','HANDLING','REPLY_REVIEW','PENDING_CALLBACK','CLOSED','CLOSED','PENDING_REVIEW','WITHDRAWN'])[1 + g % 10]
                                 else (array['CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','WITHDRAWN','MERGED','HANDLING'])[1 + g % 20]
                                 end as state) s"""
                        .replace("{cats}", categoryIds).replace("{texts}", texts)
                        .replace("{places}", sqlArray(List.of(PLACES))).replace("{surnames}", sqlArray(List.of(SURNAMES)))
                        .replace("{details}", sqlArray(List.of(DETAILS))).replace("{nd}", String.valueOf(DETAILS.length))
                        .replace("{nt}", String.valueOf(TEMPLATES.length)).replace("{np}", String.valueOf(PLACES.length))
                        .replace("{ns}", String.valueOf(SURNAMES.length)).replace("{center}", "'" + center + "'")
                        .replace("{from}", String.valueOf(from)).replace("{to}", String.valueOf(to))
                        .replace("{n}", String.valueOf(n)).replace("{step}", String.valueOf(step))
                        .replace("{regions}", String.valueOf(regions)));
                // The main unit of every dispatched order, and the order's first and last steps.
                st.execute("""
                        insert into wo_assignment (work_order_id, unit_id, unit_path, unit_name, role, state, assigned_by,
                               assigned_at, sign_due_at, handle_start_at, handle_due_at, signed_at, signed_by, replied_at,
                               replied_by, reply, handle_light)
                        select w.id, u.id, u.path, u.name, 'MAIN',
                               case w.state when 'HANDLING' then 'HANDLING' when 'REPLY_REVIEW' then 'REPLIED' else 'CLOSED' end,
                               'dispatcher1', w.created_at + interval '2 hours', w.created_at + interval '26 hours',
                               w.created_at + interval '2 hours', w.created_at + interval '15 days', w.created_at + interval '5 hours',
                               'unit', case when w.state <> 'HANDLING' then w.created_at + interval '2 days' end,
                               case when w.state <> 'HANDLING' then 'unit' end,
                               case when w.state <> 'HANDLING' then '已核实处理，并电话告知诉求人' end,
                               case when w.state = 'HANDLING' then w.light else 'GREEN' end
                          from work_order w join bench_unit u on u.i = w.id % {units}
                         where w.created_by = 'bench' and w.number between {fromNo} and {toNo}
                           and w.state in ('HANDLING', 'REPLY_REVIEW', 'PENDING_CALLBACK', 'CLOSED')"""
                        .replace("{units}", String.valueOf(units))
                        .replace("{fromNo}", "'B" + pad(from) + "'").replace("{toNo}", "'B" + pad(to) + "'"));
                // After the assignments: a light row carries the paths that see the order (ADR 017; as wo_scope_paths,
                // set-based: the generated orders have one assignment at most, and its index is dropped meanwhile).
                st.execute("""
                        insert into wo_light (work_order_id, light, created_at, scope_paths)
                        select w.id, w.light, w.created_at,
                               array(select distinct p from unnest(array[w.owner_path, a.unit_path]) p where p is not null order by p)
                          from work_order w left join wo_assignment a on a.work_order_id = w.id
                         where w.created_by = 'bench' and w.number between {fromNo} and {toNo} and w.light <> 'GREEN'"""
                        .replace("{fromNo}", "'B" + pad(from) + "'").replace("{toNo}", "'B" + pad(to) + "'"));
                st.execute("""
                        insert into wo_timeline (work_order_id, at, actor, actor_name, action, note)
                        select w.id, w.created_at, 'agent1', '话务员', 'created', '受理工单' from work_order w
                         where w.created_by = 'bench' and w.number between {fromNo} and {toNo}
                        union all
                        select w.id, w.created_at + interval '2 hours', 'dispatcher1', '派单员', 'dispatched', '请按职责办理'
                          from work_order w
                         where w.created_by = 'bench' and w.number between {fromNo} and {toNo}
                           and w.state in ('HANDLING', 'REPLY_REVIEW', 'PENDING_CALLBACK', 'CLOSED')"""
                        .replace("{fromNo}", "'B" + pad(from) + "'").replace("{toNo}", "'B" + pad(to) + "'"));
                System.out.printf("  generated %,d orders (%.0f s)%n", to, secs(t0));
            }
            long idx = System.nanoTime();
            for (String def : indexes) {
                st.execute(def);
            }
            st.execute("vacuum analyze work_order");
            st.execute("vacuum analyze wo_assignment");
            st.execute("vacuum analyze wo_timeline");
            System.out.printf("generated orders: %,d in %.0f s (indexes rebuilt in %.0f s); state mix: %s%n", n - have,
                    secs(t0), secs(idx), jdbc.sql("""
                            select string_agg(state || ' ' || round(100.0 * c / t, 1) || '%', ', ' order by c desc)
                              from (select state, count(*) c, sum(count(*)) over () t from work_order group by state) s""").query(String.class).single());
        }
    }

    // ---------------------------------------------------------------- creates

    static void createThroughHttp(int port, JdbcClient jdbc, int creates) throws Exception {
        List<Client> agents = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            agents.add(Client.login(port, "agent" + (1 + i % 8)));
        }
        List<Long> categories = jdbc.sql("select id from wo_category where level >= 3 order by id").query(Long.class).list();
        List<Long> regions = jdbc.sql("select id from org_node where kind in ('DISTRICT', 'STREET') order by id").query(Long.class).list();
        run(agents, Math.min(2_000, creates / 5), categories, regions); // warm-up (JIT), not counted
        var before = stats(jdbc);
        long c0 = System.nanoTime();
        int failed = run(agents, creates, categories, regions);
        double s = secs(c0);
        var after = stats(jdbc);
        System.out.printf("creates: %,d via HTTP POST /api/work-orders, 32 clients, in %.1f s = %.0f/s (failed %d; %s)%n",
                creates, s, creates / s, failed, load());
        System.out.printf("  per create: %.2f commits, %.2f rows written, %.2f WAL flushes%n",
                (after[0] - before[0]) / (double) creates, (after[1] - before[1]) / (double) creates,
                (after[2] - before[2]) / (double) creates);
    }

    static int run(List<Client> agents, int creates, List<Long> categories, List<Long> regions) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (var pool = Executors.newFixedThreadPool(agents.size())) {
            for (Client a : agents) {
                pool.submit(() -> {
                    var random = new Random(a.hashCode());
                    int i;
                    while ((i = next.getAndIncrement()) < creates) {
                        String[] t = TEMPLATES[random.nextInt(TEMPLATES.length)];
                        String body = "{\"channel\":\"PHONE\",\"appealType\":\"COMPLAINT\",\"content\":\"" + t[1]
                                + "\",\"callerName\":\"" + SURNAMES[random.nextInt(SURNAMES.length)] + "先生\",\"callerPhone\":\"139"
                                + (10_000_000 + random.nextInt(89_999_999)) + "\",\"address\":\""
                                + PLACES[random.nextInt(PLACES.length)] + (1 + random.nextInt(300)) + "号\",\"categoryId\":"
                                + categories.get(random.nextInt(categories.size())) + ",\"regionId\":"
                                + regions.get(random.nextInt(regions.size())) + "}";
                        if (a.post("/api/work-orders", body) != 201) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
        }
        return failed.get();
    }

    /** Commits, rows written and WAL flushes so far (what a create costs the database). */
    static long[] stats(JdbcClient jdbc) {
        return jdbc.sql("""
                select (select xact_commit from pg_stat_database where datname = current_database()),
                       (select tup_inserted + tup_updated + tup_deleted from pg_stat_database where datname = current_database()),
                       (select wal_sync from pg_stat_wal)""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    // ---------------------------------------------------------------- search and lists

    static void searchAndList(int port, DataSource ds, JdbcClient app, Set<String> phases) throws Exception {
        Client dispatcher = Client.login(port, "dispatcher1");
        // The SQL comparisons plan for their parameters, as the platform's search does (set local there).
        Connection own = ds.getConnection();
        own.createStatement().execute("set plan_cache_mode = force_custom_plan");
        JdbcClient jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(own, true));
        String scope = jdbc.sql("select path from org_node where code = 'JZ'").query(String.class).single();
        List<Long> api = new ArrayList<>();
        List<Long> grams = new ArrayList<>();
        List<Long> ilike = new ArrayList<>();
        for (int round = 0; round < 3 && phases.contains("search"); round++) {
            if (round == 0) {
                for (String term : TERMS) { // warm the caches once
                    dispatcher.get("/api/work-orders?size=20&q=" + URLEncoder.encode(term, StandardCharsets.UTF_8));
                }
            }
            for (String term : TERMS) {
                api.add(time(() -> dispatcher.get("/api/work-orders?size=20&q=" + URLEncoder.encode(term, StandardCharsets.UTF_8))));
                // The baseline is measured the same way as the platform's search: every round, after the same
                // warm-up, with the same capped count and first page (not once, cold, against a warm search).
                Words g = Words.grams(term);
                grams.add(time(() -> jdbc.sql("select count(*) from (select 1 from work_order w where w.owner_path like :scope || '%'"
                                + " and " + g.where() + " limit 10001) c")
                        .params(g.params()).param("scope", scope).query(Long.class).single()
                        + jdbc.sql("select id from work_order w where w.owner_path like :scope || '%' and " + g.where()
                                + " order by created_at desc, id desc limit 20")
                        .params(g.params()).param("scope", scope).query(Long.class).list().size()));
                Words b = Words.ilike(term);
                ilike.add(time(() -> jdbc.sql("select count(*) from (select 1 from work_order w where w.owner_path like :scope || '%'"
                                + " and " + b.where() + " limit 10001) c")
                        .params(b.params()).param("scope", scope).query(Long.class).single()
                        + jdbc.sql("select id from work_order w where w.owner_path like :scope || '%' and " + b.where()
                                + " order by created_at desc, id desc limit 20")
                        .params(b.params()).param("scope", scope).query(Long.class).list().size()));
            }
        }
        if (phases.contains("search")) {
            report("fuzzy search, HTTP GET /api/work-orders?q= (total + page of 20), " + TERMS.length + " terms x 3", api);
            report("  same in SQL through the grams index (capped count + page)", grams);
            report("  baseline: SQL ILIKE '%…%' over title/content/address/caller (capped count + page)", ilike);
            // Per term: its capped total and slowest HTTP time; the plan of the platform's one pass for the worst.
            long[] slowest = new long[TERMS.length];
            for (int i = 0; i < api.size(); i++) {
                slowest[i % TERMS.length] = Math.max(slowest[i % TERMS.length], api.get(i));
            }
            StringBuilder per = new StringBuilder("  slowest per term (capped total):");
            int worst = 0;
            for (int i = 0; i < TERMS.length; i++) {
                Words g = Words.grams(TERMS[i]);
                long total = jdbc.sql("select count(*) from (select 1 from work_order w where " + g.where() + " limit 10001) c")
                        .params(g.params()).query(Long.class).single();
                per.append(String.format(" [%s] %.0f ms (%,d)", TERMS[i], slowest[i] / 1000.0, total));
                worst = slowest[i] > slowest[worst] ? i : worst;
            }
            System.out.println(per);
            System.out.println("  plan of the platform's pass over the matches for " + TERMS[worst] + ":");
            Words w = Words.grams(TERMS[worst]);
            jdbc.sql("""
                    explain (analyze, buffers) with m as materialized (select w.id, w.created_at, w.urge_count, w.due_at, w.number
                      from work_order w where (w.owner_path like :scope || '%' or exists (select 1 from wo_assignment sa
                           where sa.work_order_id = w.id and sa.unit_path like :scope || '%'))
                       and {words} limit 10001)
                    select (select count(*) from m), array(select w.id from m w order by w.created_at desc, w.id desc limit 20)"""
                    .replace("{words}", w.where()))
                    .params(w.params()).param("scope", scope)
                    .query(String.class).list().forEach(line -> System.out.println("    " + line));
        }
        if (!phases.contains("list")) {
            own.close();
            return;
        }

        long category = jdbc.sql("select id from wo_category where name = '市容环境'").query(Long.class).single();
        long region = jdbc.sql("select id from org_node where kind = 'DISTRICT' order by id limit 1").query(Long.class).single();
        List<Long> lists = new ArrayList<>();
        String[] filters = {"", "state=HANDLING", "state=PENDING_DISPATCH", "light=RED", "light=YELLOW", "appealType=CONSULTATION",
                "channel=WECHAT", "state=CLOSED&sort=created_asc", "overdue=true", "supervised=true", "urged=true",
                "categoryId=" + category, "regionId=" + region, "from=" + java.time.LocalDate.now().minusDays(7),
                "state=HANDLING&sort=due_asc", "sort=urge_desc", "difficult=true", "state=PENDING_CALLBACK&light=RED"};
        for (String f : filters) {
            dispatcher.get("/api/work-orders?size=20&" + f);
        }
        long[] slowest = new long[filters.length];
        for (int i = 0; i < filters.length * 10; i++) {
            String f = filters[i % filters.length] + "&page=" + (1 + (i / filters.length) % 5);
            long micros = time(() -> dispatcher.get("/api/work-orders?size=20&" + f));
            lists.add(micros);
            slowest[i % filters.length] = Math.max(slowest[i % filters.length], micros);
        }
        report("list/filter page, HTTP (total + page of 20), " + filters.length + " filters x pages 1-5", lists);
        StringBuilder worst = new StringBuilder("  slowest per filter:");
        for (int i = 0; i < filters.length; i++) {
            worst.append(String.format(" [%s] %.0f ms", filters[i].isEmpty() ? "none" : filters[i], slowest[i] / 1000.0));
        }
        System.out.println(worst);
        for (String test : List.of("w.appeal_type = 'CONSULTATION'", "w.urge_count > 0")) {
            System.out.println("  plan of the capped count for " + test + ":");
            jdbc.sql("""
                    explain (analyze, buffers) select count(*) from (select 1 from work_order w where (w.owner_path like :scope || '%'
                       or exists (select 1 from wo_assignment sa where sa.work_order_id = w.id and sa.unit_path like :scope || '%'))
                       and""" + " " + test + " limit 10001) c").param("scope", scope)
                    .query(String.class).list().forEach(line -> System.out.println("    " + line));
        }
        own.close();
    }

    // ---------------------------------------------------------------- lights

    /**
     * The lights run's rows, as the owner: the orders' lights saved in {@code bench_light_before} (a table of its own,
     * so that an interrupted run can still be restored), {@code n} 协办 assignments and their timers.
     */
    static void setUpLights(JdbcClient jdbc, int n, long t0, int window) {
        jdbc.sql("create table bench_light_before as select id, light from work_order where created_by = 'bench'").update();
        jdbc.sql("""
                insert into wo_assignment (work_order_id, unit_id, unit_path, unit_name, role, state, assigned_by, assigned_at,
                       sign_due_at, handle_start_at, handle_due_at, signed_at, signed_by, handle_light)
                select w.id, u.id, u.path, u.name, 'ASSIST', 'HANDLING', 'bench-lights', now() - interval '10 days',
                       now() - interval '9 days', now() - interval '10 days', x.due, now() - interval '9 days', 'unit',
                       case when k % 2 = 0 then 'GREEN' else 'YELLOW' end
                  from generate_series(0, :n - 1) k
                  join work_order w on w.number = 'B' || lpad((1 + k % :orders)::text, 12, '0')
                  cross join lateral (select id, path, name from org_node where kind = 'UNIT' order by id limit 1) u
                  cross join lateral (select to_timestamp((:t0 + k * :w / :n) / 1000.0) as moment) m
                  cross join lateral (select case when k % 2 = 0 then m.moment + (m.moment - (now() - interval '10 days')) / 4
                                                  else m.moment end as due) x""")
                .param("n", n).param("orders", jdbc.sql("select count(*) from work_order where created_by = 'bench'").query(Long.class).single())
                .param("t0", t0).param("w", window * 1000L).update();
        // Timers as the calendar schedules them: YELLOW at 80 % of the time, RED at the deadline.
        jdbc.sql("""
                insert into calendar_timer (subject_type, subject_id, light, due_at, deadline_at, fired_at)
                select 'wo.handle', a.id, l.light,
                       case l.light when 'RED' then a.handle_due_at else a.handle_start_at + (a.handle_due_at - a.handle_start_at) * 0.8 end,
                       a.handle_due_at, case when l.light = 'YELLOW' and a.handle_light = 'YELLOW' then now() - interval '1 day' end
                  from wo_assignment a, (values ('YELLOW'), ('RED')) l(light) where a.assigned_by = 'bench-lights'""").update();
        jdbc.sql("analyze calendar_timer").update();
        jdbc.sql("analyze wo_assignment").update();
    }

    /**
     * {@code n} pending handling deadlines on bench orders (协办 assignments): half green with their yellow moment in
     * the window, half already yellow with their red moment in it. The platform's own sweep flips them; a hook
     * stamps each flip when its transaction commits.
     */
    static void lights(org.springframework.context.ConfigurableApplicationContext app, Owner owner, JdbcClient jdbc, int n,
                       int window) throws Exception {
        // Listening from the start: a slow setup must not hide flips that commit before it ends.
        ConcurrentLinkedQueue<long[]> stamps = new ConcurrentLinkedQueue<>();
        ThreadLocal<List<Long>> inTx = new ThreadLocal<>();
        app.addApplicationListener((ApplicationListener<ApplicationEvent>) e -> {
            if (!(e instanceof PayloadApplicationEvent<?> p) || !(p.getPayload() instanceof WorkOrderLightChanged c)
                    || c.assignmentId() == null) {
                return;
            }
            List<Long> batch = inTx.get();
            if (batch == null) {
                List<Long> fresh = new ArrayList<>();
                inTx.set(fresh);
                batch = fresh;
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        long now = System.currentTimeMillis();
                        if (status == STATUS_COMMITTED) {
                            for (long id : fresh) {
                                stamps.add(new long[] {id, now});
                            }
                        }
                        inTx.remove();
                    }
                });
            }
            batch.add(c.assignmentId());
        });
        long s0 = System.nanoTime();
        long t0 = System.currentTimeMillis() + 20_000 + n / 8; // the window opens after the setup (≈ 2 min for a million)
        // The setup is DDL and bulk generation: as the owner (the application's role may not create tables or analyze).
        try (Connection c = owner.connect()) {
            setUpLights(JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true)), n, t0,
                    window);
        }
        long pending = jdbc.sql("select count(*) from calendar_timer where fired_at is null").query(Long.class).single();
        // The moments in the window, by assignment id.
        List<long[]> moments = jdbc.sql("""
                select t.subject_id, (extract(epoch from t.due_at) * 1000)::bigint from calendar_timer t
                  join wo_assignment a on a.id = t.subject_id and a.assigned_by = 'bench-lights'
                 where t.subject_type = 'wo.handle' and t.fired_at is null
                   and t.light = case a.handle_light when 'GREEN' then 'YELLOW' else 'RED' end order by t.subject_id""")
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        long[] ids = moments.stream().mapToLong(m -> m[0]).toArray();
        long[] due = moments.stream().mapToLong(m -> m[1]).toArray();
        long[] flipped = new long[ids.length];
        int[] flips = new int[ids.length];
        System.out.printf("lights: %,d deadlines set up in %.0f s (%,d pending timers in all); moments in a %d s window%s%n",
                ids.length, secs(s0), pending, window,
                System.currentTimeMillis() > t0 ? " (WARNING: the setup ended after the window opened)" : "");
        long end = t0 + window * 1000L + 180_000;
        int seen = 0;
        while (System.currentTimeMillis() < end && seen < ids.length) {
            sleep(500);
            long[] s;
            while ((s = stamps.poll()) != null) {
                int i = Arrays.binarySearch(ids, s[0]);
                if (i >= 0) {
                    if (flips[i]++ == 0) {
                        flipped[i] = s[1];
                        seen++;
                    }
                }
            }
        }
        long max = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        int twice = 0;
        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            if (flips[i] > 1) {
                twice++;
            }
            if (flipped[i] > 0) {
                long lag = flipped[i] - due[i];
                max = Math.max(max, lag);
                lags.add(lag);
                first = Math.min(first, flipped[i]);
                last = Math.max(last, flipped[i]);
            }
        }
        Collections.sort(lags);
        long over = lags.stream().filter(l -> l > 60_000).count();
        System.out.printf("lights: %,d of %,d flipped (each with timeline row and event; flipped twice: %d), lag from moment to commit "
                        + "p50 %.1f s, p99 %.1f s, max %.1f s; %,d later than 60 s; %,.0f flips/s while flipping; %s%n",
                seen, ids.length, twice, lags.isEmpty() ? 0 : lags.get(lags.size() / 2) / 1000.0,
                lags.isEmpty() ? 0 : lags.get((int) (lags.size() * 0.99)) / 1000.0, max / 1000.0, over,
                seen / Math.max(0.001, (last - Math.max(first - 1, t0)) / 1000.0), load());
        cleanUpLights(owner, jdbc);
    }

    /**
     * Removes what the lights run added and puts the orders' lights back as they were, so that the data can be used
     * again (also after an interrupted run: the saved lights stay until they are restored).
     */
    static void cleanUpLights(Owner owner, JdbcClient jdbc) throws Exception {
        if (!jdbc.sql("select to_regclass('bench_light_before') is not null").query(Boolean.class).single()) {
            return;
        }
        long t = System.nanoTime();
        try (Connection c = owner.connect(); var st = c.createStatement()) {
            c.setAutoCommit(false);
            // The foreign keys onto wo_assignment (its own parent_id, wo_request.assignment_id) have no index, so
            // checking a million deleted assignments would scan those tables a million times. The bench used to skip
            // the checks (session_replication_role = replica), which only a superuser may set; the owner indexes the
            // two columns for this transaction instead (the indexes go with the commit: no trace in the schema).
            st.execute("create index bench_cleanup_parent on wo_assignment (parent_id) where parent_id is not null");
            st.execute("create index bench_cleanup_request on wo_request (assignment_id)");
            st.execute("""
                    delete from wo_timeline t using wo_assignment a
                     where a.assigned_by = 'bench-lights' and t.work_order_id = a.work_order_id
                       and t.action in ('light-yellow', 'light-red') and t.actor = 'system'""");
            st.execute("""
                    delete from calendar_timer t using wo_assignment a
                     where a.assigned_by = 'bench-lights' and t.subject_type = 'wo.handle' and t.subject_id = a.id""");
            st.execute("delete from wo_assignment where assigned_by = 'bench-lights'");
            st.execute("update work_order w set light = b.light from bench_light_before b where w.id = b.id and w.light <> b.light");
            st.execute("delete from wo_light l using bench_light_before b where l.work_order_id = b.id");
            st.execute("""
                    insert into wo_light (work_order_id, light, created_at, scope_paths)
                    select w.id, w.light, w.created_at, wo_scope_paths(w.owner_path, w.id)
                      from work_order w join bench_light_before b on b.id = w.id
                     where w.light <> 'GREEN'""");
            st.execute("drop table bench_light_before");
            st.execute("drop index bench_cleanup_parent");
            st.execute("drop index bench_cleanup_request");
            c.commit();
            c.setAutoCommit(true);
            st.execute("vacuum analyze wo_assignment");
            st.execute("vacuum analyze calendar_timer");
            st.execute("vacuum analyze work_order");
        }
        System.out.printf("lights: cleaned up the lights run in %.0f s%n", secs(t));
    }

    // ---------------------------------------------------------------- helpers

    /** Opens a connection as the schema owner (see {@link #owner}). */
    interface Owner {
        Connection connect() throws Exception;
    }

    /**
     * A new connection to the platform's database as the schema owner {@code hotline_owner}, for what the application's
     * role {@code hotline_app} may not do: create and drop tables and indexes, VACUUM and ANALYZE, and the bulk
     * generation that goes with them. Its password is read from the data directory's {@code postgres.passwords} by the
     * platform's own {@code DatabasePasswords} (package-private, hence reflection; the file exists once the platform
     * has started). With an external database ({@code HOTLINE_DB_URL}) the platform has one role: the application's.
     */
    static Connection owner(org.springframework.context.ConfigurableApplicationContext app) throws Exception {
        var properties = app.getBean(HotlineProperties.class);
        DataSource ds = app.getBean(DataSource.class);
        if (properties.db().external()) {
            return ds.getConnection();
        }
        Path file = properties.dataDir().toAbsolutePath().normalize().resolve("postgres.passwords");
        if (!Files.exists(file)) {
            throw new IllegalStateException("no " + file + ": the platform's embedded database keeps its passwords there");
        }
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

    static String load() {
        try {
            return "load average " + String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (Exception e) {
            return "load average ?";
        }
    }

    static int count(java.sql.Statement st, String table) throws Exception {
        try (var rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static String pad(long g) {
        return String.format("%012d", g);
    }

    static String sqlArray(List<String> values) {
        return "array['" + String.join("','", values) + "']";
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A search text as the platform reads it (OrderSearch): words split at spaces, each required. {@code grams}: the
     * grams index then a substring recheck per word; {@code ilike}: the baseline, each word in one of the four columns.
     * Until issue 20 item 22 the SQL comparisons took "噪音 孕妇" as one string, space included, and found nothing.
     */
    record Words(String where, java.util.Map<String, Object> params) {

        static Words grams(String text) {
            return of(text, (i, word) -> "w.grams @> cast(:g" + i + " as text[]) and w.search_text like :l" + i);
        }

        static Words ilike(String text) {
            return of(text, (i, word) -> "(title ilike :l" + i + " or content ilike :l" + i + " or address ilike :l" + i
                    + " or caller_name ilike :l" + i + ")");
        }

        private static Words of(String text, java.util.function.BiFunction<Integer, String, String> test) {
            List<String> and = new ArrayList<>();
            java.util.Map<String, Object> params = new java.util.HashMap<>();
            String[] words = text.toLowerCase(java.util.Locale.ROOT).strip().split("\\s+");
            for (int i = 0; i < words.length; i++) {
                and.add(test.apply(i, words[i]));
                params.put("g" + i, bigrams(words[i]));
                params.put("l" + i, "%" + words[i] + "%");
            }
            return new Words(String.join(" and ", and), params);
        }
    }

    static String[] bigrams(String term) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 2 <= term.length(); i++) {
            out.add(term.substring(i, i + 2));
        }
        return out.toArray(String[]::new);
    }

    static long time(Supplier<Object> action) {
        long t = System.nanoTime();
        action.get();
        return (System.nanoTime() - t) / 1000;
    }

    static void report(String what, List<Long> micros) {
        List<Long> s = new ArrayList<>(micros);
        Collections.sort(s);
        System.out.printf("%s: n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms (%s)%n", what, s.size(),
                s.get(s.size() / 2) / 1000.0, s.get((int) Math.ceil(s.size() * 0.95) - 1) / 1000.0, s.getLast() / 1000.0, load());
    }

    static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** A logged-in HTTP client with the session cookie and CSRF token, like the web UI. */
    record Client(HttpClient http, CookieManager cookies, String base) {
        static Client login(int port, String user) {
            var cookies = new CookieManager();
            var c = new Client(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies, "http://localhost:" + port);
            c.send(HttpRequest.newBuilder(URI.create(c.base() + "/api/auth/me")).GET());
            if (c.post("/api/auth/login", "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}") != 200) {
                throw new IllegalStateException("login failed: " + user);
            }
            return c;
        }

        int get(String path) {
            int status = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status);
            }
            return status;
        }

        int post(String path, String json) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
        }

        private int send(HttpRequest.Builder b) {
            cookies.getCookieStore().getCookies().stream().filter(k -> k.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().ifPresent(t -> b.header("X-XSRF-TOKEN", t));
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
