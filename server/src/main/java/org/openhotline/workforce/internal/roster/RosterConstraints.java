package org.openhotline.workforce.internal.roster;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.toConsecutiveSequences;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.common.SequenceChain;

/**
 * The roster rules as Timefold constraint streams; {@link RosterRules} checks the same rules on a finished roster and
 * on manual edits, in plain Java, with the messages a team leader reads.
 */
public class RosterConstraints implements ConstraintProvider {

    // The same function instances let Timefold share one per-slot count between the coverage and overstaffing streams.
    private static final java.util.function.Function<ShiftAssignment, Iterable<Integer>> SLOTS = ShiftAssignment::coveredSlots;
    private static final java.util.function.Function<Integer, Integer> SLOT = slot -> slot;
    private static final java.util.function.BiFunction<Integer, Integer, Integer> SLOT_OF = (slot, n) -> slot;
    private static final java.util.function.Function<SlotNeed, Integer> NEED_SLOT = SlotNeed::slot;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {
                restBetweenShifts(f), consecutiveDays(f), monthHours(f), weekHours(f), nightNotAllowed(f),
                neededAgents(f), coveredAgents(f), neededDialect(f), coveredDialect(f),
                overstaffing(f), nightFairness(f), wishedDayOff(f)};
    }

    Constraint restBetweenShifts(ConstraintFactory f) {
        return f.forEach(ShiftAssignment.class)
                .join(ShiftAssignment.class, Joiners.equal(ShiftAssignment::getAgent),
                        Joiners.equal(a -> a.getDayIndex() + 1, ShiftAssignment::getDayIndex))
                .filter((a, b) -> b.getShift().startOn(b.getDayIndex()) - a.getShift().endOn(a.getDayIndex())
                        < RosterRules.MIN_REST_MINUTES)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (a, b) -> 1)
                .asConstraint("两班之间休息不少于 11 小时");
    }

    Constraint consecutiveDays(ConstraintFactory f) {
        return f.forEach(ShiftAssignment.class)
                .groupBy(ShiftAssignment::getAgent, toConsecutiveSequences(ShiftAssignment::getDayIndex))
                .flattenLast(SequenceChain::getConsecutiveSequences)
                .filter((agent, run) -> run.getCount() > RosterRules.MAX_CONSECUTIVE_DAYS)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        (agent, run) -> run.getCount() - RosterRules.MAX_CONSECUTIVE_DAYS)
                .asConstraint("连续上班不超过 6 天");
    }

    Constraint monthHours(ConstraintFactory f) {
        return f.forEach(ShiftAssignment.class)
                .groupBy(ShiftAssignment::getAgent, sum(ShiftAssignment::minutes))
                .filter((agent, minutes) -> minutes > agent.maxMonthMinutes())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (agent, minutes) -> (minutes - agent.maxMonthMinutes() + 59) / 60)
                .asConstraint("月工时上限");
    }

    Constraint weekHours(ConstraintFactory f) {
        return f.forEach(ShiftAssignment.class)
                .groupBy(ShiftAssignment::getAgent, ShiftAssignment::getWeek, sum(ShiftAssignment::minutes))
                .filter((agent, week, minutes) -> minutes > agent.maxWeekMinutes())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        (agent, week, minutes) -> (minutes - agent.maxWeekMinutes() + 59) / 60)
                .asConstraint("周工时上限");
    }

    Constraint nightNotAllowed(ConstraintFactory f) {
        return f.forEach(ShiftAssignment.class)
                .filter(a -> a.night() && !a.getAgent().nightAllowed())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, a -> 1)
                .asConstraint("不排夜班的坐席");
    }

    /** Every needed agent half hour counts against the score; each one covered (up to the need) gives it back. */
    Constraint neededAgents(ConstraintFactory f) {
        return f.forEach(SlotNeed.class).filter(n -> n.needed() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, SlotNeed::needed)
                .asConstraint("所需坐席");
    }

    Constraint coveredAgents(ConstraintFactory f) {
        return f.forEach(ShiftAssignment.class)
                .flattenLast(SLOTS)
                .groupBy(SLOT, count())
                .join(SlotNeed.class, Joiners.equal(SLOT_OF, NEED_SLOT))
                .rewardLong(HardMediumSoftLongScore.ONE_MEDIUM, (slot, n, need) -> Math.min(n, need.needed()))
                .asConstraint("已覆盖坐席");
    }

    Constraint neededDialect(ConstraintFactory f) {
        return f.forEach(SlotNeed.class).filter(n -> n.dialect() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, n -> 2L * n.dialect())
                .asConstraint("方言席所需");
    }

    Constraint coveredDialect(ConstraintFactory f) {
        return f.forEach(ShiftAssignment.class)
                .filter(a -> a.getAgent().speaksDialect())
                .flattenLast(SLOTS)
                .groupBy(SLOT, count())
                .join(SlotNeed.class, Joiners.equal(SLOT_OF, NEED_SLOT))
                .rewardLong(HardMediumSoftLongScore.ONE_MEDIUM, (slot, n, need) -> 2L * Math.min(n, need.dialect()))
                .asConstraint("方言席已覆盖");
    }

    Constraint overstaffing(ConstraintFactory f) {
        return f.forEach(ShiftAssignment.class)
                .flattenLast(SLOTS)
                .groupBy(SLOT, count())
                .join(SlotNeed.class, Joiners.equal(SLOT_OF, NEED_SLOT))
                .filter((slot, n, need) -> n > need.needed())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (slot, n, need) -> n - need.needed())
                .asConstraint("超配");
    }

    /** Nights squared per agent: the solver spreads nights over everyone who may work them (夜班轮换). */
    Constraint nightFairness(ConstraintFactory f) {
        return f.forEach(ShiftAssignment.class)
                .filter(ShiftAssignment::night)
                .groupBy(ShiftAssignment::getAgent, count())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (agent, nights) -> (long) nights * nights)
                .asConstraint("夜班均衡");
    }

    Constraint wishedDayOff(ConstraintFactory f) {
        return f.forEach(ShiftAssignment.class)
                .filter(ShiftAssignment::isWishOff)
                .penalizeLong(HardMediumSoftLongScore.ofSoft(20), a -> 1)
                .asConstraint("期望休息日");
    }
}
