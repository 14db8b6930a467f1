package org.openhotline.operations.internal.alarms;

import java.time.Instant;

/**
 * A rule over one measure: an alarm is raised when the measure is above ({@code GT}) or below ({@code LT}) the
 * threshold for {@code durationSeconds} on end, on each subject (every trunk, every disk) separately.
 */
public record AlarmRule(long id, String metric, String name, String comparison, double threshold, int durationSeconds,
                        Severity severity, boolean enabled, int version, Instant updatedAt, String updatedBy) {

    public boolean breachedBy(double value) {
        return "GT".equals(comparison) ? value > threshold : value < threshold;
    }
}
