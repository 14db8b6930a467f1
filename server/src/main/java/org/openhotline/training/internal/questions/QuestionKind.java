package org.openhotline.training.internal.questions;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of question and their Chinese names as the import sheet and the screens write them. */
public enum QuestionKind {
    SINGLE("单选"), MULTIPLE("多选"), TRUE_FALSE("判断"), FILL("填空"), SHORT("简答");

    private final String label;

    QuestionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<QuestionKind> of(String text) {
        return Arrays.stream(values()).filter(k -> k.label.equals(text) || k.name().equals(text)).findFirst();
    }

    public boolean choice() {
        return this == SINGLE || this == MULTIPLE;
    }
}
