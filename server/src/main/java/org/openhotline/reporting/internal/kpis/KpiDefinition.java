package org.openhotline.reporting.internal.kpis;

import java.math.BigDecimal;
import java.util.List;

/**
 * One KPI as the manager configures it ({@code rpt_kpi}): what it counts in words, the threshold in seconds where
 * the formula has one, the grades counted as satisfied, the target and whether higher is better; the 004 rule's
 * number of answered calls that exempts a month from a longer figure, and the version edits are checked against.
 */
public record KpiDefinition(String code, String name, Source source, String unit, String numerator, String denominator,
                            Integer thresholdSeconds, List<String> grades, BigDecimal target, boolean higherIsBetter,
                            String exemption, String seed, Integer exemptMonthAnswered, int version) {

    public boolean percent() {
        return "PERCENT".equals(unit);
    }

    /** Whether {@code value} meets the target; null when there is no target or no value. */
    public Boolean met(BigDecimal value) {
        if (target == null || value == null) {
            return null;
        }
        return higherIsBetter ? value.compareTo(target) >= 0 : value.compareTo(target) <= 0;
    }
}
