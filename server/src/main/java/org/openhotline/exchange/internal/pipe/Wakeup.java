package org.openhotline.exchange.internal.pipe;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A loop's pause that the one who gave it work can cut short: {@link #wake} ends the current or the next wait. */
final class Wakeup {

    private boolean woken;

    synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /** Waits until woken or {@code max} passed. */
    synchronized void await(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        for (long left = max.toNanos(); !woken && left > 0; left = end - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        woken = false;
    }
}
