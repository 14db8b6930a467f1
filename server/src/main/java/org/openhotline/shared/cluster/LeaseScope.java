package org.openhotline.shared.cluster;

/**
 * The epoch under which the current thread runs a leased job; {@link LeaseFencing} checks it before each of the
 * job's transactions commits. Explicit hooks (the ACD) call {@link #run} themselves.
 */
public final class LeaseScope {

    private static final ThreadLocal<Long> EPOCH = new ThreadLocal<>();

    private LeaseScope() {}

    /** Runs {@code work} with its transactions fenced by {@code epoch}. */
    public static void run(long epoch, Runnable work) {
        Long outer = EPOCH.get();
        EPOCH.set(epoch);
        try {
            work.run();
        } finally {
            if (outer == null) {
                EPOCH.remove();
            } else {
                EPOCH.set(outer);
            }
        }
    }

    /** The epoch of the leased job running on this thread, or null outside one. */
    static Long current() {
        return EPOCH.get();
    }
}
