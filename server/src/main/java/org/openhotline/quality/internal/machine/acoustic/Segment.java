package org.openhotline.quality.internal.machine.acoustic;

/** A stretch of a recording in milliseconds, {@code end} exclusive. */
public record Segment(long start, long end) {

    public long length() {
        return end - start;
    }

    public boolean overlaps(Segment o) {
        return start < o.end && o.start < end;
    }
}
