package org.openhotline.knowledge.internal.articles;

import java.util.ArrayList;
import java.util.List;

/**
 * Line diff between two revisions of an article's text (longest common subsequence over lines; articles have tens
 * of lines, so the quadratic table is small). Lines are the paragraphs of {@link RichText#text}.
 */
public final class TextDiff {

    public enum Op { SAME, ADDED, REMOVED }

    public record Line(Op op, String text) {}

    private TextDiff() {}

    public static List<Line> lines(String before, String after) {
        String[] a = before == null || before.isEmpty() ? new String[0] : before.split("\n");
        String[] b = after == null || after.isEmpty() ? new String[0] : after.split("\n");
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(Op.SAME, a[i++]));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Op.REMOVED, a[i++]));
            } else {
                out.add(new Line(Op.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Line(Op.REMOVED, a[i++]));
        }
        while (j < b.length) {
            out.add(new Line(Op.ADDED, b[j++]));
        }
        return out;
    }
}
