package org.openhotline.quality.internal.calibration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhotline.quality.internal.templates.ScoreSheet;
import org.openhotline.quality.internal.templates.ScoreSheet.Answer;
import org.openhotline.quality.internal.templates.TemplateItem;

/**
 * How far inspectors who scored the same call blind agree. Per item: each one's deduction (a fatal hit counts as the
 * whole template lost), the spread (max − min) and the standard deviation; overall: the agreement figure — the share
 * of items on which all of them gave the same deduction — and each inspector's total beside the reference score.
 */
public final class CalibrationFigures {

    public record ItemSpread(String key, String group, String name, List<BigDecimal> deductions, BigDecimal spread,
                             BigDecimal stdDev, boolean agreed, BigDecimal reference) {}

    public record Figures(List<ItemSpread> items, BigDecimal agreementPercent, List<BigDecimal> scores, BigDecimal scoreSpread,
                          BigDecimal referenceScore, List<BigDecimal> deviations) {}

    private CalibrationFigures() {}

    public static Figures of(List<TemplateItem> items, List<Map<String, Answer>> sheets, Map<String, Answer> reference) {
        BigDecimal total = items.stream().map(TemplateItem::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<ItemSpread> spreads = new ArrayList<>();
        int agreed = 0;
        for (TemplateItem item : items) {
            List<BigDecimal> ds = sheets.stream().map(s -> lost(s.get(item.key()), total)).toList();
            BigDecimal min = ds.stream().min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
            BigDecimal max = ds.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
            boolean same = min.compareTo(max) == 0;
            agreed += same ? 1 : 0;
            spreads.add(new ItemSpread(item.key(), item.group(), item.name(), ds, max.subtract(min), stdDev(ds), same,
                    reference == null ? null : lost(reference.get(item.key()), total)));
        }
        List<BigDecimal> scores = sheets.stream().map(s -> ScoreSheet.score(items, s).score()).toList();
        BigDecimal scoreSpread = scores.isEmpty() ? BigDecimal.ZERO
                : scores.stream().max(BigDecimal::compareTo).get().subtract(scores.stream().min(BigDecimal::compareTo).get());
        BigDecimal ref = reference == null ? null : ScoreSheet.score(items, reference).score();
        List<BigDecimal> deviations = ref == null ? List.of() : scores.stream().map(s -> s.subtract(ref)).toList();
        BigDecimal agreement = items.isEmpty() ? BigDecimal.ZERO
                : BigDecimal.valueOf(agreed * 100L).divide(BigDecimal.valueOf(items.size()), 1, RoundingMode.HALF_UP);
        return new Figures(spreads, agreement, scores, scoreSpread, ref, deviations);
    }

    private static BigDecimal lost(Answer a, BigDecimal total) {
        if (a == null) {
            return BigDecimal.ZERO;
        }
        if (a.fatal()) {
            return total;
        }
        return a.deduction() == null ? BigDecimal.ZERO : a.deduction();
    }

    private static BigDecimal stdDev(List<BigDecimal> xs) {
        if (xs.size() < 2) {
            return BigDecimal.ZERO;
        }
        double mean = xs.stream().mapToDouble(BigDecimal::doubleValue).average().orElse(0);
        double var = xs.stream().mapToDouble(x -> Math.pow(x.doubleValue() - mean, 2)).sum() / xs.size();
        return BigDecimal.valueOf(Math.sqrt(var)).setScale(2, RoundingMode.HALF_UP);
    }
}
