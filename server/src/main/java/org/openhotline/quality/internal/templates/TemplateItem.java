package org.openhotline.quality.internal.templates;

import java.math.BigDecimal;
import java.util.List;

/**
 * One scored item of a template: its group (服务规范, 业务能力, 工单质量 …), the points it is worth, the deductions an
 * inspector picks from, and whether it is a fatal item (一票否决: hitting it makes the whole score 0).
 */
public record TemplateItem(String key, String group, String name, BigDecimal points, List<Deduction> deductions,
                           Boolean fatal) {

    /** Left out of the JSON: not fatal. */
    public TemplateItem {
        fatal = fatal != null && fatal;
    }

    /** A deduction option: "未使用规范开头语" −2. */
    public record Deduction(String label, BigDecimal points) {}
}
