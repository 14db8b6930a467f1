package org.openhotline.workforce.internal.roster;

import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A greedy roster: day by day, each agent in turn takes the shift that covers most still-open need, when the rules
 * allow it (five days in a row at most, hours, rest, nights). It is the solver's warm start — local search then only
 * repairs and balances — and the benchmark's baseline.
 */
public final class GreedyRoster {

    private GreedyRoster() {}

    public static Map<Long, ShiftTemplate[]> build(RosterSolver.Problem p) {
        int[][] open = new int[p.days()][];
        for (int d = 0; d < p.days(); d++) {
            open[d] = p.needs()[d].clone();
        }
        Map<Long, ShiftTemplate[]> grid = new LinkedHashMap<>();
        Map<Long, int[]> state = new HashMap<>(); // consecutive days, month minutes, week, week minutes
        for (RosterAgent a : p.agents()) {
            ShiftTemplate[] row = new ShiftTemplate[p.days()];
            p.fixed().getOrDefault(a.id(), Map.of()).forEach((d, s) -> row[d] = s);
            grid.put(a.id(), row);
            state.put(a.id(), new int[4]);
        }
        for (int d = 0; d < p.days(); d++) {
            int week = p.firstDay().plusDays(d).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            for (RosterAgent a : p.agents()) {
                ShiftTemplate[] row = grid.get(a.id());
                int[] st = state.get(a.id());
                if (st[2] != week) {
                    st[2] = week;
                    st[3] = 0;
                }
                boolean fixed = p.fixed().getOrDefault(a.id(), Map.of()).containsKey(d);
                ShiftTemplate chosen = fixed ? row[d] : null;
                if (!fixed && !p.leaveDays().getOrDefault(a.id(), Set.of()).contains(d) && st[0] < 5
                        && st[1] + 480 <= a.maxMonthMinutes() && st[3] + 480 <= a.maxWeekMinutes()) {
                    int bestGain = 0;
                    for (ShiftTemplate s : p.shifts()) {
                        if (s.night() && !a.nightAllowed() || d > 0 && row[d - 1] != null
                                && s.startOn(d) - row[d - 1].endOn(d - 1) < RosterRules.MIN_REST_MINUTES) {
                            continue;
                        }
                        int gain = 0;
                        for (int i = 0; i < s.slotCount(); i++) {
                            int slot = s.startSlot() + i;
                            if (slot < 48 && open[d][slot] > 0) {
                                gain++;
                            }
                        }
                        if (gain > bestGain) {
                            chosen = s;
                            bestGain = gain;
                        }
                    }
                    row[d] = chosen;
                }
                if (chosen == null) {
                    st[0] = 0;
                    continue;
                }
                st[0]++;
                st[1] += chosen.minutes();
                st[3] += chosen.minutes();
                for (int i = 0; i < chosen.slotCount(); i++) {
                    int slot = chosen.startSlot() + i;
                    if (slot < 48) {
                        open[d][slot]--;
                    }
                }
            }
        }
        return grid;
    }
}
