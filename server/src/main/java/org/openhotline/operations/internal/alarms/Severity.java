package org.openhotline.operations.internal.alarms;

/** How bad an alarm is; a channel receives alarms at its minimum severity or worse. */
public enum Severity {
    CRITICAL("紧急"), MAJOR("重要"), MINOR("次要");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this is at least as bad as {@code minimum}. */
    boolean atLeast(Severity minimum) {
        return ordinal() <= minimum.ordinal();
    }
}
