package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.openhotline.telephony.TelephonyEvent;
import org.openhotline.telephony.TelephonyListener;

/** Keeps every engine event with the moment it was delivered, and waits for the ones a test expects. */
public final class RecordedEvents implements TelephonyListener {
    public record Seen(TelephonyEvent event, long nanos) { }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    @Override
    public void on(TelephonyEvent event) {
        seen.add(new Seen(event, System.nanoTime()));
        synchronized (this) {
            notifyAll();
        }
    }

    public <T extends TelephonyEvent> Seen await(Class<T> type, Predicate<T> match, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Seen s : seen) {
                if (type.isInstance(s.event()) && match.test(type.cast(s.event()))) return s;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) fail("no " + type.getSimpleName() + " within " + timeout + "; events: " + seen);
            synchronized (this) {
                wait(Math.max(1, Math.min(100, left / 1_000_000)));
            }
        }
    }

    public <T extends TelephonyEvent> T awaitEvent(Class<T> type, Duration timeout) throws InterruptedException {
        return type.cast(await(type, e -> true, timeout).event());
    }

    public List<TelephonyEvent> events() {
        return seen.stream().map(Seen::event).toList();
    }
}
