package org.openhotline.quality.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.quality.internal.machine.rules.Finding;
import org.openhotline.quality.internal.machine.text.TextRules;
import org.openhotline.quality.internal.machine.text.Transcript;
import org.openhotline.quality.internal.machine.text.Transcript.Speaker;
import org.openhotline.quality.internal.machine.text.Transcript.Utterance;

/** The text rules on transcripts as an ASR engine would deliver them. */
class TextRulesTest {

    private static Utterance agent(long from, long to, String text) {
        return new Utterance(Speaker.AGENT, from, to, text, List.of());
    }

    private static Utterance citizen(long from, long to, String text) {
        return new Utterance(Speaker.CITIZEN, from, to, text, List.of());
    }

    private static List<String> rules(Transcript t, List<String> orders) {
        return TextRules.evaluate(t, orders, DefaultRules.all()).stream().map(Finding::rule).toList();
    }

    @Test
    void aProperCallHasNoFlags() {
        Transcript t = new Transcript("test", List.of(
                agent(0, 4000, "您好，12345 热线，请问有什么可以帮您？"),
                citizen(4500, 12000, "东湖街道幸福小区三号楼的路灯坏了"),
                agent(12500, 20000, "好的，幸福小区三号楼路灯坏了，我们会派单给城管局处理，感谢您的来电，再见。")));
        assertThat(rules(t, List.of("幸福小区三号楼路灯坏了"))).isEmpty();
    }

    @Test
    void greetingIsRequiredAtTheStartInEitherWritingOfTheNumber() {
        Transcript spokenNumber = new Transcript("test", List.of(agent(0, 3000, "您好 一二三四五 热线"),
                agent(30000, 32000, "再见")));
        assertThat(rules(spokenNumber, List.of())).doesNotContain("GREETING");
        Transcript late = new Transcript("test", List.of(agent(0, 3000, "喂"), agent(20000, 23000, "您好，12345"),
                agent(30000, 32000, "再见")));
        assertThat(rules(late, List.of())).contains("GREETING");
    }

    @Test
    void wordsAreFoundOnTheRightSide() {
        Transcript t = new Transcript("test", List.of(
                agent(0, 3000, "您好，12345"),
                citizen(3000, 9000, "你们烦不烦，我要投诉你，不行我就找记者"),
                agent(9000, 12000, "这个不归我们管"),
                agent(12000, 14000, "再见")));
        List<Finding> found = TextRules.evaluate(t, List.of(), DefaultRules.all());
        // "烦不烦" is a forbidden word only in the agent's mouth.
        assertThat(found).extracting(Finding::rule)
                .containsExactlyInAnyOrder("COMPLAINT_WORDS", "SENSITIVE_WORDS", "FORBIDDEN_WORDS");
        assertThat(found.stream().filter(f -> f.rule().equals("FORBIDDEN_WORDS")).findFirst().orElseThrow().startMs())
                .isEqualTo(9000);
    }

    @Test
    void anOrderThatSaysSomethingElseThanTheCallIsFlagged() {
        Transcript t = new Transcript("test", List.of(agent(0, 3000, "您好，12345"),
                citizen(3000, 9000, "幸福小区门口的下水道堵了，污水漫到路上"), agent(9000, 12000, "好的，再见")));
        assertThat(rules(t, List.of("幸福小区门口下水道堵塞，污水漫溢"))).doesNotContain("ORDER_MISMATCH");
        assertThat(rules(t, List.of("市民反映学校周边噪音扰民，要求执法"))).contains("ORDER_MISMATCH");
    }
}
