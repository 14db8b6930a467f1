package org.openhotline.quality.internal.plans;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.callcenter.CallsForInspection;
import org.openhotline.callcenter.CallsForInspection.AnsweredCall;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Coverage per agent and month (质检覆盖率): answered calls, calls sampled into tasks, calls inspected (a result
 * submitted), and inspected ÷ answered in per cent — the same count the {@code qc-coverage} KPI makes from its facts.
 */
@Component
public class Coverage {

    public record AgentCoverage(long agentId, String agentName, String agentNo, int answered, int sampled, int inspected,
                                BigDecimal percent) {}

    private final JdbcClient jdbc;
    private final CallsForInspection calls;
    private final BusinessCalendar calendar;
    private final StaffDirectory staff;

    Coverage(JdbcClient jdbc, CallsForInspection calls, BusinessCalendar calendar, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.calendar = calendar;
        this.staff = staff;
    }

    public List<AgentCoverage> of(String monthText) {
        YearMonth month;
        try {
            month = YearMonth.parse(monthText == null ? "" : monthText);
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest("月份格式应为 2026-12");
        }
        Instant from = month.atDay(1).atStartOfDay(calendar.zone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(calendar.zone()).toInstant();
        List<AnsweredCall> answered = calls.answeredBetween(from, to);
        Map<String, Long> agentOf = answered.stream().collect(Collectors.toMap(AnsweredCall::callId, AnsweredCall::agentId));
        Map<Long, int[]> counts = new TreeMap<>();
        answered.forEach(c -> counts.computeIfAbsent(c.agentId(), k -> new int[3])[0]++);
        jdbc.sql("""
                select call_id, bool_or(state in ('SUBMITTED', 'CONFIRMED', 'APPEALED', 'REVIEWED')) from qc_inspection
                 where call_id = any(?) and calibration_id is null group by call_id""")
                .param(agentOf.keySet().toArray(String[]::new))
                .query((rs, n) -> {
                    int[] c = counts.get(agentOf.get(rs.getString(1)));
                    c[1]++;
                    if (rs.getBoolean(2)) {
                        c[2]++;
                    }
                    return null;
                }).list();
        Map<Long, StaffDirectory.Staff> people = staff.byIds(counts.keySet()).stream()
                .collect(Collectors.toMap(StaffDirectory.Staff::accountId, Function.identity()));
        return counts.entrySet().stream().map(e -> {
            var s = people.get(e.getKey());
            int[] c = e.getValue();
            return new AgentCoverage(e.getKey(), s == null ? null : s.displayName(), s == null ? null : s.agentNo(), c[0], c[1], c[2],
                    BigDecimal.valueOf(c[2] * 100L).divide(BigDecimal.valueOf(c[0]), 1, RoundingMode.HALF_UP));
        }).toList();
    }
}
