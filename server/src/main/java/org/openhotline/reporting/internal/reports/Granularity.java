package org.openhotline.reporting.internal.reports;

import java.util.Arrays;
import org.openhotline.shared.DomainException;

/** How a report's rows cut the period (按日、按周、按月), or not at all (合计: one row per dimension value). */
enum Granularity {
    DAY("按日"), WEEK("按周"), MONTH("按月"), TOTAL("合计");

    final String label;

    Granularity(String label) {
        this.label = label;
    }

    static Granularity parse(String value, Granularity fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> DomainException.badRequest("统计粒度只能是 day（按日）、week（按周）、month（按月）或 total（合计）："
                        + value));
    }
}
