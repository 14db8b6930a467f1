package org.openhotline.operations.internal.health;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Every probe's measures at one moment; a probe that fails is shown as one unknown measure of its part. */
@Component
public class Health {

    private static final Logger log = LoggerFactory.getLogger(Health.class);
    private final List<Probe> probes;
    private final Clock clock;

    Health(List<Probe> probes, Clock clock) {
        this.probes = probes;
        this.clock = clock;
    }

    public Reading read() {
        Instant now = clock.instant();
        List<Measure> all = new ArrayList<>();
        for (Probe probe : probes) {
            try {
                all.addAll(probe.measure(now));
            } catch (Exception e) {
                log.warn("health probe {} failed: {}", probe.part(), e.toString());
                all.add(Measure.unknown(probe.part(), "probe.failed", probe.part(), probe.part() + "检测",
                        "检测失败：" + e.getClass().getSimpleName()));
            }
        }
        return new Reading(now, all);
    }

    public record Reading(Instant at, List<Measure> measures) {}
}
