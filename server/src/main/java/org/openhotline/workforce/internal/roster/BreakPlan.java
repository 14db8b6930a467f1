package org.openhotline.workforce.internal.roster;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The breaks planned inside a shift (班中休息), the same for everybody on that shift so the desk can say when the next
 * one is: from 6 hours on, a 15-minute break 2 hours in, a 30-minute meal in the middle and a 15-minute break 2 hours
 * before the end; from 4 hours, one 15-minute break in the middle; shorter shifts have none. The forecast's shrinkage
 * (30 %) covers them, so the roster's half-hour needs already allow for them.
 */
public final class BreakPlan {

    public record Break(String label, LocalDateTime start, LocalDateTime end) {}

    private BreakPlan() {}

    public static List<Break> of(LocalDateTime shiftStart, int minutes) {
        List<Break> breaks = new ArrayList<>();
        if (minutes >= 360) {
            breaks.add(new Break("小休", shiftStart.plusMinutes(120), shiftStart.plusMinutes(135)));
            LocalDateTime meal = shiftStart.plusMinutes(minutes / 2 - 15);
            breaks.add(new Break("用餐", meal, meal.plusMinutes(30)));
            breaks.add(new Break("小休", shiftStart.plusMinutes(minutes - 120), shiftStart.plusMinutes(minutes - 105)));
        } else if (minutes >= 240) {
            LocalDateTime middle = shiftStart.plusMinutes(minutes / 2 - 7);
            breaks.add(new Break("小休", middle, middle.plusMinutes(15)));
        }
        return breaks;
    }
}
