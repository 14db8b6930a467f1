package org.openhotline;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.shared.DemoHistory;
import org.openhotline.shared.DemoHistoryWritten;
import org.openhotline.shared.DemoSeed;
import org.openhotline.shared.HistoryPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Seeds the demo city on first start and prints where to go; with hotline.demo.history it then writes a year of
 * history ending yesterday in the background (each module's {@link DemoHistory} writes its own tables, the reports
 * rebuild their facts last), so that login works seconds after the start instead of after the year (README: the
 * first start's figures). The demo password is {@code HOTLINE_DEMO_PASSWORD} or, when unset, generated here and
 * printed once: it is never stored in clear.
 */
@Component
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** The demo year: about 100,000 calls and 30,000 orders, always the same (fixed seed). */
    static final int HISTORY_CALLS = 100_000;
    static final int HISTORY_ORDERS = 30_000;
    static final long HISTORY_SEED = 12345L;

    private final HotlineProperties properties;
    private final List<DemoSeed> seeds;
    private final List<DemoHistory> histories;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final Environment environment;
    private final ApplicationEventPublisher events;
    private final CompletableFuture<Long> historyDone = new CompletableFuture<>();

    DemoData(HotlineProperties properties, List<DemoSeed> seeds, List<DemoHistory> histories, BusinessCalendar calendar,
             Clock clock, Environment environment, ApplicationEventPublisher events) {
        this.environment = environment;
        this.events = events;
        this.properties = properties;
        this.seeds = seeds;
        this.histories = histories;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo().enabled()) {
            log.info("OpenHotline is up at {} (demo data off)", url());
            return;
        }
        String given = properties.demo().password();
        String password = given == null || given.isBlank() ? generate() : given;
        boolean seeded = false;
        for (DemoSeed seed : seeds.stream().sorted(Comparator.comparingInt(DemoSeed::order)).toList()) {
            long t = System.nanoTime();
            boolean wrote = seed.seedIfEmpty(password);
            seeded |= wrote;
            if (wrote) {
                log.info("Demo seed {} in {} ms", ClassUtils.getUserClass(seed).getSimpleName(), (System.nanoTime() - t) / 1_000_000);
            }
        }
        boolean history = properties.demo().history();
        StringBuilder banner = new StringBuilder("\n\n========== OpenHotline 12345 热线平台已启动 ==========\n")
                .append("  地址 URL:   ").append(url()).append('\n')
                .append("  演示账号:   sysadmin secadmin auditadmin manager leader agent1..agent10 teamleader1\n")
                .append("              dispatcher1 callback1 supervisor1 qc1 kbeditor1 zjj1 cgj1 dh_ws1 ...\n");
        if (seeded && (given == null || given.isBlank())) {
            banner.append("  演示密码:   ").append(password).append("   (只显示这一次 / shown once)\n");
        } else if (seeded) {
            banner.append("  演示密码:   HOTLINE_DEMO_PASSWORD 的值\n");
        } else {
            banner.append("  演示密码:   见首次启动时的输出（或首次启动时设置的 HOTLINE_DEMO_PASSWORD）\n");
        }
        banner.append("  API 文档:   ").append(url()).append("/swagger-ui.html\n");
        if (history && seeded) {
            banner.append("  演示历史:   可以登录了；一年的历史数据（首次启动）在后台写入，写完前报表不全，进度见日志 \"Demo history\"\n");
        }
        System.out.println(banner.append("=====================================================\n"));
        if (history) {
            LocalDate yesterday = LocalDate.now(clock.withZone(calendar.zone())).minusDays(1);
            HistoryPlan plan = HistoryPlan.of(yesterday.minusDays(364), yesterday, calendar.zone(), calendar::isWorkingDay,
                    HISTORY_CALLS, HISTORY_ORDERS, HISTORY_SEED);
            // Login works from here on: the year is written beside the serving platform (the modules' hooks each
            // commit once, so a report may show the calls before the orders until the facts' rebuild at the end).
            Thread.ofPlatform().daemon().name("demo-history").start(() -> {
                try {
                    seedHistory(plan);
                } catch (RuntimeException e) {
                    log.warn("Demo history stopped ({}); what a hook had not committed is written on the next start", e.toString());
                    historyDone.completeExceptionally(e);
                }
            });
        } else {
            historyDone.complete(0L);
        }
    }

    /** Completes with the rows written when the demo history is done (0 when off or already there). */
    CompletableFuture<Long> historyDone() {
        return historyDone;
    }

    /**
     * The address to print: the configured public URL, except that with {@code --server.port=0} (a free port, as the
     * tests and a second local instance use) it names the port the server actually bound rather than ":0".
     */
    String url() {
        String configured = properties.publicUrl();
        String bound = environment.getProperty("local.server.port");
        if (configured.endsWith(":0") && bound != null) {
            return configured.substring(0, configured.length() - 1) + bound;
        }
        return configured;
    }

    /**
     * Runs the modules' history hooks in order, the hooks of the same order side by side (they write different
     * modules' tables and read none of each other's), each in its own transaction; each writes nothing when its tables
     * already hold the period. Logs each step with its rows and time, and publishes {@link DemoHistoryWritten} at the end.
     */
    long seedHistory(HistoryPlan plan) {
        long start = System.nanoTime();
        Map<Integer, List<DemoHistory>> steps = new TreeMap<>();
        histories.forEach(h -> steps.computeIfAbsent(h.order(), k -> new ArrayList<>()).add(h));
        HistoryPlan done = plan;
        int step = 0;
        log.info("Demo history {} – {}: writing in the background ({} steps)", plan.days().getFirst().date(),
                plan.days().getLast().date(), histories.size());
        StringBuilder parts = new StringBuilder();
        for (List<DemoHistory> together : steps.values()) {
            HistoryPlan before = done;
            List<CompletableFuture<String>> running = new ArrayList<>();
            long[] rows = new long[together.size()];
            for (int i = 0; i < together.size(); i++) {
                DemoHistory history = together.get(i);
                int index = i;
                int number = ++step;
                Supplier<String> write = () -> {
                    long t = System.nanoTime();
                    rows[index] = history.seedHistory(before);
                    String part = String.format("%s %d rows %d ms", ClassUtils.getUserClass(history).getSimpleName(), rows[index],
                            (System.nanoTime() - t) / 1_000_000);
                    log.info("Demo history step {}/{}: {}", number, histories.size(), part);
                    return part;
                };
                // the last of a group runs on this thread; the others beside it
                running.add(i == together.size() - 1 ? CompletableFuture.completedFuture(write.get())
                        : CompletableFuture.supplyAsync(write, r -> Thread.ofPlatform().daemon().name("demo-history-" + number).start(r)));
            }
            for (CompletableFuture<String> part : running) {
                try {
                    parts.append(' ').append(part.join()).append(';');
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
            for (long r : rows) {
                done = done.after(r);
            }
        }
        if (done.rowsBefore() > 0) {
            log.info("Demo history {} – {}: {} rows in {} ms ({}); every report shows the year now", plan.days().getFirst().date(),
                    plan.days().getLast().date(), done.rowsBefore(), (System.nanoTime() - start) / 1_000_000, parts);
            events.publishEvent(new DemoHistoryWritten(done.rowsBefore()));
        } else {
            log.info("Demo history already there; nothing written");
        }
        historyDone.complete(done.rowsBefore());
        return done.rowsBefore();
    }

    /** Meets the password policy: upper, lower, digits and a symbol, 16 characters. */
    static String generate() {
        var random = new SecureRandom();
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder("Hl-");
        for (int i = 0; i < 12; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.append(random.nextInt(10)).append('a').append('Z').toString();
    }
}
