package org.openhotline.workorder.internal.model;

import org.openhotline.shared.DomainException;

/**
 * The manager's rule for citizens who cannot be reached on callback: how many attempts, and what then — close the
 * order as 联系不上 (no satisfaction grade, so it is in no satisfaction denominator) or hand it to the supervisors.
 */
public record CallbackRule(int maxAttempts, Exhausted whenExhausted) {

    public static final CallbackRule DEFAULT = new CallbackRule(3, Exhausted.CLOSE);

    public enum Exhausted {
        CLOSE("以“联系不上”办结，不计满意度"),
        SUPERVISE("转督办");

        private final String label;

        Exhausted(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public CallbackRule {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw DomainException.invalid("回访未接通次数上限应在 1 到 10 之间");
        }
        if (whenExhausted == null) {
            throw DomainException.invalid("请选择多次未接通后的处理方式");
        }
    }
}
