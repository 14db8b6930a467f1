package org.openhotline.knowledge.internal.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openhotline.knowledge.internal.articles.RichText;

/**
 * Marks the query's words in a title or a snippet with {@code <em>} (everything else HTML-escaped). Done on the
 * stored text rather than with Lucene's highlighters because a hit may come from the bigram fields or from a
 * synonym: every searched word that literally occurs is marked, whichever field matched.
 */
public final class Highlights {

    private Highlights() {}

    record Span(int start, int end, String term) {}

    /** Words worth marking: two characters or more, unless the query has nothing longer. */
    public static List<String> markable(Collection<String> words) {
        List<String> longer = words.stream().filter(w -> w.codePointCount(0, w.length()) >= 2).toList();
        List<String> use = longer.isEmpty() ? List.copyOf(words) : longer;
        return use.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static String mark(String text, List<String> terms) {
        return render(text, spans(text, terms), 0, text.length());
    }

    /** The {@code length}-character stretch of the text with the most different words, marked. */
    public static String snippet(String text, List<String> terms, int length) {
        String flat = text.replace('\n', ' ');
        List<Span> spans = spans(flat, terms);
        if (flat.length() <= length) {
            return render(flat, spans, 0, flat.length());
        }
        int bestStart = 0;
        int bestScore = -1;
        for (Span s : spans) {
            int start = Math.max(0, Math.min(s.start() - 12, flat.length() - length));
            Set<String> distinct = new HashSet<>();
            int hits = 0;
            for (Span o : spans) {
                if (o.start() >= start && o.end() <= start + length) {
                    distinct.add(o.term());
                    hits++;
                }
            }
            int score = distinct.size() * 100 + hits;
            if (score > bestScore) {
                bestScore = score;
                bestStart = start;
            }
        }
        int end = Math.min(flat.length(), bestStart + length);
        return (bestStart > 0 ? "…" : "") + render(flat, spans, bestStart, end) + (end < flat.length() ? "…" : "");
    }

    /**
     * Every occurrence of the terms, left to right, the longest where several start at the same place, none
     * overlapping. Found with {@link String#indexOf} per term (vectorised by the JVM) rather than by trying every
     * term at every character: a body is a thousand characters and a question a dozen terms.
     */
    static List<Span> spans(String text, List<String> terms) {
        List<Span> found = new ArrayList<>();
        if (terms.isEmpty()) {
            return found;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String t : terms) {
            if (t.isEmpty()) {
                continue;
            }
            for (int at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + 1)) {
                found.add(new Span(at, at + t.length(), t));
            }
        }
        found.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        List<Span> out = new ArrayList<>();
        int end = 0;
        for (Span s : found) {
            if (s.start() >= end) {
                out.add(s);
                end = s.end();
            }
        }
        return out;
    }

    private static String render(String text, List<Span> spans, int from, int to) {
        StringBuilder out = new StringBuilder();
        int pos = from;
        for (Span s : spans) {
            if (s.start() < from || s.end() > to) {
                continue;
            }
            out.append(RichText.escape(text.substring(pos, s.start()))).append("<em>")
                    .append(RichText.escape(text.substring(s.start(), s.end()))).append("</em>");
            pos = s.end();
        }
        return out.append(RichText.escape(text.substring(pos, to))).toString();
    }
}
