package org.openhotline.callcenter.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openhotline.callcenter.internal.acd.Timers;

/** A clock tests move by hand, and the ACD timers that fire when it passes their moment. */
final class ManualTime extends Clock implements Timers {

    private Instant now = Instant.parse("2026-11-23T01:00:00Z");
    private final List<Scheduled> scheduled = new ArrayList<>();

    private final class Scheduled implements Timer {
        final Instant at;
        final Runnable task;
        boolean cancelled;

        Scheduled(Instant at, Runnable task) {
            this.at = at;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public Timer at(Instant when, Runnable task) {
        Scheduled s = new Scheduled(when, task);
        scheduled.add(s);
        return s;
    }

    /** Moves time forward, firing every timer due on the way in time order. */
    void advance(Duration by) {
        Instant target = now.plus(by);
        while (true) {
            Scheduled next = scheduled.stream().filter(s -> !s.cancelled && !s.at.isAfter(target))
                    .min(Comparator.comparing(s -> s.at)).orElse(null);
            if (next == null) {
                break;
            }
            scheduled.remove(next);
            now = next.at.isAfter(now) ? next.at : now;
            next.task.run();
        }
        now = target;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("Asia/Shanghai");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
