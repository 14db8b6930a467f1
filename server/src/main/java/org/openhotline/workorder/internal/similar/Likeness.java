package org.openhotline.workorder.internal.similar;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openhotline.workorder.internal.model.TextGrams;

/**
 * How alike two appeals are, and why, in words a dispatcher reads: the same caller, a nearby address (most of the
 * address's 2-character grams shared: 翠屏小区3栋 and 翠屏小区5栋), similar text (the cosine of their embeddings:
 * bge-small-zh puts two wordings of one complaint at 0.8 and above, two complaints of one kind in different places
 * around 0.7, unrelated appeals near 0.5). The score weighs text most: a repeat caller with a new matter is not a
 * duplicate, the same pothole reported by two neighbours is.
 */
record Likeness(double score, double text, double address, boolean sameCaller, List<String> reasons) {

    /** From here on the text alone says "the same matter". */
    static final double SAME_TEXT = 0.82;
    /** Below this the text is about something else. */
    static final double OTHER_TEXT = 0.62;
    /** Share of the shorter address's grams found in the other. */
    static final double NEAR_ADDRESS = 0.6;
    /** A pair scoring this much is grouped as a likely duplicate. */
    static final double LIKELY = 0.6;

    static Likeness of(boolean sameCaller, String addressA, String addressB, double textCosine) {
        double address = addressOverlap(addressA, addressB);
        double text = Math.clamp((textCosine - OTHER_TEXT) / (SAME_TEXT - OTHER_TEXT), 0, 1);
        double score = 0.6 * text + 0.2 * (address >= NEAR_ADDRESS ? 1 : 0) + 0.2 * (sameCaller ? 1 : 0);
        List<String> reasons = new ArrayList<>();
        if (sameCaller) {
            reasons.add("同一来电人");
        }
        if (address >= NEAR_ADDRESS) {
            reasons.add(address >= 0.99 ? "地址相同" : "地址相近");
        }
        if (textCosine >= OTHER_TEXT) {
            reasons.add(String.format("内容相似度 %.2f", textCosine));
        }
        return new Likeness(Math.round(score * 100) / 100.0, Math.round(textCosine * 100) / 100.0, address,
                sameCaller, reasons);
    }

    static double addressOverlap(String a, String b) {
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            return 0;
        }
        Set<String> ga = Set.of(TextGrams.of(a));
        Set<String> gb = Set.of(TextGrams.of(b));
        if (ga.isEmpty() || gb.isEmpty()) {
            return a.strip().equals(b.strip()) ? 1 : 0;
        }
        long shared = ga.stream().filter(gb::contains).count();
        return shared / (double) Math.min(ga.size(), gb.size());
    }
}
