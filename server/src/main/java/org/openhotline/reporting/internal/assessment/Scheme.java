package org.openhotline.reporting.internal.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A version of a scoring scheme ({@code rpt_scheme}): UNIT for the 成员单位 KPI report, AGENT for the operator
 * assessment, which also deducts for 有理由投诉 within {@code complaintWeight} and adds 表扬/锦旗 up to {@code bonusCap}.
 */
record Scheme(String kind, int version, List<Item> items, BigDecimal complaintWeight, BigDecimal complaintPoints,
              BigDecimal escalatedPoints, BigDecimal praisePoints, BigDecimal bannerPoints, BigDecimal bonusCap,
              String changedBy, OffsetDateTime changedAt) {

    /**
     * One KPI of the scheme: full {@code weight} at {@code target}, {@code pointsPerPp} more or less per percentage
     * point above or below it, kept within [0, weight + cap].
     */
    record Item(String code, BigDecimal weight, BigDecimal target, BigDecimal pointsPerPp, BigDecimal cap) {

        /** The score of {@code value}; a KPI without a value (nothing to count in the period) scores its weight. */
        BigDecimal score(BigDecimal value, boolean higherIsBetter) {
            if (value == null) {
                return weight.setScale(2, RoundingMode.HALF_UP);
            }
            BigDecimal delta = higherIsBetter ? value.subtract(target) : target.subtract(value);
            BigDecimal score = weight.add(delta.multiply(pointsPerPp));
            return score.max(BigDecimal.ZERO).min(weight.add(cap)).setScale(2, RoundingMode.HALF_UP);
        }
    }

    /** The most a unit or agent can score. */
    BigDecimal maxTotal() {
        BigDecimal max = items.stream().map(i -> i.weight().add(i.cap())).reduce(BigDecimal.ZERO, BigDecimal::add);
        if ("AGENT".equals(kind)) {
            max = max.add(complaintWeight).add(bonusCap);
        }
        return max.setScale(2, RoundingMode.HALF_UP);
    }

    /** 有理由投诉: the complaint item's points after the deductions, never below 0 (扣完为止). */
    BigDecimal complaintScore(long complaints, long escalated) {
        BigDecimal deducted = complaintPoints.multiply(BigDecimal.valueOf(complaints))
                .add(escalatedPoints.multiply(BigDecimal.valueOf(escalated)));
        return complaintWeight.subtract(deducted).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }

    /** 表扬 and 锦旗, at most {@code bonusCap}. */
    BigDecimal bonus(long praises, long banners) {
        return praisePoints.multiply(BigDecimal.valueOf(praises)).add(bannerPoints.multiply(BigDecimal.valueOf(banners)))
                .min(bonusCap).setScale(2, RoundingMode.HALF_UP);
    }
}
