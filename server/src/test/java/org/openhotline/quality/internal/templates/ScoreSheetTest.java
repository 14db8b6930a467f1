package org.openhotline.quality.internal.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.quality.internal.templates.ScoreSheet.Answer;
import org.openhotline.shared.DomainException;

class ScoreSheetTest {

    private static final List<TemplateItem> ITEMS = List.of(
            new TemplateItem("greeting", "服务规范", "开头语", new BigDecimal("10"), List.of(), false),
            new TemplateItem("answer", "业务能力", "答复准确", new BigDecimal("30"), List.of(), false),
            new TemplateItem("rude", "一票否决", "辱骂市民", BigDecimal.ZERO, List.of(), true));

    @Test
    void deductionsAreSubtractedFromTheTotal() {
        var s = ScoreSheet.score(ITEMS, Map.of("greeting", new Answer(new BigDecimal("5"), false, null),
                "answer", new Answer(new BigDecimal("12.5"), false, "答复不完整")));
        assertThat(s.total()).isEqualByComparingTo("40");
        assertThat(s.score()).isEqualByComparingTo("22.5");
        assertThat(s.fatal()).isFalse();
    }

    @Test
    void aFatalItemMakesTheWholeScoreZero() {
        var s = ScoreSheet.score(ITEMS, Map.of("rude", new Answer(null, true, "顶撞市民")));
        assertThat(s.score()).isEqualByComparingTo("0");
        assertThat(s.fatal()).isTrue();
    }

    @Test
    void answersOutsideTheTemplateAreRefusedInChinese() {
        assertThatThrownBy(() -> ScoreSheet.score(ITEMS, Map.of("greeting", new Answer(new BigDecimal("11"), false, null))))
                .isInstanceOf(DomainException.class).hasMessageContaining("0 到 10 分");
        assertThatThrownBy(() -> ScoreSheet.score(ITEMS, Map.of("answer", new Answer(null, true, null))))
                .hasMessageContaining("不是一票否决项");
        assertThatThrownBy(() -> ScoreSheet.score(ITEMS, Map.of("nope", new Answer(null, false, null))))
                .hasMessageContaining("不在该模板版本中");
    }
}
