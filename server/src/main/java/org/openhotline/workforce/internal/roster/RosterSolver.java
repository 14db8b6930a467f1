package org.openhotline.workforce.internal.roster;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Solves a month with Timefold Solver: a first-fit construction, then local search until the time limit or until the
 * score stops improving. Input and output are plain grids so that the database code never sees solver classes.
 */
public final class RosterSolver {

    /** What to roster: needs[d][s] agents and dialect[d][s] dialect speakers per half hour. */
    public record Problem(LocalDate firstDay, int days, List<RosterAgent> agents, List<ShiftTemplate> shifts,
                          int[][] needs, int[][] dialect, Map<Long, Set<Integer>> leaveDays,
                          Map<Long, Set<Integer>> wishedOff, Map<Long, Map<Integer, ShiftTemplate>> fixed) {}

    /** The roster: shifts.get(agentId)[d], the score and how long the solver took. */
    public record Solution(Map<Long, ShiftTemplate[]> shifts, String score, long hard, long medium, long soft,
                           long millis) {}

    /**
     * What a background solve reports: the solver's stop handle once it runs (a cancel calls it: the solver returns
     * its best so far at once) and each new best score.
     */
    public interface Progress {
        Progress NONE = new Progress() {};

        default void started(Runnable stop) {}

        default void improved(String score) {}
    }

    private RosterSolver() {}

    public static Solution solve(Problem p, Duration limit) {
        return solve(p, limit, Progress.NONE);
    }

    public static Solution solve(Problem p, Duration limit, Progress progress) {
        long started = System.nanoTime();
        List<SlotNeed> needs = new ArrayList<>();
        for (int d = 0; d < p.days(); d++) {
            for (int s = 0; s < 48; s++) {
                if (p.needs()[d][s] > 0 || p.dialect()[d][s] > 0) {
                    needs.add(new SlotNeed(d * 48 + s, p.needs()[d][s], p.dialect()[d][s]));
                }
            }
        }
        Map<Long, ShiftTemplate[]> warm = GreedyRoster.build(p);
        List<ShiftAssignment> assignments = new ArrayList<>();
        for (RosterAgent agent : p.agents()) {
            Set<Integer> leave = p.leaveDays().getOrDefault(agent.id(), Set.of());
            Set<Integer> wish = p.wishedOff().getOrDefault(agent.id(), Set.of());
            Map<Integer, ShiftTemplate> fixed = p.fixed().getOrDefault(agent.id(), Map.of());
            for (int d = 0; d < p.days(); d++) {
                int week = p.firstDay().plusDays(d).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                boolean pinned = leave.contains(d) || fixed.containsKey(d);
                ShiftTemplate shift = leave.contains(d) ? null : fixed.containsKey(d) ? fixed.get(d) : warm.get(agent.id())[d];
                assignments.add(new ShiftAssignment(agent, d, week, wish.contains(d), pinned, shift));
            }
        }
        SolverConfig config = new SolverConfig()
                .withSolutionClass(RosterPlan.class)
                .withEntityClasses(ShiftAssignment.class)
                .withConstraintProviderClass(RosterConstraints.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                // the greedy warm start assigns every cell (a day off is a value here): local search only
                .withPhases(new LocalSearchPhaseConfig())
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit)
                        .withUnimprovedSpentLimit(Duration.ofMillis(Math.max(2000, limit.toMillis() / 5))));
        var solver = SolverFactory.<RosterPlan>create(config).buildSolver();
        solver.addEventListener(e -> progress.improved(e.getNewBestScore().toString()));
        progress.started(solver::terminateEarly);
        RosterPlan best = solver.solve(new RosterPlan(p.agents(), p.shifts(), needs, assignments));
        Map<Long, ShiftTemplate[]> grid = new java.util.LinkedHashMap<>();
        for (RosterAgent agent : p.agents()) {
            grid.put(agent.id(), new ShiftTemplate[p.days()]);
        }
        for (ShiftAssignment a : best.getAssignments()) {
            grid.get(a.getAgent().id())[a.getDayIndex()] = a.getShift();
        }
        var score = best.getScore();
        return new Solution(grid, score.toString(), score.hardScore(), score.mediumScore(), score.softScore(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Agents short per day and half hour: need minus scheduled, never below 0. */
    public static int[][] gaps(int days, int[][] needs, java.util.Collection<ShiftTemplate[]> shifts) {
        int[][] staffed = staffed(days, shifts);
        int[][] gaps = new int[days][48];
        for (int d = 0; d < days; d++) {
            for (int s = 0; s < 48; s++) {
                gaps[d][s] = Math.max(0, needs[d][s] - staffed[d][s]);
            }
        }
        return gaps;
    }

    public static int[][] staffed(int days, java.util.Collection<ShiftTemplate[]> shifts) {
        int[][] staffed = new int[days][48];
        for (ShiftTemplate[] row : shifts) {
            for (int d = 0; d < Math.min(days, row.length); d++) {
                if (row[d] != null) {
                    int first = d * 48 + row[d].startSlot();
                    for (int i = 0; i < row[d].slotCount(); i++) {
                        int slot = first + i;
                        if (slot / 48 < days) {
                            staffed[slot / 48][slot % 48]++;
                        }
                    }
                }
            }
        }
        return staffed;
    }
}
