package org.openhotline.telephony.media;

import java.util.Arrays;

/** Mixer tick jitter (deviation of each tick interval from 20 ms) in 0.1 ms buckets up to 100 ms, for p99 figures. */
public final class TickStats {
    private final long[] buckets = new long[1001];
    private long count;

    synchronized void record(long jitterNanos) {
        int b = (int) Math.min(1000, Math.max(0, jitterNanos / 100_000));
        buckets[b]++;
        count++;
    }

    /** The given percentile of tick jitter in milliseconds. */
    public synchronized double percentileMillis(double p) {
        long target = (long) Math.ceil(count * p / 100.0);
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= target && seen > 0) return i / 10.0;
        }
        return 0;
    }

    public synchronized long count() {
        return count;
    }

    public synchronized void reset() {
        Arrays.fill(buckets, 0);
        count = 0;
    }
}
