package org.openhotline.quality.internal.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.quality.internal.templates.ScoreSheet.Answer;
import org.openhotline.quality.internal.templates.TemplateItem;

class CalibrationFiguresTest {

    private static final List<TemplateItem> ITEMS = List.of(
            new TemplateItem("greeting", "服务规范", "开头语", new BigDecimal("10"), List.of(), false),
            new TemplateItem("answer", "业务能力", "答复准确", new BigDecimal("30"), List.of(), false),
            new TemplateItem("order", "工单质量", "工单记录", new BigDecimal("20"), List.of(), false),
            new TemplateItem("rude", "一票否决", "辱骂市民", BigDecimal.ZERO, List.of(), true));

    private static Answer d(String points) {
        return new Answer(new BigDecimal(points), false, null);
    }

    @Test
    void spreadPerItemAgreementAndDeviationFromTheReference() {
        // three inspectors: all take 5 off the greeting; 0 / 5 / 10 off the answer; nobody touches the order item
        var sheets = List.of(
                Map.of("greeting", d("5")),
                Map.of("greeting", d("5"), "answer", d("5")),
                Map.of("greeting", d("5"), "answer", d("10")));
        var f = CalibrationFigures.of(ITEMS, sheets, Map.of("greeting", d("5"), "answer", d("5")));

        assertThat(f.items()).extracting(CalibrationFigures.ItemSpread::key).containsExactly("greeting", "answer", "order", "rude");
        assertThat(f.items().get(0).spread()).isEqualByComparingTo("0");
        assertThat(f.items().get(1).deductions()).extracting(BigDecimal::intValue).containsExactly(0, 5, 10);
        assertThat(f.items().get(1).spread()).isEqualByComparingTo("10");
        assertThat(f.items().get(1).stdDev()).isEqualByComparingTo("4.08");
        assertThat(f.items().get(1).agreed()).isFalse();
        // 3 of 4 items agreed
        assertThat(f.agreementPercent()).isEqualByComparingTo("75.0");
        assertThat(f.scores()).extracting(BigDecimal::intValue).containsExactly(55, 50, 45);
        assertThat(f.scoreSpread()).isEqualByComparingTo("10");
        assertThat(f.referenceScore()).isEqualByComparingTo("50");
        assertThat(f.deviations()).extracting(BigDecimal::intValue).containsExactly(5, 0, -5);
    }

    @Test
    void aFatalHitByOneInspectorIsTheWidestDisagreement() {
        var f = CalibrationFigures.of(ITEMS, List.of(Map.of(), Map.of("rude", new Answer(null, true, null))), null);
        assertThat(f.items().get(3).spread()).isEqualByComparingTo("60");
        assertThat(f.scores()).extracting(BigDecimal::intValue).containsExactly(60, 0);
        assertThat(f.agreementPercent()).isEqualByComparingTo("75.0");
        assertThat(f.referenceScore()).isNull();
    }
}
