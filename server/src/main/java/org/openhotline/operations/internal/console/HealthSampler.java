package org.openhotline.operations.internal.console;

import org.openhotline.operations.internal.health.Health;
import org.openhotline.operations.internal.health.Samples;

import org.openhotline.operations.internal.alarms.AlarmEvaluator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every minute (hotline.operations.sample-interval): read every part, keep the sample, judge the alarm rules. */
@Component
class HealthSampler {

    private final Health health;
    private final Samples samples;
    private final AlarmEvaluator alarms;

    HealthSampler(Health health, Samples samples, AlarmEvaluator alarms) {
        this.health = health;
        this.samples = samples;
        this.alarms = alarms;
    }

    @Scheduled(fixedDelayString = "${hotline.operations.sample-interval:PT1M}", initialDelayString = "PT30S")
    void sample() {
        Health.Reading reading = health.read();
        samples.record(reading);
        alarms.evaluate(reading);
    }
}
