package org.openhotline.workorder.internal.dispatch.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo year's matters name units and categories the demo city has, give every unit that handles appeals some
 * history (a unit without it is found by its duties alone), and draw the same year from the same seed.
 */
class HistoryMattersTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = HistoryMattersTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyMatterNamesAUnitAndACategoryOfTheDemoCityAndEveryUnitHasHistory() throws IOException {
        Set<String> units = new HashSet<>();
        Matcher u = Pattern.compile("\"kind\"\\s*:\\s*\"UNIT\"[^}]*?\"code\"\\s*:\\s*\"([^\"]+)\"|\"code\"\\s*:\\s*\"([^\"]+)\"[^}]*?\"kind\"\\s*:\\s*\"UNIT\"")
                .matcher(resource("/demo/city.json"));
        while (u.find()) {
            units.add(u.group(1) != null ? u.group(1) : u.group(2));
        }
        Set<String> categories = new HashSet<>();
        Matcher c = Pattern.compile("\\(\\d+, (?:null|\\d+), '([^']+)', \\d, '").matcher(
                resource("/db/migration/workorder/V202611231745__workorder.sql"));
        while (c.find()) {
            categories.add(c.group(1));
        }
        assertThat(units).contains("GJJ", "TYJ", "DH-CGJ", "DH-S01-BSC");
        List<HistoryMatters.Matter> matters = HistoryAppeals.MATTERS;
        for (HistoryMatters.Matter m : matters) {
            assertThat(categories).as(m.says().getFirst()).contains(m.category());
            if (m.unit() != null && !m.unit().equals("S")) {
                assertThat(units).as(m.says().getFirst()).contains(m.unit().startsWith("D:") ? "DH-" + m.unit().substring(2) : m.unit());
            }
            assertThat(m.weight()).isPositive();
        }
        Set<String> named = matters.stream().map(HistoryMatters.Matter::unit).filter(x -> x != null && !x.startsWith("D:") && !x.equals("S"))
                .collect(Collectors.toSet());
        Set<String> cityUnits = units.stream().filter(x -> !x.contains("-") || x.matches("[A-Z]+-[A-Z]+") && !x.matches("(DH|XS|NC|BG|JK|QX|LJ)-.*"))
                .collect(Collectors.toSet());
        assertThat(named).containsAll(cityUnits);
        assertThat(matters.stream().mapToInt(m -> m.says().size()).sum()).isGreaterThan(600);
    }

    @Test
    void theSameSeedDrawsTheSameYear() {
        Random a = new Random(7);
        Random b = new Random(7);
        HistoryAppeals appeals = new HistoryAppeals();
        for (int i = 0; i < 200; i++) {
            assertThat(appeals.next(a)).isEqualTo(appeals.next(b));
        }
        assertThat(HistoryAppeals.dispatchedShare()).isBetween(0.75, 0.9);
    }

    @Test
    void aLineTheFormatDoesNotKnowIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> HistoryMatters.parse("== 停水 | HELP | SWJT | 3\n- 家里停水了\n停水三天"))
                .hasMessageContaining("line 3");
        assertThat(HistoryMatters.parse("# 注释\n== 停水 | HELP | - | 3\n- 家里停水了\n+ 家里有老人\n"))
                .containsExactly(new HistoryMatters.Matter("停水", "HELP", null, 3, List.of("家里停水了"), List.of("家里有老人")));
    }
}
