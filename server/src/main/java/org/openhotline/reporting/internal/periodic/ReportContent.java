package org.openhotline.reporting.internal.periodic;

import java.math.BigDecimal;
import java.util.List;

/**
 * The figures of a periodic report as generated, kept with it (as JSON) so that the document shows the same numbers
 * however often it is downloaded and whatever the commentary says.
 */
public record ReportContent(String title, String from, String to, List<Kpi> kpis, List<Count> channels,
                            List<Count> categories, List<Count> districts, List<UnitOverdue> units,
                            List<Rising> topics) {

    public record Kpi(String code, String name, String unit, BigDecimal numerator, BigDecimal denominator,
                      BigDecimal value, BigDecimal target, Boolean met, boolean higherIsBetter) {}

    public record Count(String key, String label, long count) {}

    public record UnitOverdue(String unit, long due, long overdue) {}

    public record Rising(String category, long count, long previous) {}
}
