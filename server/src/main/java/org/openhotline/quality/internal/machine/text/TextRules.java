package org.openhotline.quality.internal.machine.text;

import static org.openhotline.quality.internal.machine.rules.RuleCodes.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.openhotline.quality.internal.machine.rules.Finding;
import org.openhotline.quality.internal.machine.rules.RuleSetting;
import org.openhotline.quality.internal.machine.text.Transcript.Speaker;
import org.openhotline.quality.internal.machine.text.Transcript.Utterance;

/**
 * The text rules over a transcript: the agent's required greeting and closing, forbidden words, sensitive words of
 * either side, the citizen's complaint words, and whether the orders taken on the call say what was said. Texts
 * are compared without spaces and punctuation, since ASR engines differ in both.
 */
public final class TextRules {

    private TextRules() {}

    public static List<Finding> evaluate(Transcript t, List<String> orderTexts, Map<String, RuleSetting> rules) {
        List<Finding> out = new ArrayList<>();
        RuleSetting greeting = on(rules, GREETING);
        if (greeting != null) {
            long until = (long) (greeting.threshold() * 1000);
            String opening = said(t, u -> u.speaker() == Speaker.AGENT && u.startMs() < until);
            if (!anyGroupSaid(opening, greeting.wordList())) {
                out.add(new Finding(greeting.code(), greeting.severity(), 0, until, "开头 "
                        + (int) greeting.threshold() + " 秒内没有规范开场白（如“您好，12345”）"));
            }
        }
        RuleSetting closing = on(rules, CLOSING);
        if (closing != null && !t.utterances().isEmpty()) {
            long from = t.endMs() - (long) (closing.threshold() * 1000);
            String end = said(t, u -> u.speaker() == Speaker.AGENT && u.endMs() >= from);
            if (closing.wordList().stream().map(TextRules::normal).noneMatch(end::contains)) {
                out.add(new Finding(closing.code(), closing.severity(), Math.max(0, from), t.endMs(),
                        "最后 " + (int) closing.threshold() + " 秒内没有结束语"));
            }
        }
        words(t, rules.get(FORBIDDEN_WORDS), Speaker.AGENT, "坐席说了禁语", out);
        words(t, rules.get(SENSITIVE_WORDS), null, "出现敏感词", out);
        words(t, rules.get(COMPLAINT_WORDS), Speaker.CITIZEN, "市民表达不满", out);
        RuleSetting match = on(rules, ORDER_MISMATCH);
        if (match != null && !orderTexts.isEmpty() && !t.utterances().isEmpty()) {
            String all = said(t, u -> true);
            for (String order : orderTexts) {
                double coverage = coverage(order, all) * 100;
                if (coverage < match.threshold()) {
                    out.add(new Finding(match.code(), match.severity(), 0, t.endMs(), String.format(
                            "工单文字只有 %.0f%% 在通话中出现过（阈值 %.0f%%）", coverage, match.threshold())));
                }
            }
        }
        return out;
    }

    private static void words(Transcript t, RuleSetting rule, Speaker speaker, String what, List<Finding> out) {
        if (rule == null || !rule.enabled()) return;
        List<String> words = rule.wordList();
        for (Utterance u : t.utterances()) {
            if (speaker != null && u.speaker() != speaker) continue;
            String text = normal(u.text());
            for (String w : words) {
                if (text.contains(normal(w))) {
                    out.add(new Finding(rule.code(), rule.severity(), u.startMs(), u.endMs(),
                            what + "：“" + w + "”（" + (u.speaker() == Speaker.AGENT ? "坐席" : "市民") + "）"));
                }
            }
        }
    }

    /** A line "您好 12345" is one group: all its words must be said; any group will do. */
    private static boolean anyGroupSaid(String said, List<String> groups) {
        return groups.stream().anyMatch(g -> Arrays.stream(g.split("\\s+")).map(TextRules::normal)
                .allMatch(said::contains));
    }

    private static String said(Transcript t, Predicate<Utterance> which) {
        StringBuilder b = new StringBuilder();
        t.utterances().stream().filter(which).forEach(u -> b.append(normal(u.text())));
        return b.toString();
    }

    /** The share of the order's character pairs that also occur in what was said. */
    static double coverage(String order, String said) {
        Set<String> spoken = bigrams(normal(said));
        Set<String> written = bigrams(normal(order));
        if (written.isEmpty()) return 1;
        return written.stream().filter(spoken::contains).count() / (double) written.size();
    }

    private static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 <= s.length(); i++) out.add(s.substring(i, i + 2));
        return out;
    }

    /** Letters and digits only, lower case: ASR engines punctuate and space differently. */
    static String normal(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static RuleSetting on(Map<String, RuleSetting> rules, String code) {
        RuleSetting r = rules.get(code);
        return r != null && r.enabled() ? r : null;
    }
}
