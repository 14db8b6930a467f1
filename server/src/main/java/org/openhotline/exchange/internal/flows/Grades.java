package org.openhotline.exchange.internal.flows;

/**
 * The five grades of 好差评 (国办发〔2019〕51号: 非常满意, 满意, 基本满意, 不满意, 非常不满意, 5 to 1) from our
 * three callback verdicts; a 差评 is 2 or less.
 */
final class Grades {

    private Grades() {}

    static int of(String satisfaction) {
        return switch (satisfaction) {
            case "SATISFIED" -> 4;
            case "BASICALLY_SATISFIED" -> 3;
            case "DISSATISFIED" -> 2;
            default -> 3;
        };
    }

    static String label(int grade) {
        return switch (grade) {
            case 5 -> "非常满意";
            case 4 -> "满意";
            case 3 -> "基本满意";
            case 2 -> "不满意";
            default -> "非常不满意";
        };
    }
}
