package org.openhotline;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.shared.DemoHistory;
import org.openhotline.shared.DemoSeed;
import org.openhotline.shared.HistoryPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo city on first start (and, with hotline.demo.history, a year of history ending yesterday: each
 * module's {@link DemoHistory} writes its own tables, the reports rebuild their facts last) and prints where to go. The demo password is {@code HOTLINE_DEMO_PASSWORD}
 * or, when unset, generated here and printed once: it is never stored in clear.
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

    DemoData(HotlineProperties properties, List<DemoSeed> seeds, List<DemoHistory> histories, BusinessCalendar calendar,
             Clock clock, Environment environment) {
        this.environment = environment;
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
            seeded |= seed.seedIfEmpty(password);
        }
        if (properties.demo().history()) {
            LocalDate yesterday = LocalDate.now(clock.withZone(calendar.zone())).minusDays(1);
            seedHistory(HistoryPlan.of(yesterday.minusDays(364), yesterday, calendar.zone(), calendar::isWorkingDay,
                    HISTORY_CALLS, HISTORY_ORDERS, HISTORY_SEED));
        }
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
        banner.append("  API 文档:   ").append(url()).append("/swagger-ui.html\n")
                .append("=====================================================\n");
        System.out.println(banner);
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

    /** Runs the modules' history hooks in order; each writes nothing when its tables already hold the period. */
    void seedHistory(HistoryPlan plan) {
        long start = System.nanoTime();
        HistoryPlan done = plan;
        StringBuilder parts = new StringBuilder();
        for (DemoHistory history : histories.stream().sorted(Comparator.comparingInt(DemoHistory::order)).toList()) {
            long t = System.nanoTime();
            long rows = history.seedHistory(done);
            done = done.after(rows);
            parts.append(String.format(" %s %d rows %d ms;", history.getClass().getSimpleName(), rows,
                    (System.nanoTime() - t) / 1_000_000));
        }
        if (done.rowsBefore() > 0) {
            log.info("Demo history {} – {}: {} rows in {} ms ({})", plan.days().getFirst().date(),
                    plan.days().getLast().date(), done.rowsBefore(), (System.nanoTime() - start) / 1_000_000, parts);
        }
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
