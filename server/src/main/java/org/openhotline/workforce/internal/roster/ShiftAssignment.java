package org.openhotline.workforce.internal.roster;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * One agent's day in the month: the shift the solver picks, or none (休). Days of approved leave and cells a manager
 * fixed by hand are pinned: the solver works around them.
 */
@PlanningEntity
public class ShiftAssignment {

    @PlanningId
    private String id;
    private RosterAgent agent;
    private int dayIndex;
    private int week;
    private boolean wishOff;
    @PlanningPin
    private boolean pinned;
    @PlanningVariable(allowsUnassigned = true)
    private ShiftTemplate shift;

    public ShiftAssignment() {}

    public ShiftAssignment(RosterAgent agent, int dayIndex, int week, boolean wishOff, boolean pinned, ShiftTemplate shift) {
        this.id = agent.id() + "/" + dayIndex;
        this.agent = agent;
        this.dayIndex = dayIndex;
        this.week = week;
        this.wishOff = wishOff;
        this.pinned = pinned;
        this.shift = shift;
    }

    /** The month's half hours this shift covers (a night shift may run into the next day). */
    public List<Integer> coveredSlots() {
        if (shift == null) {
            return List.of();
        }
        List<Integer> slots = new ArrayList<>(shift.slotCount());
        int first = dayIndex * 48 + shift.startSlot();
        for (int i = 0; i < shift.slotCount(); i++) {
            slots.add(first + i);
        }
        return slots;
    }

    public int minutes() {
        return shift == null ? 0 : shift.minutes();
    }

    public boolean night() {
        return shift != null && shift.night();
    }

    public String getId() {
        return id;
    }

    public RosterAgent getAgent() {
        return agent;
    }

    public int getDayIndex() {
        return dayIndex;
    }

    public int getWeek() {
        return week;
    }

    public boolean isWishOff() {
        return wishOff;
    }

    public boolean isPinned() {
        return pinned;
    }

    public ShiftTemplate getShift() {
        return shift;
    }

    public void setShift(ShiftTemplate shift) {
        this.shift = shift;
    }
}
