package org.openhotline.operations.internal.inspection;

/** One inspection item: what was checked, the standard it is held to, what was found, and whether it passed. */
public record Check(String part, String item, String standard, String found, Result result) {

    public enum Result {
        PASS("正常"), FAIL("异常"), UNKNOWN("未检测");

        private final String label;

        Result(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
