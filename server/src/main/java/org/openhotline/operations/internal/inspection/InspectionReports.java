package org.openhotline.operations.internal.inspection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openhotline.operations.internal.health.Samples;
import org.openhotline.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The daily inspection report (日常巡检报告, seed 002): the checks run now and their results, the alarms of the last
 * day, capacity trends over the last week. The weekly analysis (周运行分析报告): the week's alarms by rule, the
 * availability of the database and trunks from the minute samples, capacity at the start and end of the week and
 * against the week before. Both are .docx, kept in {@code ops_report} (one per kind and period; generating again
 * replaces it) and listed on the console.
 */
@Component
public class InspectionReports {

    /** The capacity measures the reports trend: metric, subject, label, unit. */
    static final List<String[]> CAPACITY = List.of(
            new String[] {"db.size.mb", "", "数据库大小", "MB"},
            new String[] {"db.connections.pct", "", "数据库连接占用", "%"},
            new String[] {"disk.free.pct", "data", "数据目录剩余空间", "%"},
            new String[] {"disk.free.pct", "recordings", "录音目录剩余空间", "%"},
            new String[] {"disk.free.pct", "backup", "备份目录剩余空间", "%"},
            new String[] {"rtp.ports.pct", "", "媒体端口占用", "%"},
            new String[] {"events.backlog", "", "未完成事件投递", "条"},
            new String[] {"wal.archive.mb", "", "WAL 归档", "MB"});

    private final Inspection inspection;
    private final Samples samples;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final DateTimeFormatter time;

    InspectionReports(Inspection inspection, Samples samples, JdbcClient jdbc, Clock clock, @Value("${hotline.time-zone}") String zone) {
        this.inspection = inspection;
        this.samples = samples;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(this.zone);
    }

    public record Report(long id, String kind, LocalDate periodStart, LocalDate periodEnd, Instant generatedAt, String fileName,
                         int passed, int failed) {}

    public Report daily() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Check> checks = inspection.run();
        long passed = checks.stream().filter(c -> c.result() == Check.Result.PASS).count();
        long failed = checks.stream().filter(c -> c.result() == Check.Result.FAIL).count();
        byte[] docx;
        try (var doc = new InspectionDocument()) {
            doc.title("12345 热线平台日常巡检报告").text("巡检日期：" + today + "　生成时间：" + time.format(now) + "　巡检方式：系统自动巡检");
            doc.heading("一、巡检结论").text("共巡检 " + checks.size() + " 项：正常 " + passed + " 项，异常 " + failed + " 项，未检测 "
                    + (checks.size() - passed - failed) + " 项。" + (failed == 0 ? "平台运行正常。" : "异常项见下表，请及时处理。"));
            doc.heading("二、巡检项目与结果");
            doc.table(checkRows(checks));
            doc.heading("三、近 24 小时告警");
            doc.table(alarmRows(inspection.alarms(now.minusSeconds(86400), now)));
            doc.heading("四、容量趋势（近 7 天，每日最小 / 平均 / 最大）");
            doc.table(trendRows(today.minusDays(6), today.plusDays(1)));
            docx = doc.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store("DAILY", today, today, now, "巡检报告-" + today + ".docx", docx, (int) passed, (int) failed);
    }

    /** The week before the one {@code now} falls in (Monday to Sunday). */
    public Report weekly() {
        Instant now = clock.instant();
        LocalDate monday = LocalDate.ofInstant(now, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        LocalDate sunday = monday.plusDays(6);
        Instant from = monday.atStartOfDay(zone).toInstant();
        Instant to = sunday.plusDays(1).atStartOfDay(zone).toInstant();
        var alarms = inspection.alarms(from, to);
        byte[] docx;
        try (var doc = new InspectionDocument()) {
            doc.title("12345 热线平台运行周分析报告").text("统计期间：" + monday + " 至 " + sunday + "　生成时间：" + time.format(now));
            doc.heading("一、可用性（按每分钟采样计算）");
            List<List<String>> availability = new ArrayList<>();
            availability.add(List.of("对象", "采样次数", "不可用次数", "可用率"));
            for (var row : jdbc.sql("""
                    select case when metric = 'db.up' then '数据库' else '中继 ' || subject end as what, count(*) as n,
                           count(*) filter (where value < 1) as down
                      from ops_sample where metric in ('db.up', 'trunk.up') and at >= ? and at < ?
                     group by 1 order by 1""").params(Timestamp.from(from), Timestamp.from(to))
                    .query((rs, n) -> List.of(rs.getString(1), String.valueOf(rs.getLong(2)), String.valueOf(rs.getLong(3)),
                            String.format("%.2f%%", 100.0 * (rs.getLong(2) - rs.getLong(3)) / Math.max(1, rs.getLong(2))))).list()) {
                availability.add(row);
            }
            if (availability.size() == 1) availability.add(List.of("（本周无采样）", "0", "0", "—"));
            doc.table(availability);
            doc.heading("二、告警统计");
            Map<String, Long> byRule = alarms.stream().collect(Collectors.groupingBy(a -> a.name() + "（" + a.severity() + "）",
                    java.util.TreeMap::new, Collectors.counting()));
            List<List<String>> ruleRows = new ArrayList<>();
            ruleRows.add(List.of("告警规则", "次数"));
            byRule.forEach((k, v) -> ruleRows.add(List.of(k, String.valueOf(v))));
            if (byRule.isEmpty()) ruleRows.add(List.of("（本周无告警）", "0"));
            doc.table(ruleRows);
            doc.heading("三、告警明细");
            doc.table(alarmRows(alarms));
            doc.heading("四、容量趋势（本周每日最小 / 平均 / 最大）");
            doc.table(trendRows(monday, sunday.plusDays(1)));
            doc.heading("五、分析与建议");
            doc.text(advice(monday, sunday, alarms.size()));
            docx = doc.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store("WEEKLY", monday, sunday, now, "运行周报-" + monday + ".docx", docx, 0, alarms.size());
    }

    private String advice(LocalDate monday, LocalDate sunday, int alarms) {
        List<String> lines = new ArrayList<>();
        lines.add(alarms == 0 ? "本周未发生告警。" : "本周共发生告警 " + alarms + " 次，请对照告警明细复盘处置情况。");
        Instant from = monday.atStartOfDay(zone).toInstant();
        Instant to = sunday.plusDays(1).atStartOfDay(zone).toInstant();
        var size = samples.daily("db.size.mb", "", from, to, zone.getId());
        if (size.size() >= 2) {
            double growth = size.getLast().max() - size.getFirst().min();
            lines.add(String.format("数据库本周增长约 %.0f MB。", growth));
            var disk = samples.daily("disk.free.pct", "data", from, to, zone.getId());
            if (!disk.isEmpty() && growth > 0) {
                lines.add(String.format("数据目录剩余空间 %.1f%%，按本周增速估算请关注扩容计划。", disk.getLast().min()));
            }
        }
        return String.join("", lines);
    }

    private List<List<String>> checkRows(List<Check> checks) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("部件", InspectionDocument.CHECK_TABLE_HEADER, "标准", "检测结果", "结论"));
        checks.forEach(c -> rows.add(List.of(c.part(), c.item(), c.standard(), c.found(), c.result().label())));
        return rows;
    }

    private List<List<String>> alarmRows(List<Inspection.AlarmLine> alarms) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("告警", "对象", "级别", "发生时间", "恢复时间", "状态"));
        alarms.forEach(a -> rows.add(List.of(a.name(), a.subject(), a.severity(), time.format(a.raisedAt()),
                a.clearedAt() == null ? "—" : time.format(a.clearedAt()), a.state())));
        if (alarms.isEmpty()) rows.add(List.of("（无）", "", "", "", "", ""));
        return rows;
    }

    private List<List<String>> trendRows(LocalDate fromDay, LocalDate toDay) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("指标", "日期", "最小", "平均", "最大"));
        Instant from = fromDay.atStartOfDay(zone).toInstant();
        Instant to = toDay.atStartOfDay(zone).toInstant();
        for (String[] c : CAPACITY) {
            for (var d : samples.daily(c[0], c[1], from, to, zone.getId())) {
                rows.add(List.of(c[2] + "（" + c[3] + "）", d.day().toString(), Inspection.fmt(d.min()), Inspection.fmt(d.avg()),
                        Inspection.fmt(d.max())));
            }
        }
        if (rows.size() == 1) rows.add(List.of("（尚无采样）", "", "", "", ""));
        return rows;
    }

    private Report store(String kind, LocalDate start, LocalDate end, Instant at, String fileName, byte[] docx, int passed, int failed) {
        long id = jdbc.sql("""
                insert into ops_report (kind, period_start, period_end, generated_at, file_name, content, passed, failed)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (kind, period_start) do update set period_end = excluded.period_end,
                    generated_at = excluded.generated_at, file_name = excluded.file_name, content = excluded.content,
                    passed = excluded.passed, failed = excluded.failed
                returning id""")
                .params(kind, start, end, Timestamp.from(at), fileName, docx, passed, failed).query(Long.class).single();
        return new Report(id, kind, start, end, at, fileName, passed, failed);
    }

    public List<Report> list(int limit) {
        return jdbc.sql("""
                select id, kind, period_start, period_end, generated_at, file_name, passed, failed from ops_report
                 order by generated_at desc, id desc limit ?""").param(limit)
                .query((rs, n) -> new Report(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getInt(7), rs.getInt(8))).list();
    }

    public record File(String name, byte[] content) {}

    public File file(long id) {
        return jdbc.sql("select file_name, content from ops_report where id = ?").param(id)
                .query((rs, n) -> new File(rs.getString(1), rs.getBytes(2))).optional()
                .orElseThrow(() -> DomainException.notFound("报告不存在"));
    }
}
