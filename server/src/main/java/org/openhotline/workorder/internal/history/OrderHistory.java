package org.openhotline.workorder.internal.history;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.sql.DataSource;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.calendar.TimeLimit;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.Organization;
import org.openhotline.shared.DemoHistory;
import org.openhotline.shared.HistoryPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The work-order module's part of the demo year (see package-info): generated here, copied into its own tables. */
@Component
class OrderHistory implements DemoHistory {

    private static final String[] DISTRICTS = {"DH", "XS", "NC", "BG", "JK", "QX", "LJ"};
    private static final String[] CHANNELS = {"PHONE", "WECHAT", "WEB", "APP", "SMS", "EMAIL", "PLATFORM"};
    private static final double[] CHANNEL_SHARE = {0.62, 0.15, 0.08, 0.07, 0.04, 0.02, 0.02};

    record Category(long id, List<Long> path) {}

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Organization organization;
    private final BusinessCalendar calendar;
    private final Clock clock;

    OrderHistory(JdbcClient jdbc, DataSource dataSource, Organization organization, BusinessCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.organization = organization;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    @Transactional
    public long seedHistory(HistoryPlan plan) {
        Optional<OrgNode> city = organization.nodeByCode("JZ");
        boolean present = jdbc.sql("select exists(select 1 from work_order where created_at >= ? and created_at < ?)")
                .params(Timestamp.from(plan.start()), Timestamp.from(plan.end())).query(Boolean.class).single();
        if (present || city.isEmpty()) {
            return 0;
        }
        List<OrgNode> streets = new ArrayList<>();
        for (String d : DISTRICTS) {
            for (int k = 1; k <= 9; k++) {
                organization.nodeByCode(d + "-S0" + k).ifPresent(streets::add);
            }
        }
        Map<String, Category> categories = new HashMap<>();
        jdbc.sql("select id, name, path from wo_category order by level").query(rs -> {
            List<Long> path = new ArrayList<>(Arrays.stream(rs.getString(3).split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList());
            Collections.reverse(path);
            categories.put(rs.getString(2), new Category(rs.getLong(1), path));
        });
        int[] perDay = plan.perDay(plan.orders());
        int total = Arrays.stream(perDay).sum();
        long firstOrder = reserve("work_order_id_seq", total);
        long firstNumber = reserve("wo_number_seq", total);
        long firstAssignment = reserve("wo_assignment_id_seq", total * 2L);
        var lives = new OrderLives(plan.seed() + 1, limits(), (start, limit) -> calendar.dueAt(start, limit),
                (due, extra) -> calendar.extend(due, extra), clock.instant(), clock.instant());
        var random = new Random(plan.seed() + 2);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyyMMdd");
        // Varied wording of each matter, so that the dispatch model learns words rather than one sentence.
        var appeals = new org.openhotline.workorder.internal.dispatch.demo.HistoryAppeals();
        long n = 0;
        for (int d = 0; d < perDay.length; d++) {
            Instant midnight = plan.days().get(d).date().atStartOfDay(plan.zone()).toInstant();
            int[] seconds = new int[perDay[d]];
            for (int i = 0; i < seconds.length; i++) {
                seconds[i] = HistoryPlan.secondOfDay(random.nextDouble());
            }
            Arrays.sort(seconds);
            for (int s : seconds) {
                long id = firstOrder + n;
                String number = day.format(plan.days().get(d).date()) + String.format("%06d", firstNumber + n);
                n++;
                var t = appeals.next(random);
                OrgNode street = streets.get(random.nextInt(streets.size()));
                String district = street.code().substring(0, street.code().indexOf('-'));
                String address = street.name().replace("街道", "").replace("镇", "").replace("乡", "")
                        + OrderTemplates.ROADS[random.nextInt(OrderTemplates.ROADS.length)] + (1 + random.nextInt(300)) + "号";
                String caller = OrderTemplates.SURNAMES[random.nextInt(OrderTemplates.SURNAMES.length)]
                        + (random.nextBoolean() ? "先生" : "女士");
                String phone = "1" + new String[] {"38", "39", "58", "86", "37"}[random.nextInt(5)]
                        + String.format("%08d", random.nextInt(100_000_000));
                Category category = categories.getOrDefault(t.category(), categories.get("其他"));
                String channel = channel(random.nextDouble());
                String urgency = random.nextDouble() < 0.01 ? "EMERGENCY" : random.nextDouble() < 0.04 ? "URGENT" : "NORMAL";
                OrgNode unit = unit(t.unit(), street, district, random);
                lives.live(new OrderLives.Order(id, number, channel, t.type(), urgency, category.id(), category.path(),
                        street, address, t.content() + "，地点：" + address, caller, phone, city.get().path(),
                        "agent" + (1 + random.nextInt(10)), midnight.plusSeconds(s).plusMillis(random.nextInt(1000))),
                        unit, otherUnit(street, district), firstAssignment);
            }
        }
        // After each table the later ones refer to, ANALYZE: it also drops the plans this connection cached for
        // the foreign-key checks. A check planned while the demo's few orders were all there was (a sequential
        // scan) and kept for the year's COPY scans a growing table per row: one first start in two took 329 s
        // instead of 17 s for this step on a quiet machine (a likely cause, matching one COPY on a core for minutes
        // with no writes; the slow start has not been caught in the act).
        long rows = lives.orders.into(dataSource, "work_order", OrderLives.ORDER_COLUMNS)
                + analyzed("work_order")
                + lives.assignments.into(dataSource, "wo_assignment", OrderLives.ASSIGNMENT_COLUMNS)
                + analyzed("wo_assignment")
                + lives.requests.into(dataSource, "wo_request", OrderLives.REQUEST_COLUMNS)
                + lives.callbacks.into(dataSource, "wo_callback", OrderLives.CALLBACK_COLUMNS)
                + lives.timeline.into(dataSource, "wo_timeline", OrderLives.TIMELINE_COLUMNS);
        // Orders still running at the end: lights as of now, and the timers that move them on.
        if (!lives.open.isEmpty()) {
            jdbc.sql("select wo_refresh_lights(?::bigint[])")
                    .param(lives.open.stream().map(o -> o.orderId()).toArray(Long[]::new)).query(rs -> {});
        }
        for (OrderLives.Timer timer : lives.open) {
            if (timer.deadline() != null) {
                calendar.scheduleNew(timer.type(), timer.subject(), timer.deadline());
            }
        }
        return rows;
    }

    /** ANALYZE of one of this module's tables (names from this class only); counts no rows. */
    private long analyzed(String table) {
        jdbc.sql("analyze " + table).update();
        return 0;
    }

    /** Reserves {@code count} values of a sequence (the history runs alone, on first start) and answers the first. */
    private long reserve(String sequence, long count) {
        long first = jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
        jdbc.sql("select setval('" + sequence + "', ?)").param(first + count).query(Long.class).single();
        return first;
    }

    private OrderLives.Limits limits() {
        Map<String, TimeLimit> cache = new HashMap<>();
        return (stage, o) -> cache.computeIfAbsent(stage + "/" + o.type() + "/" + o.urgency() + "/" + o.categoryId(),
                k -> calendar.limitFor(stage, o.type(), o.urgency(), o.categoryPath()));
    }

    private static String channel(double u) {
        for (int i = 0; i < CHANNELS.length; i++) {
            if (u < CHANNEL_SHARE[i]) {
                return CHANNELS[i];
            }
            u -= CHANNEL_SHARE[i];
        }
        return "PHONE";
    }

    private final Map<String, Optional<OrgNode>> units = new HashMap<>();

    private Optional<OrgNode> byCode(String code) {
        return units.computeIfAbsent(code, organization::nodeByCode);
    }

    /** The template's unit for this street; null for a question answered at once (then 行政审批局 if dispatched). */
    private OrgNode unit(String rule, OrgNode street, String district, Random random) {
        if (rule == null) {
            return byCode("SPJ").orElse(null);
        }
        String code = rule.equals("S") ? street.code() + "-BSC" : rule.startsWith("D:") ? district + "-" + rule.substring(2) : rule;
        return byCode(code).or(() -> byCode(rule.startsWith("D:") ? rule.substring(2) : "SPJ")).orElse(null);
    }

    /** Where an order goes after a return: the street office, or the district's city management. */
    private OrgNode otherUnit(OrgNode street, String district) {
        return byCode(street.code() + "-BSC").or(() -> byCode(district + "-CGJ")).orElse(null);
    }
}
