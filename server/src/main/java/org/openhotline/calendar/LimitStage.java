package org.openhotline.calendar;

/** The stages of an order that run against a time limit. */
public enum LimitStage {
    DISPATCH("派单"), SIGN("签收"), HANDLE("办理"), CALLBACK("回访");

    private final String label;

    LimitStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
