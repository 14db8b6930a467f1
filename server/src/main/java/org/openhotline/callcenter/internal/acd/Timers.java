package org.openhotline.callcenter.internal.acd;

import java.time.Instant;

/**
 * Where the ACD's deadlines (ring timeout, overflow, maximum wait) are kept: a scheduled executor in the
 * running platform, a hand-driven clock in tests, so that tests move time instead of sleeping.
 */
public interface Timers {

    Timer at(Instant when, Runnable task);

    interface Timer {
        void cancel();
    }
}
