package org.openhotline.reporting.internal.kpis;

import java.util.Arrays;
import org.openhotline.shared.DomainException;

/** What a KPI may be grouped by ({@code groupBy}). */
public enum Dimension {
    DAY("日"), WEEK("周"), MONTH("月"), AGENT("坐席"), GROUP("技能组"), UNIT("承办单位"), REGION("区县"),
    CATEGORY("诉求分类"), CHANNEL("渠道"), TEAM("班组");

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean time() {
        return this == DAY || this == WEEK || this == MONTH;
    }

    /** The dimension named in a query string, or null for none. */
    public static Dimension parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> DomainException.badRequest("不支持按“" + value
                        + "”分组，可选：day、week、month、agent、group、unit、region、category、channel、team"));
    }
}
