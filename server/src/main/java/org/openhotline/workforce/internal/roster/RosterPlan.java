package org.openhotline.workforce.internal.roster;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;

/**
 * A month to roster: agents, shift templates, the half-hour needs, and one assignment per agent and day. The score is
 * hard (rules broken), medium (agent half hours missing against the needs, dialect desk counted twice) and soft
 * (overstaffing, unfair nights, wished days off not granted).
 */
@PlanningSolution
public class RosterPlan {

    @ProblemFactCollectionProperty
    private List<RosterAgent> agents;
    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<ShiftTemplate> shifts;
    @ProblemFactCollectionProperty
    private List<SlotNeed> needs;
    @PlanningEntityCollectionProperty
    private List<ShiftAssignment> assignments;
    @PlanningScore
    private HardMediumSoftLongScore score;

    public RosterPlan() {}

    public RosterPlan(List<RosterAgent> agents, List<ShiftTemplate> shifts, List<SlotNeed> needs,
                      List<ShiftAssignment> assignments) {
        this.agents = agents;
        this.shifts = shifts;
        this.needs = needs;
        this.assignments = assignments;
    }

    public List<RosterAgent> getAgents() {
        return agents;
    }

    public List<ShiftTemplate> getShifts() {
        return shifts;
    }

    public List<SlotNeed> getNeeds() {
        return needs;
    }

    public List<ShiftAssignment> getAssignments() {
        return assignments;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
