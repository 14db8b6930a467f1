package org.openhotline.workorder.internal.dispatch.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What auto-dispatch above a score would have done: the share of orders it takes and how many of them it gets right. */
class ConfidenceCurveTest {

    @Test
    void aHigherThresholdTakesFewerOrdersAndCountsOnlyTheirHits() {
        var curve = ModelTraining.Confidence.curve(List.of(Map.entry(0.95, true), Map.entry(0.85, false),
                Map.entry(0.65, true), Map.entry(0.3, false)));
        assertThat(curve).extracting(ModelTraining.Confidence::threshold).containsExactly(0.5, 0.6, 0.7, 0.8, 0.9);
        assertThat(curve).extracting(ModelTraining.Confidence::orders).containsExactly(3, 3, 2, 2, 1);
        assertThat(curve.get(0).share()).isEqualTo(0.75);
        assertThat(curve.get(0).top1()).isEqualTo(2.0 / 3);
        assertThat(curve.get(3).top1()).isEqualTo(0.5);
        assertThat(curve.get(4).top1()).isEqualTo(1.0);
        assertThat(ModelTraining.Confidence.curve(List.of())).allMatch(c -> c.orders() == 0 && c.share() == 0 && c.top1() == 0);
    }
}
