package org.openhotline.channels.internal.portal;

/**
 * The five 好差评 grades a citizen gives, and the three-grade satisfaction of the order's callback each one is
 * recorded as (非常满意 and 满意 → 满意; 不满意 and 非常不满意 → 不满意, which reopens the order as a phone callback's
 * 不满意 does). The five-grade answer itself is kept in {@code ch_rating} for the 好差评 figures.
 */
public enum Grade {
    VERY_SATISFIED("非常满意", "SATISFIED"),
    SATISFIED("满意", "SATISFIED"),
    BASICALLY_SATISFIED("基本满意", "BASICALLY_SATISFIED"),
    DISSATISFIED("不满意", "DISSATISFIED"),
    VERY_DISSATISFIED("非常不满意", "DISSATISFIED");

    private final String label;
    private final String satisfaction;

    Grade(String label, String satisfaction) {
        this.label = label;
        this.satisfaction = satisfaction;
    }

    public String label() {
        return label;
    }

    /** The callback's satisfaction ({@code workorder} Satisfaction name). */
    public String satisfaction() {
        return satisfaction;
    }
}
