package org.openhotline.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The one way server tests wait: for a condition, never for a time. Built on Awaitility; a timeout fails with
 * what was awaited and {@code detail} (the states and records that explain it), read at the moment of failure.
 */
public final class Wait {

    private Wait() {
    }

    /**
     * Polls {@code probe} until it gives a value (not null, and not {@code Boolean.FALSE}) and returns it; fails with
     * {@code detail} after {@code timeout}. FALSE is "not yet": a boxed condition handed here must wait, not pass.
     */
    public static <T> T until(String what, Supplier<T> probe, Duration timeout, Supplier<String> detail) {
        AtomicReference<T> value = new AtomicReference<>();
        try {
            Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions().until(() -> {
                        value.set(probe.get());
                        return value.get() != null && !Boolean.FALSE.equals(value.get());
                    });
            return value.get();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "\n" + detail.get(), e);
        }
    }

    /** As {@link #until(String, Supplier, Duration, Supplier)}, for conditions whose name says it all. */
    public static <T> T until(String what, Supplier<T> probe, Duration timeout) {
        return until(what, probe, timeout, () -> "");
    }

    /**
     * Polls {@code condition} until it holds. Without this overload a three-argument call with a boolean lambda
     * compiled against the {@link Supplier} one and returned at once with {@code false} (issue 15: two exchange tests
     * went on before the pipe had applied anything and failed only when the machine was busy).
     */
    public static void until(String what, BooleanSupplier condition, Duration timeout) {
        until(what, condition, timeout, () -> "");
    }

    /** Polls {@code condition} until it holds; fails with {@code detail} after {@code timeout}. */
    public static void until(String what, BooleanSupplier condition, Duration timeout, Supplier<String> detail) {
        until(what, () -> condition.getAsBoolean() ? Boolean.TRUE : null, timeout, detail);
    }

    /**
     * For a condition on what happens over time (what a phone heard): {@code forget} starts a fresh window,
     * {@code condition} is judged on each {@code window} of new observations until it holds; a timeout
     * reports {@code detail} of the last window.
     */
    public static void overWindows(String what, Duration window, Runnable forget, BooleanSupplier condition,
                                   Duration timeout, Supplier<String> detail) {
        AtomicReference<String> lastWindow = new AtomicReference<>("");
        forget.run();
        try {
            Awaitility.await(what).atMost(timeout).pollDelay(window).pollInterval(window).until(() -> {
                boolean holds = condition.getAsBoolean();
                lastWindow.set(detail.get()); // read before the next window wipes it
                forget.run();
                return holds;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("timed out waiting until " + what + "; " + lastWindow.get(), e);
        }
    }
}
