package org.openhotline.workorder.internal.dispatch.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The first score turned into the chance of being right, as validation orders show it. */
class CalibrationTest {

    /** 1,000 validation orders whose first suggestion is right with probability p(score) = 0.3 + 0.6 · score. */
    private static List<Calibration.Point> orders(long seed) {
        Random r = new Random(seed);
        List<Calibration.Point> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            double score = r.nextDouble();
            out.add(new Calibration.Point(score, r.nextDouble() < 0.3 + 0.6 * score));
        }
        return out;
    }

    @Test
    void theConfidenceFollowsTheObservedRateNotTheRawScore() {
        Calibration c = Calibration.fit(orders(1));
        assertThat(c.orders()).isEqualTo(1000);
        // a raw share of 0.2 is right about 42 % of the time, a share of 0.9 about 84 %
        assertThat(c.confidence(0.2)).isCloseTo(0.42, within(0.1));
        assertThat(c.confidence(0.9)).isCloseTo(0.84, within(0.1));
    }

    @Test
    void aHigherScoreNeverMeansALowerConfidenceAndNothingIsCertain() {
        List<Calibration.Point> points = new ArrayList<>(orders(2));
        // a few lucky orders at the top and one unlucky block in the middle must not make the curve jump or fall
        points.add(new Calibration.Point(0.99, true));
        points.add(new Calibration.Point(0.995, true));
        Calibration c = Calibration.fit(points);
        double before = -1;
        for (int i = 0; i <= 100; i++) {
            double conf = c.confidence(i / 100.0);
            assertThat(conf).isGreaterThanOrEqualTo(before).isLessThan(1.0);
            before = conf;
        }
        assertThat(Calibration.fit(List.of(new Calibration.Point(0.9, true), new Calibration.Point(0.95, true)))
                .confidence(0.95)).isLessThan(1.0);
    }

    @Test
    void withoutValidationOrdersTheScoreItselfIsShrunkAFraction() {
        Calibration none = Calibration.fit(List.of());
        assertThat(none.orders()).isZero();
        assertThat(none.confidence(0.6)).isCloseTo(0.5, within(1e-9));
        assertThat(none.confidence(1.0)).isLessThan(1.0);
    }

    @Test
    void theValidationCurveScoresEachOrderWithTheCalibrationOfTheOtherHalf() {
        var curve = ModelTraining.AutoCurve.of(orders(3));
        assertThat(curve.validationOrders()).isEqualTo(1000);
        assertThat(curve.points()).extracting(ModelTraining.Confidence::threshold).startsWith(0.5, 0.55).endsWith(0.99);
        for (int i = 1; i < curve.points().size(); i++) {
            var lower = curve.points().get(i - 1);
            var higher = curve.points().get(i);
            assertThat(higher.share()).isLessThanOrEqualTo(lower.share());
            if (higher.orders() > 50) {
                // calibrated: of the orders at or above a confidence, at least about that share is right
                assertThat(higher.top1()).isGreaterThan(higher.threshold() - 0.08);
            }
        }
        assertThat(curve.points().getFirst().share()).isBetween(0.4, 0.9);
    }
}
