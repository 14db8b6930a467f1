package org.openhotline.training.internal.questions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A question of the bank. It checks itself when written (a choice question's answer names existing options, a true/
 * false answer is 对 or 错) and grades an answer: choices and true/false all or nothing, fill-in per blank ("|"
 * separates blanks, "/" alternatives of one blank), short answers by a person (null here).
 */
public record Question(long id, String category, int difficulty, QuestionKind kind, String stem, List<String> options,
                       String answer, String analysis) {

    public static final int MAX_STEM = 2000;
    public static final int MAX_OPTIONS = 8;

    /** What is wrong with this question as written, in Chinese; empty when it is fine. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (category == null || category.isBlank() || category.length() > 40) {
            problems.add("分类不能为空且不超过 40 个字");
        }
        if (difficulty < 1 || difficulty > 5) {
            problems.add("难度应为 1 到 5");
        }
        if (stem == null || stem.isBlank() || stem.length() > MAX_STEM) {
            problems.add("题干不能为空且不超过 2000 个字");
        }
        if (options == null || options.stream().anyMatch(o -> o == null || o.isBlank() || o.length() > 500)) {
            problems.add("选项不能为空且每项不超过 500 个字");
            return problems;
        }
        if (answer == null || answer.isBlank() || answer.length() > 1000) {
            problems.add("答案不能为空且不超过 1000 个字");
            return problems;
        }
        if (kind.choice()) {
            if (options.size() < 2 || options.size() > MAX_OPTIONS) {
                problems.add("选择题应有 2 到 8 个选项");
            }
            Set<Character> letters = letters(answer);
            if (letters.isEmpty() || letters.stream().anyMatch(c -> c - 'A' >= options.size())) {
                problems.add("答案应为已有选项的字母，如 A 或 A,C");
            } else if (kind == QuestionKind.SINGLE && letters.size() != 1) {
                problems.add("单选题只能有一个正确答案");
            } else if (kind == QuestionKind.MULTIPLE && letters.size() < 2) {
                problems.add("多选题至少有两个正确答案");
            }
        }
        if (kind == QuestionKind.TRUE_FALSE && truth(answer) == null) {
            problems.add("判断题答案应为“对”或“错”");
        }
        return problems;
    }

    /** Points for {@code given} out of {@code max}; null when a person must grade it (short answer). */
    public Double grade(String given, int max) {
        if (kind == QuestionKind.SHORT) {
            return null;
        }
        if (given == null || given.isBlank()) {
            return 0.0;
        }
        return switch (kind) {
            case SINGLE, MULTIPLE -> letters(given).equals(letters(answer)) ? max : 0.0;
            case TRUE_FALSE -> answer != null && truth(given) != null && truth(given).equals(truth(answer)) ? max : 0.0;
            case FILL -> fill(given, max);
            case SHORT -> null;
        };
    }

    private double fill(String given, int max) {
        String[] blanks = answer.split("\\|");
        String[] answers = given.split("\\|", -1);
        int right = 0;
        for (int i = 0; i < blanks.length; i++) {
            String mine = i < answers.length ? normal(answers[i]) : "";
            for (String alternative : blanks[i].split("/")) {
                if (!mine.isEmpty() && normal(alternative).equals(mine)) {
                    right++;
                    break;
                }
            }
        }
        return Math.round(10.0 * max * right / blanks.length) / 10.0;
    }

    private static String normal(String s) {
        return s.strip().replace("　", "").toLowerCase(Locale.ROOT);
    }

    static Set<Character> letters(String s) {
        Set<Character> letters = new TreeSet<>();
        for (char c : s.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                letters.add(c);
            } else if (c != ',' && c != '，' && c != ' ' && c != '、') {
                return Set.of();
            }
        }
        return letters;
    }

    static Boolean truth(String s) {
        return switch (s.strip().toUpperCase(Locale.ROOT)) {
            case "对", "正确", "√", "T", "TRUE", "是" -> Boolean.TRUE;
            case "错", "错误", "×", "F", "FALSE", "否" -> Boolean.FALSE;
            default -> null;
        };
    }
}
