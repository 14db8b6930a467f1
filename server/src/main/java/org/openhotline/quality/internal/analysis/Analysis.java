package org.openhotline.quality.internal.analysis;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.quality.internal.templates.TemplateItem;
import org.openhotline.quality.internal.templates.Templates;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * QC analysis (质检分析) over submitted results of a range of months: scores grouped by agent, inspector or month,
 * and the items lost most often. Calibration sheets are not results and are left out.
 */
@Component
class Analysis {

    record Group(String key, String label, long results, BigDecimal averageScore, long fatal, long appealed, long changed) {}

    record LostItem(String key, String name, String group, long lostCount, BigDecimal lostPoints, long fatal) {}

    record Report(String from, String to, String by, List<Group> groups, List<LostItem> items) {}

    private static final String RESULTS = """
             from qc_inspection i
            where i.calibration_id is null and i.state in ('SUBMITTED', 'CONFIRMED', 'APPEALED', 'REVIEWED')
              and i.submitted_at >= :from and i.submitted_at < :to""";

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final StaffDirectory staff;
    private final Templates templates;

    Analysis(JdbcClient jdbc, BusinessCalendar calendar, StaffDirectory staff, Templates templates) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.staff = staff;
        this.templates = templates;
    }

    Report of(String fromMonth, String toMonth, String by) {
        YearMonth from = month(fromMonth);
        YearMonth to = month(toMonth);
        if (to.isBefore(from) || from.plusMonths(36).isBefore(to)) {
            throw DomainException.badRequest("月份范围应从早到晚且不超过 36 个月");
        }
        String key = switch (by == null ? "agent" : by) {
            case "agent" -> "i.agent_id::text";
            case "inspector" -> "i.inspector_id::text";
            case "month" -> "to_char(i.submitted_at at time zone :tz, 'YYYY-MM')";
            default -> throw DomainException.badRequest("分组方式应为 agent、inspector 或 month");
        };
        Map<String, Object> p = new HashMap<>();
        p.put("from", Timestamp.from(start(from)));
        p.put("to", Timestamp.from(start(to.plusMonths(1))));
        p.put("tz", calendar.zone().getId());
        List<Group> groups = jdbc.sql("select " + key + " as k, count(*), round(avg(i.score), 2), count(*) filter (where i.fatal),"
                        + " count(*) filter (where i.appealed_at is not null),"
                        + " count(*) filter (where i.reviewed_at is not null and i.score <> i.first_score)" + RESULTS
                        + " group by 1 order by 1")
                .params(p).query((rs, n) -> new Group(rs.getString(1), rs.getString(1), rs.getLong(2), rs.getBigDecimal(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6))).list();
        if (!"month".equals(by)) {
            Map<Long, StaffDirectory.Staff> people = staff.byIds(groups.stream().map(g -> Long.parseLong(g.key())).toList())
                    .stream().collect(Collectors.toMap(StaffDirectory.Staff::accountId, Function.identity()));
            groups = groups.stream().map(g -> {
                var s = people.get(Long.parseLong(g.key()));
                String label = s == null ? g.key() : s.displayName() + (s.agentNo() == null ? "" : "（" + s.agentNo() + "）");
                return new Group(g.key(), label, g.results(), g.averageScore(), g.fatal(), g.appealed(), g.changed());
            }).toList();
        }
        Map<String, TemplateItem> names = new HashMap<>();
        templates.list().forEach(t -> t.items().forEach(i -> names.putIfAbsent(i.key(), i)));
        List<LostItem> items = jdbc.sql("""
                select a.key, count(*), sum(coalesce((a.value->>'deduction')::numeric, 0)),
                       count(*) filter (where coalesce((a.value->>'fatal')::boolean, false))""" + RESULTS.replace("from qc_inspection i",
                        "from qc_inspection i cross join lateral jsonb_each(i.answers) a") + """
                  and (coalesce((a.value->>'deduction')::numeric, 0) > 0 or coalesce((a.value->>'fatal')::boolean, false))
                group by a.key order by 2 desc, 3 desc limit 20""")
                .params(p).query((rs, n) -> {
                    TemplateItem t = names.get(rs.getString(1));
                    return new LostItem(rs.getString(1), t == null ? rs.getString(1) : t.name(), t == null ? null : t.group(),
                            rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4));
                }).list();
        return new Report(from.toString(), to.toString(), by == null ? "agent" : by, groups, items);
    }

    private Instant start(YearMonth m) {
        return m.atDay(1).atStartOfDay(calendar.zone()).toInstant();
    }

    private static YearMonth month(String s) {
        try {
            return YearMonth.parse(s == null ? "" : s);
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest("月份格式应为 2026-12");
        }
    }
}
