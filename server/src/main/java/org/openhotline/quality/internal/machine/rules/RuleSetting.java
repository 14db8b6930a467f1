package org.openhotline.quality.internal.machine.rules;

import java.util.Arrays;
import java.util.List;

/**
 * A machine rule as an inspector lead configured it: on or off, the severity of its flags, its one threshold (in
 * {@code unit}) and, for text rules, its words, one entry a line.
 */
public record RuleSetting(String code, String kind, String name, String description, boolean enabled,
                          String severity, double threshold, String unit, String words, int version) {

    public List<String> wordList() {
        return words == null ? List.of() : Arrays.stream(words.split("\n")).map(String::strip)
                .filter(w -> !w.isEmpty()).toList();
    }

    /** A setting for code outside the database (unit tests, the bench). */
    public static RuleSetting of(String code, String severity, double threshold, String words) {
        return new RuleSetting(code, "", code, "", true, severity, threshold, "", words, 0);
    }
}
