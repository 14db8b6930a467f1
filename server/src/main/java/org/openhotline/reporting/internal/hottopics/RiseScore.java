package org.openhotline.reporting.internal.hottopics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How much a topic rises today against the same weekday of the four previous weeks:
 * {@code (today − mean) / max(sd, 1)}, with the population standard deviation of the four counts. The floor of 1
 * keeps a topic seen exactly as often every week from scoring infinitely on one more order; a topic counts as
 * rising with at least {@link #MIN_TODAY} orders today and a score of at least {@link #RISING}.
 */
public record RiseScore(long today, List<Long> previous, BigDecimal mean, BigDecimal sd, BigDecimal score,
                        boolean rising) {

    public static final int MIN_TODAY = 3;
    public static final BigDecimal RISING = BigDecimal.valueOf(2);

    public static RiseScore of(long today, List<Long> previous) {
        double mean = previous.stream().mapToLong(Long::longValue).average().orElse(0);
        double variance = previous.stream().mapToDouble(c -> (c - mean) * (c - mean)).average().orElse(0);
        double sd = Math.sqrt(variance);
        double score = (today - mean) / Math.max(sd, 1);
        BigDecimal rounded = round(score);
        return new RiseScore(today, List.copyOf(previous), round(mean), round(sd), rounded,
                today >= MIN_TODAY && rounded.compareTo(RISING) >= 0);
    }

    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }
}
