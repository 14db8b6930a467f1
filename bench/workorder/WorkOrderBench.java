import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.openhotline.HotlineApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Work-order benchmark (see run.sh): starts the platform in this JVM on a fresh embedded PostgreSQL
 * (synchronous_commit on), bulk-loads N realistic orders by SQL, then measures through HTTP:
 * creates/s with 32 concurrent clients, fuzzy search p50/p95 (the grams index) against a plain ILIKE
 * baseline on the same data in the same run, and list/filter page p95.
 */
public class WorkOrderBench {

    static final String PASSWORD = "Bench-Pass-2026";
    static final String[] TEMPLATES = {
            "小区旁工地夜间施工噪音扰民，凌晨还在打桩", "楼下烧烤店油烟直排，窗户都不敢开", "小区电梯经常困人，物业一直不维修",
            "单位拖欠三个月工资不发，多次讨要无果", "路口红绿灯坏了，早晚高峰很危险", "咨询孩子小学入学需要准备哪些材料",
            "家里停水一整天了，没有任何通知", "网购电器有质量问题，商家拒绝退货", "人行道井盖缺失，晚上有人差点掉下去",
            "医保异地报销流程咨询", "养老金本月未按时到账", "小区垃圾三天无人清运，臭味很大", "出租车司机绕路多收费",
            "河道里有人排放污水，水面发黑发臭", "预付卡商家跑路，余额无法退还", "公交车到站不停，等车半小时"};
    static final String[] PLACES = {"东湖区人民路", "西山区翠屏路", "南城区文昌路", "北港区港口路", "江口区龙泉大道", "青溪区青溪街"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "欧阳", "司马"};
    static final String[] TERMS = {"噪音", "油烟", "电梯", "拖欠工资", "红绿灯", "入学", "停水", "退货", "井盖缺失", "医保", "养老金",
            "垃圾清运", "绕路", "污水", "预付卡", "公交车", "翠屏路", "欧阳", "打桩", "物业"};

    public static void main(String[] args) throws Exception {
        int bulk = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int creates = args.length > 1 ? Integer.parseInt(args[1]) : 4_000;
        String dir = "/tmp/wo-bench-" + System.nanoTime();
        var app = new SpringApplicationBuilder(HotlineApplication.class).run("--hotline.data-dir=" + dir,
                "--server.port=0", "--hotline.demo.password=" + PASSWORD, "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        System.out.printf("machine: %d cores; data %s%n", Runtime.getRuntime().availableProcessors(), dir);

        long t0 = System.nanoTime();
        load(jdbc, bulk);
        System.out.printf("bulk load: %,d orders in %.1f s (SQL, indexes maintained)%n", bulk, secs(t0));

        // creates through the API, 32 concurrent clients
        List<Client> agents = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            agents.add(Client.login(port, "agent" + (1 + i % 8)));
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        var random = new Random(1);
        long c0 = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(32)) {
            for (Client a : agents) {
                pool.submit(() -> {
                    while (next.getAndIncrement() < creates) {
                        String body = "{\"channel\":\"PHONE\",\"appealType\":\"COMPLAINT\",\"content\":\""
                                + TEMPLATES[random.nextInt(TEMPLATES.length)] + "\",\"callerPhone\":\"139"
                                + (10_000_000 + random.nextInt(89_999_999)) + "\",\"address\":\"" + PLACES[random.nextInt(PLACES.length)] + "1号\"}";
                        if (a.post("/api/work-orders", body) != 201) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
        }
        double createSecs = secs(c0);
        System.out.printf("creates: %,d via HTTP with 32 clients in %.1f s = %.0f/s (failed %d)%n", creates, createSecs,
                creates / createSecs, failed.get());

        Client dispatcher = Client.login(port, "dispatcher1");
        String scope = jdbc.sql("select path from org_node where code = 'JZ'").query(String.class).single();
        List<Long> api = new ArrayList<>();
        List<Long> grams = new ArrayList<>();
        List<Long> ilike = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String term : TERMS) {
                api.add(time(() -> dispatcher.get("/api/work-orders?size=20&q=" + URLEncoder.encode(term, StandardCharsets.UTF_8))));
                grams.add(time(() -> jdbc.sql("""
                        select count(*) from work_order w where w.owner_path like :scope || '%'
                           and w.grams @> cast(:g as text[]) and w.search_text like :l""")
                        .param("scope", scope).param("g", bigrams(term)).param("l", "%" + term + "%").query(Long.class).single()
                        + jdbc.sql("""
                        select id from work_order w where w.owner_path like :scope || '%'
                           and w.grams @> cast(:g as text[]) and w.search_text like :l order by created_at desc limit 20""")
                        .param("scope", scope).param("g", bigrams(term)).param("l", "%" + term + "%").query(Long.class).list().size()));
                ilike.add(time(() -> jdbc.sql("""
                        select count(*) from work_order w where w.owner_path like :scope || '%'
                           and (title ilike :l or content ilike :l or address ilike :l or caller_name ilike :l)""")
                        .param("scope", scope).param("l", "%" + term + "%").query(Long.class).single()
                        + jdbc.sql("""
                        select id from work_order w where w.owner_path like :scope || '%'
                           and (title ilike :l or content ilike :l or address ilike :l or caller_name ilike :l)
                         order by created_at desc limit 20""")
                        .param("scope", scope).param("l", "%" + term + "%").query(Long.class).list().size()));
            }
        }
        report("fuzzy search, HTTP GET /api/work-orders?q= (count + page of 20)", api);
        report("fuzzy search, SQL grams index (count + page)", grams);
        report("baseline, SQL ILIKE '%…%' over the four columns (count + page)", ilike);

        List<Long> lists = new ArrayList<>();
        String[] filters = {"state=HANDLING", "state=PENDING_DISPATCH", "light=RED", "appealType=CONSULTATION",
                "channel=WECHAT", "state=CLOSED&sort=created_asc", "overdue=true", "supervised=true"};
        for (int i = 0; i < 120; i++) {
            String f = filters[i % filters.length] + "&page=" + (1 + i % 5);
            lists.add(time(() -> dispatcher.get("/api/work-orders?size=20&" + f)));
        }
        report("list/filter page, HTTP (count + page of 20)", lists);

        // Lights: the dispatch deadlines of the orders created above (yellow and red each) with the full light
        // handling (order light, timeline row, event), then bare timers to see the sweep's own rate.
        var calendar = app.getBean(org.openhotline.calendar.BusinessCalendar.class);
        long l0 = System.nanoTime();
        int lights = calendar.fireDueTimers(java.time.Instant.now().plusSeconds(25 * 3600));
        double lightSecs = secs(l0);
        System.out.printf("lights: %,d order timers fired with light updates in %.1f s = %.0f/s%n", lights, lightSecs, lights / lightSecs);
        // Every bulk order in HANDLING gets a main assignment whose handling deadline passed while "down".
        jdbc.sql("""
                insert into wo_assignment (work_order_id, unit_id, unit_path, unit_name, role, state, assigned_by,
                       assigned_at, sign_due_at, handle_start_at, handle_due_at, signed_at)
                select w.id, u.id, u.path, u.name, 'MAIN', 'HANDLING', 'bench', now() - interval '2 days',
                       now() - interval '1 day', now() - interval '2 days', now() - interval '1 minute', now() - interval '1 day'
                  from work_order w, org_node u where u.code = 'ZJJ' and w.state = 'HANDLING' and w.created_by = 'bench'""").update();
        int pending = jdbc.sql("""
                insert into calendar_timer (subject_type, subject_id, light, due_at, deadline_at)
                select 'wo.handle', a.id, l.light, now() - interval '1 minute', a.handle_due_at
                  from wo_assignment a, (values ('YELLOW'), ('RED')) l(light) where a.assigned_by = 'bench'""").update();
        long h0 = System.nanoTime();
        int handled = calendar.fireDueTimers(java.time.Instant.now());
        double handledSecs = secs(h0);
        System.out.printf("lights: %,d pending assignment timers (%,d inserted) fired with light updates, timeline and events in %.1f s = %.0f/s%n",
                handled, pending, handledSecs, handled / handledSecs);
        int bare = Math.max(100_000, bulk / 2);
        jdbc.sql("""
                insert into calendar_timer (subject_type, subject_id, light, due_at, deadline_at)
                select 'bench.timer', g, 'RED', now() - interval '1 second', now() - interval '1 second'
                  from generate_series(1, ?) g""").param(bare).update();
        long b0 = System.nanoTime();
        int fired = calendar.fireDueTimers(java.time.Instant.now());
        double bareSecs = secs(b0);
        System.out.printf("sweep: %,d due timers (no listener work) fired in %.1f s = %.0f/s%n", fired, bareSecs, fired / bareSecs);
        app.close();
    }

    static void load(JdbcClient jdbc, int n) {
        String scope = jdbc.sql("select path from org_node where code = 'JZ'").query(String.class).single();
        String templates = "array['" + String.join("','", TEMPLATES) + "']";
        String places = "array['" + String.join("','", PLACES) + "']";
        String surnames = "array['" + String.join("','", SURNAMES) + "']";
        for (int from = 1; from <= n; from += 50_000) {
            int to = Math.min(n, from + 49_999);
            jdbc.sql("""
                    insert into work_order (number, channel, appeal_type, urgency, category_id, address, title, content,
                           caller_name, caller_phone, state, light, owner_path, created_by, created_at, updated_at,
                           supervised, urge_count, search_text, grams)
                    select 'B' || lpad(g::text, 12, '0'), (array['PHONE','PHONE','WECHAT','WEB','APP'])[1 + g % 5],
                           (array['COMPLAINT','CONSULTATION','HELP','REPORT','SUGGESTION'])[1 + g % 5],
                           case when g % 50 = 0 then 'URGENT' else 'NORMAL' end, null, x.address, x.content, x.content,
                           x.name, '138' || lpad((g * 7919 % 100000000)::text, 8, '0'),
                           (array['CLOSED','CLOSED','CLOSED','CLOSED','HANDLING','HANDLING','PENDING_CALLBACK','PENDING_DISPATCH','REPLY_REVIEW','WITHDRAWN'])[1 + g % 10],
                           case when g % 23 = 0 then 'RED' when g % 17 = 0 then 'YELLOW' else 'GREEN' end,
                           :scope, 'bench', now() - (g || ' minutes')::interval, now(), g % 97 = 0, g % 13,
                           lower(x.content || ' ' || x.address || ' ' || x.name),
                           array(select distinct substr(x.content || x.address || x.name, i, 2)
                                   from generate_series(1, char_length(x.content || x.address || x.name) - 1) i)
                      from generate_series(:from, :to) g,
                           lateral (select ({templates})[1 + g % {nt}] || '，' || ({places})[1 + (g / 7) % {np}] || '附近' as content,
                                           ({places})[1 + g % {np}] || (g % 300) || '号' as address,
                                           ({surnames})[1 + g % {ns}] || '先生' as name) x"""
                            .replace("{templates}", templates).replace("{places}", places).replace("{surnames}", surnames)
                            .replace("{nt}", String.valueOf(TEMPLATES.length)).replace("{np}", String.valueOf(PLACES.length))
                            .replace("{ns}", String.valueOf(SURNAMES.length)))
                    .param("scope", scope).param("from", from).param("to", to).update();
        }
        jdbc.sql("analyze work_order").update();
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
        System.out.printf("%s: n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n", what, s.size(),
                s.get(s.size() / 2) / 1000.0, s.get((int) Math.ceil(s.size() * 0.95) - 1) / 1000.0, s.getLast() / 1000.0);
    }

    static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** A logged-in HTTP client with the session cookie and CSRF token, like the web UI. */
    record Client(HttpClient http, CookieManager cookies, String base) {
        static Client login(int port, String user) {
            var cookies = new CookieManager();
            var c = new Client(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies, "http://localhost:" + port);
            c.get("/api/auth/me");
            if (c.post("/api/auth/login", "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}") != 200) {
                throw new IllegalStateException("login failed: " + user);
            }
            return c;
        }

        int get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
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
