package org.openhotline.workforce.internal.roster;

/** A shift (班次) as it starts on its day: 早班 08:00 for 8 hours; a night shift may start at 00:00. */
public record ShiftTemplate(String code, String name, int startMinute, int minutes, boolean night) {

    public int startSlot() {
        return startMinute / 30;
    }

    public int slotCount() {
        return (minutes + 29) / 30;
    }

    /** Minutes from the month's first midnight to the start of this shift on {@code dayIndex}. */
    public int startOn(int dayIndex) {
        return dayIndex * 1440 + startMinute;
    }

    public int endOn(int dayIndex) {
        return startOn(dayIndex) + minutes;
    }

    public String label() {
        return name + " " + time(startMinute) + "–" + time((startMinute + minutes) % 1440);
    }

    private static String time(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
