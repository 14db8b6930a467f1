package org.openhotline.workorder.internal.dispatch.catalogue;

import java.util.List;

/**
 * One line of the 派单目录: when an appeal's category (or one below it), region (or one below it), appeal type and
 * keywords (any one of them) all fit — a missing condition fits anything — it goes to the main unit with the assisting
 * units and the note. {@code local}: the main unit stands for its kind ("the district's housing bureau"), and the
 * appeal's own district or street decides which one.
 */
public record DispatchRule(long id, int position, String name, Long categoryId, String categoryPath, Long regionId,
                           String regionPath, String appealType, List<String> keywords, long mainUnitId, boolean local,
                           List<Long> assistingUnitIds, String note, boolean enabled, int version) {

    /** What a rule is matched against. Paths are materialized ({@code /1/2/3/}); any may be null. */
    public record Appeal(String text, String categoryPath, String regionPath, String appealType) {}

    public boolean matches(Appeal a) {
        if (!enabled) {
            return false;
        }
        if (categoryPath != null && (a.categoryPath() == null || !a.categoryPath().startsWith(categoryPath))) {
            return false;
        }
        if (regionPath != null && (a.regionPath() == null || !a.regionPath().startsWith(regionPath))) {
            return false;
        }
        if (appealType != null && !appealType.equals(a.appealType())) {
            return false;
        }
        return keywords.isEmpty() || matchedKeyword(a.text()) != null;
    }

    /** The first keyword found in the text, or null. */
    public String matchedKeyword(String text) {
        if (text == null) {
            return null;
        }
        return keywords.stream().filter(text::contains).findFirst().orElse(null);
    }

    /** The first enabled rule that fits, in catalogue order. */
    public static java.util.Optional<DispatchRule> firstMatch(List<DispatchRule> rules, Appeal a) {
        return rules.stream().filter(r -> r.matches(a)).findFirst();
    }
}
