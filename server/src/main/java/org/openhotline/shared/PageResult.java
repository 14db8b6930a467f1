package org.openhotline.shared;

import java.util.List;

/** One page of a list screen: the rows, the total count for the pager, and the page asked for (1-based). */
public record PageResult<T>(List<T> items, long total, int page, int size) {

    public static int offset(int page, int size) {
        return (Math.max(page, 1) - 1) * size;
    }

    /** Page sizes a screen may ask for; anything else is clamped so that nobody pulls a whole table. */
    public static int clampSize(int size) {
        return Math.clamp(size, 1, 200);
    }
}
