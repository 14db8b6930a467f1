package org.openhotline.workorder.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openhotline.shared.crypto.PersonalData;

/**
 * Two-character grams of Chinese (and other) text for the GIN-indexed {@code grams} column. Chinese has no
 * spaces, so a word of any length ≥ 2 is found by requiring all its grams; letters and digits are lower-cased,
 * everything else separates.
 */
public final class TextGrams {

    private TextGrams() {}

    public static String[] of(String... parts) {
        Set<String> grams = new LinkedHashSet<>();
        for (String part : parts) {
            for (String run : runs(part)) {
                for (int i = 0; i + 2 <= run.length(); i++) {
                    grams.add(run.substring(i, i + 2));
                }
            }
        }
        return grams.toArray(String[]::new);
    }

    /** The letter-or-digit runs of {@code text}, lower-cased, measured in code units (CJK are single units). */
    static List<String> runs(String text) {
        List<String> runs = new ArrayList<>();
        if (text == null) {
            return runs;
        }
        StringBuilder run = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                run.append(c);
            } else if (!run.isEmpty()) {
                runs.add(run.toString());
                run.setLength(0);
            }
        }
        if (!run.isEmpty()) {
            runs.add(run.toString());
        }
        return runs;
    }

    /**
     * The text a search term is matched against as a substring. The address and the caller's name are sealed
     * (personal data, ADR 041): they are not here, only in {@link #ofOrder} as keyed grams.
     */
    public static String searchText(String number, String title, String content) {
        return String.join(" ", nz(number), nz(title), nz(content)).toLowerCase(Locale.ROOT);
    }

    /** An order's grams: plain grams of its number, title and content, keyed grams of its address and caller's name. */
    public static String[] ofOrder(String number, String title, String content, String address, String callerName) {
        String[] plain = of(number, title, content);
        String[] keyed = PersonalData.keyedGrams(of(address, callerName));
        String[] all = java.util.Arrays.copyOf(plain, plain.length + keyed.length);
        System.arraycopy(keyed, 0, all, plain.length, keyed.length);
        return all;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
