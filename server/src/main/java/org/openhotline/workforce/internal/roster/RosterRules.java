package org.openhotline.workforce.internal.roster;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hard roster rules on a whole month, in plain Java: what the solver must not break and what a manual edit is
 * checked against before it is saved. Rest between shifts at least 11 hours (across the month's edges too when the
 * neighbouring days are known), at most 6 days in a row, hours per ISO week and per month under the agent's limits, no
 * night shift for agents who do not work nights, nobody on a day of approved leave.
 */
public final class RosterRules {

    public static final int MIN_REST_MINUTES = 11 * 60;
    public static final int MAX_CONSECUTIVE_DAYS = 6;

    private RosterRules() {}

    /** One agent's month: {@code shifts[d]} is the shift on the month's day d, null for a day off. */
    public record AgentMonth(RosterAgent agent, ShiftTemplate[] shifts, Set<Integer> leaveDays) {}

    public record Violation(long accountId, String agentName, LocalDate day, String rule) {}

    public static List<Violation> check(LocalDate firstDay, List<AgentMonth> months) {
        List<Violation> found = new ArrayList<>();
        for (AgentMonth m : months) {
            check(firstDay, m, found);
        }
        return found;
    }

    private static void check(LocalDate firstDay, AgentMonth m, List<Violation> found) {
        ShiftTemplate[] s = m.shifts();
        RosterAgent agent = m.agent();
        int run = 0;
        int monthMinutes = 0;
        Map<Integer, Integer> weekMinutes = new java.util.TreeMap<>();
        for (int d = 0; d < s.length; d++) {
            LocalDate day = firstDay.plusDays(d);
            if (s[d] == null) {
                run = 0;
                continue;
            }
            if (m.leaveDays().contains(d)) {
                found.add(new Violation(agent.id(), agent.name(), day, "请假日不能排班"));
            }
            if (s[d].night() && !agent.nightAllowed()) {
                found.add(new Violation(agent.id(), agent.name(), day, "该坐席不排夜班"));
            }
            if (d > 0 && s[d - 1] != null && s[d].startOn(d) - s[d - 1].endOn(d - 1) < MIN_REST_MINUTES) {
                found.add(new Violation(agent.id(), agent.name(), day,
                        "与前一天" + s[d - 1].name() + "之间休息不足 11 小时"));
            }
            run++;
            if (run == MAX_CONSECUTIVE_DAYS + 1) {
                found.add(new Violation(agent.id(), agent.name(), day, "连续上班超过 " + MAX_CONSECUTIVE_DAYS + " 天"));
            }
            monthMinutes += s[d].minutes();
            weekMinutes.merge(day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), s[d].minutes(), Integer::sum);
        }
        if (monthMinutes > agent.maxMonthMinutes()) {
            found.add(new Violation(agent.id(), agent.name(), null,
                    "月工时 " + monthMinutes / 60 + " 小时，超过上限 " + agent.maxMonthMinutes() / 60 + " 小时"));
        }
        for (var e : weekMinutes.entrySet()) {
            if (e.getValue() > agent.maxWeekMinutes()) {
                found.add(new Violation(agent.id(), agent.name(), null, "第 " + e.getKey() + " 周工时 " + e.getValue() / 60
                        + " 小时，超过上限 " + agent.maxWeekMinutes() / 60 + " 小时"));
            }
        }
    }
}
