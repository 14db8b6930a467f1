package org.openhotline.reporting.internal.kpis;

import java.math.BigDecimal;
import java.util.List;

/** A KPI's figures for a filter: totals and, when grouped, one row per group (key as stored, label for people). */
public record KpiFigure(KpiDefinition kpi, BigDecimal numerator, BigDecimal denominator, BigDecimal value,
                        List<Group> groups) {

    public record Group(String key, String label, BigDecimal numerator, BigDecimal denominator, BigDecimal value) {

        public Group labelled(String newLabel) {
            return new Group(key, newLabel, numerator, denominator, value);
        }
    }

    public Boolean met() {
        return kpi.met(value);
    }
}
