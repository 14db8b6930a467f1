package org.openhotline.quality.internal.templates;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openhotline.shared.DomainException;

/**
 * How an inspection's answers become a score: the template's total less each item's deduction (never below 0 for an
 * item), and 0 when any fatal item is hit (一票否决). Pure; the workbench's running score does the same in the browser.
 */
public final class ScoreSheet {

    /** The inspector's answer to one item: points deducted, a fatal hit (fatal items only), a note. */
    public record Answer(BigDecimal deduction, Boolean fatal, String note) {

        /** Left out of the JSON: no fatal hit. */
        public Answer {
            fatal = fatal != null && fatal;
        }
    }

    public record Score(BigDecimal total, BigDecimal score, boolean fatal) {}

    private ScoreSheet() {}

    public static Score score(List<TemplateItem> items, Map<String, Answer> answers) {
        Set<String> keys = items.stream().map(TemplateItem::key).collect(Collectors.toSet());
        for (String key : answers.keySet()) {
            if (key == null || !keys.contains(key)) {
                throw DomainException.badRequest("评分项“" + key + "”不在该模板版本中");
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal lost = BigDecimal.ZERO;
        boolean fatal = false;
        for (TemplateItem item : items) {
            total = total.add(item.points());
            Answer a = answers.get(item.key());
            if (a == null) {
                continue;
            }
            if (a.fatal() && !item.fatal()) {
                throw DomainException.badRequest("“" + item.name() + "”不是一票否决项");
            }
            fatal |= a.fatal();
            BigDecimal d = a.deduction() == null ? BigDecimal.ZERO : a.deduction();
            if (d.signum() < 0 || d.compareTo(item.points()) > 0) {
                throw DomainException.badRequest("“" + item.name() + "”的扣分应在 0 到 " + item.points().stripTrailingZeros().toPlainString() + " 分之间");
            }
            if (a.note() != null && a.note().length() > 500) {
                throw DomainException.badRequest("“" + item.name() + "”的说明不超过 500 字");
            }
            lost = lost.add(d);
        }
        return new Score(total, fatal ? BigDecimal.ZERO : total.subtract(lost).max(BigDecimal.ZERO), fatal);
    }
}
