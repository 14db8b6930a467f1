package org.openhotline.training.internal.exams;

import java.util.ArrayList;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.openhotline.training.internal.questions.QuestionKind;

/** Draw {@code count} questions of a category and kind (and difficulty, if given), each worth {@code points}. */
public record PaperRule(String category, QuestionKind kind, Integer difficulty, int count, int points) {

    /** Stored as one line per rule, fields separated by tabs: readable in the table, no JSON needed. */
    static String format(List<PaperRule> rules) {
        StringBuilder s = new StringBuilder();
        for (PaperRule r : rules) {
            s.append(r.category).append('\t').append(r.kind.name()).append('\t')
                    .append(r.difficulty == null ? "" : r.difficulty).append('\t').append(r.count).append('\t')
                    .append(r.points).append('\n');
        }
        return s.toString();
    }

    static List<PaperRule> parse(String text) {
        List<PaperRule> rules = new ArrayList<>();
        if (text == null) {
            return rules;
        }
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            rules.add(new PaperRule(f[0], QuestionKind.valueOf(f[1]), f[2].isEmpty() ? null : Integer.valueOf(f[2]),
                    Integer.parseInt(f[3]), Integer.parseInt(f[4])));
        }
        return rules;
    }

    void check() {
        if (category == null || category.isBlank() || category.contains("\t") || category.contains("\n")) {
            throw DomainException.invalid("抽题规则的分类不能为空");
        }
        if (kind == null || count < 1 || count > 200 || points < 1 || points > 100) {
            throw DomainException.invalid("抽题规则：题型必选，题数 1–200，每题分值 1–100");
        }
    }
}
