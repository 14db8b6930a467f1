package org.openhotline.workorder.internal.dispatch.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.openhotline.workorder.internal.model.TextGrams;

/**
 * BM25 over the two-character grams of short texts, in memory. Appeals are a sentence or three, so a gram's
 * presence (not its count) is what matters; a gram in more than a quarter of the texts says nothing and is skipped,
 * which also keeps a query to a few thousand postings on 30,000 orders.
 */
public final class GramIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final Map<String, List<Integer>> building = new HashMap<>();
    private final List<Integer> lengths = new ArrayList<>();
    private Map<String, int[]> postings;
    private int[] length;
    private double averageLength;

    /** The grams of a text: CJK and alphanumeric runs cut in pairs; pairs with digits (house numbers) are dropped. */
    public static List<String> grams(String text) {
        return Arrays.stream(TextGrams.of(text == null ? "" : text))
                .filter(g -> g.chars().noneMatch(Character::isDigit)).toList();
    }

    /** Adds a text and answers its document number (0, 1, 2, … in the order added). */
    public int add(Collection<String> grams) {
        int doc = lengths.size();
        for (String g : grams) {
            building.computeIfAbsent(g, k -> new ArrayList<>()).add(doc);
        }
        lengths.add(grams.size());
        return doc;
    }

    public GramIndex freeze() {
        postings = new HashMap<>(building.size() * 2);
        building.forEach((g, docs) -> postings.put(g, docs.stream().mapToInt(Integer::intValue).toArray()));
        building.clear();
        length = lengths.stream().mapToInt(Integer::intValue).toArray();
        averageLength = Math.max(1, Arrays.stream(length).average().orElse(1));
        return this;
    }

    public int size() {
        return length.length;
    }

    public record Hit(int doc, double score) {}

    /** The {@code k} best documents for these grams, best first, leaving out those {@code skip} refuses. */
    public List<Hit> search(Collection<String> grams, int k, IntPredicate skip) {
        int n = length.length;
        if (n == 0) {
            return List.of();
        }
        double[] scores = new double[n];
        int maxDf = Math.max(2, n / 4);
        for (String g : grams) {
            int[] docs = postings.get(g);
            if (docs == null || docs.length > maxDf && n > 40) {
                continue;
            }
            double idf = Math.log(1 + (n - docs.length + 0.5) / (docs.length + 0.5));
            for (int d : docs) {
                scores[d] += idf * (K1 + 1) / (1 + K1 * (1 - B + B * length[d] / averageLength));
            }
        }
        List<Hit> top = new ArrayList<>(k + 1);
        double floor = 0;
        for (int d = 0; d < n; d++) {
            double s = scores[d];
            if (s <= floor || skip != null && skip.test(d)) {
                continue;
            }
            int at = top.size();
            while (at > 0 && top.get(at - 1).score() < s) {
                at--;
            }
            top.add(at, new Hit(d, s));
            if (top.size() > k) {
                top.removeLast();
                floor = top.getLast().score();
            }
        }
        return top;
    }

    /** What a text would score against itself: the ceiling that turns a score into a share. */
    public double selfScore(Collection<String> grams) {
        double s = 0;
        int n = Math.max(1, length.length);
        for (String g : grams) {
            int[] docs = postings.get(g);
            int df = docs == null ? 0 : docs.length;
            s += Math.log(1 + (n - df + 0.5) / (df + 0.5));
        }
        return s;
    }
}
