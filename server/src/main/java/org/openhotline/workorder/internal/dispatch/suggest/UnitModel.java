package org.openhotline.workorder.internal.dispatch.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.openhotline.shared.TextEmbeddings;

/**
 * The learned part of dispatch: which kind of unit (a {@link UnitRoles role}: a city unit, or "the district's city
 * management", "the street office") handled appeals worded like this one. Four voters: nearest neighbours by BM25
 * over the texts of closed orders, the units' duty clauses by BM25 (so a unit without history is still found), and —
 * when an embedder is given — the duty clauses by meaning (bge-small-zh), which finds 公积金 for "还房贷" and
 * 退役军人事务局 for "退伍" where the words differ, and the closed orders nearest by meaning (their stored vectors), which
 * carry a matter said in other words than any earlier order. Approved wrong-unit returns of similar appeals halve their
 * unit's vote. The weights ({@link Tuning}) were chosen on generated appeals in wordings, of units and of matters the
 * model never trained on (bench/smart/dispatch), not on the evaluation's hand-written appeals; the options the tuning
 * rejected (voters weighed by how much of the appeal they cover, whole duty texts) stay selectable.
 */
public final class UnitModel {

    /** A closed order: its text, the role of the unit that finally handled it, its category. */
    public record Example(long orderId, String text, String label, Long categoryId) {}

    /** An approved return: this unit was wrong for this text. */
    public record Negative(String text, String label) {}

    public record LabelScore(String label, double score, double historyShare, double dutyShare, List<Long> similarOrders,
                             boolean returnedBefore) {}

    /**
     * {@code score}: the neighbours' share for the category times how much of the appeal the best neighbour covers —
     * a unanimous vote of neighbours that share two filler words with the appeal is no sure category.
     */
    public record CategoryScore(long categoryId, double score) {}

    public record Prediction(List<LabelScore> labels, List<CategoryScore> categories) {}

    /**
     * How the voters combine. {@code dutyWeight}/{@code vectorWeight}: the duty clauses' and their meaning's base
     * weights beside history's; {@code coverage}: the exponent on each voter's coverage of the appeal (0: fixed
     * weights, as before); {@code clauses}: duty texts cut into clauses rather than one text per role;
     * {@code orderVectorWeight}: the weight of the closed orders nearest the appeal by meaning (their bge vectors).
     */
    public record Tuning(double dutyWeight, double vectorWeight, double coverage, boolean clauses, double orderVectorWeight) {

        public Tuning(double dutyWeight, double vectorWeight, double coverage, boolean clauses) {
            this(dutyWeight, vectorWeight, coverage, clauses, 0);
        }

        /**
         * Chosen on the generator's held-back wordings, units and matters (bench/smart/dispatch, "Tuning"): history's
         * words 0.4, the duty clauses' words 0.2 and meaning 0.3, the closed orders nearest in meaning 0.1.
         */
        public static final Tuning DEFAULT = new Tuning(0.2, 0.3, 0, true, 0.1);
    }

    private static final int NEIGHBOURS = 40;
    private static final int MEANING_NEIGHBOURS = 20;

    private final List<Example> examples;
    private final GramIndex history;
    private final List<String> dutyLabels;
    private final List<String> dutyClauses;
    private final GramIndex duties;
    private final List<float[]> dutyVectors;
    private final Function<String, float[]> embedder;
    private final Tuning tuning;
    private final List<Negative> negatives;
    private final GramIndex returns;
    /** The orders with a meaning vector: their index in {@link #examples}, and their vectors one after another. */
    private final int[] vectorExamples;
    private final float[] orderVectors;

    private UnitModel(List<Example> examples, GramIndex history, List<String> dutyLabels, List<String> dutyClauses, GramIndex duties,
                      List<float[]> dutyVectors, Function<String, float[]> embedder, Tuning tuning,
                      List<Negative> negatives, GramIndex returns, int[] vectorExamples, float[] orderVectors) {
        this.examples = examples;
        this.history = history;
        this.dutyLabels = dutyLabels;
        this.dutyClauses = dutyClauses;
        this.duties = duties;
        this.dutyVectors = dutyVectors;
        this.embedder = embedder;
        this.tuning = tuning;
        this.negatives = negatives;
        this.returns = returns;
        this.vectorExamples = vectorExamples;
        this.orderVectors = orderVectors;
    }

    /** The default tuning without the meaning vote (no embedder). */
    public static UnitModel train(List<Example> examples, Map<String, String> dutiesByLabel, List<Negative> negatives) {
        return train(examples, dutiesByLabel, negatives, Tuning.DEFAULT, null, null);
    }

    public static UnitModel train(List<Example> examples, Map<String, String> dutiesByLabel, List<Negative> negatives,
                                  Tuning tuning, Function<String, float[]> embedder) {
        return train(examples, dutiesByLabel, negatives, tuning, embedder, null);
    }

    /**
     * {@code embedder}: normalised sentence vectors (null: no meaning vote), called per duty clause and per appeal;
     * {@code previous}: a model whose clause vectors are reused where the clause is unchanged (retraining then embeds
     * only the duties a manager edited).
     */
    public static UnitModel train(List<Example> examples, Map<String, String> dutiesByLabel, List<Negative> negatives,
                                  Tuning tuning, Function<String, float[]> embedder, UnitModel previous) {
        return train(examples, dutiesByLabel, negatives, tuning, embedder, previous, Map.of());
    }

    /**
     * As above; {@code orderVectors}: the meaning vectors of (some of) the examples by order id, for the vote of the
     * orders nearest by meaning (orders without one vote by words only).
     */
    public static UnitModel train(List<Example> examples, Map<String, String> dutiesByLabel, List<Negative> negatives,
                                  Tuning tuning, Function<String, float[]> embedder, UnitModel previous,
                                  Map<Long, float[]> orderVectors) {
        Map<String, float[]> known = new HashMap<>();
        if (previous != null) {
            for (int i = 0; i < previous.dutyVectors.size(); i++) {
                known.put(previous.dutyClauses.get(i), previous.dutyVectors.get(i));
            }
        }
        List<String> texts = new ArrayList<>();
        GramIndex history = new GramIndex();
        examples.forEach(e -> history.add(GramIndex.grams(e.text())));
        GramIndex duties = new GramIndex();
        List<String> labels = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        boolean vote = embedder != null && tuning.vectorWeight() > 0;
        dutiesByLabel.forEach((label, text) -> {
            for (String clause : tuning.clauses() ? clauses(text) : List.of(text)) {
                labels.add(label);
                texts.add(clause);
                duties.add(GramIndex.grams(clause));
                if (vote) {
                    vectors.add(known.computeIfAbsent(clause, embedder));
                }
            }
        });
        GramIndex returns = new GramIndex();
        negatives.forEach(n -> returns.add(GramIndex.grams(n.text())));
        List<Integer> withVector = new ArrayList<>();
        for (int i = 0; i < examples.size() && embedder != null; i++) {
            if (orderVectors.containsKey(examples.get(i).orderId())) {
                withVector.add(i);
            }
        }
        // one array rather than thousands: the scan of an answer runs through it in order
        int dims = withVector.isEmpty() ? 0 : orderVectors.get(examples.get(withVector.getFirst()).orderId()).length;
        float[] matrix = new float[withVector.size() * dims];
        for (int k = 0; k < withVector.size(); k++) {
            System.arraycopy(orderVectors.get(examples.get(withVector.get(k)).orderId()), 0, matrix, k * dims, dims);
        }
        boolean anyVote = vote || !withVector.isEmpty();
        return new UnitModel(List.copyOf(examples), history.freeze(), List.copyOf(labels), List.copyOf(texts), duties.freeze(),
                List.copyOf(vectors), anyVote ? embedder : null, tuning, List.copyOf(negatives), returns.freeze(),
                withVector.stream().mapToInt(Integer::intValue).toArray(), matrix);
    }

    /**
     * A duty text cut into the matters it lists: "停电与电压不稳、电费与电表计量、充电桩报装" is three clauses, each
     * matched on its own, so that a long duty list does not dilute the one item an appeal is about.
     */
    static List<String> clauses(String duties) {
        List<String> out = new ArrayList<>();
        for (String c : duties.split("[、，,；;。（）()]")) {
            String t = c.strip();
            if (t.length() >= 2 && !out.contains(t)) {
                out.add(t);
            }
        }
        return out.isEmpty() ? List.of(duties) : out;
    }

    /** The same indexes weighed another way (the clause setting is the trained one); for tuning the weights. */
    public UnitModel tuned(Tuning weights) {
        return new UnitModel(examples, history, dutyLabels, dutyClauses, duties, dutyVectors,
                dutyVectors.isEmpty() && vectorExamples.length == 0 ? null : embedder,
                new Tuning(weights.dutyWeight(), weights.vectorWeight(), weights.coverage(), tuning.clauses(), weights.orderVectorWeight()),
                negatives, returns, vectorExamples, orderVectors);
    }

    public int examples() {
        return examples.size();
    }

    /** Roles best first with their scores (summing to at most 1), and categories; {@code exclude} leaves orders out. */
    public Prediction predict(String text, Set<Long> exclude) {
        return predict(text, "", exclude);
    }

    /** As above; {@code address} joins the text for the neighbours (history texts carry theirs), not for the duties. */
    public Prediction predict(String text, String address, Set<Long> exclude) {
        return combine(votes(text, address, exclude));
    }

    /**
     * What each voter said about an appeal, before the weights: per role the sums of the word neighbours', the duty
     * texts' (words), the duty texts' (meaning) and the meaning neighbours' votes, and each voter's total. The tuning
     * weighs these without asking the voters again ({@link #combine}).
     */
    public record Votes(Map<String, double[]> byRole, double[] totals, double historyCover, double dutyCover,
                        Map<String, List<Long>> similar, Map<Long, Double> categoryVotes, Map<String, Double> returned) {}

    public Votes votes(String text, String address, Set<Long> exclude) {
        List<String> grams = GramIndex.grams(text + " " + (address == null ? "" : address));
        List<String> own = GramIndex.grams(text);
        Map<String, double[]> votes = new LinkedHashMap<>();
        Map<String, List<Long>> similar = new HashMap<>();
        Map<Long, Double> categoryVotes = new HashMap<>();
        List<GramIndex.Hit> hits = history.search(grams, NEIGHBOURS,
                exclude.isEmpty() ? null : d -> exclude.contains(examples.get(d).orderId()));
        double historyTotal = 0;
        if (!hits.isEmpty()) {
            double best = hits.getFirst().score();
            for (GramIndex.Hit h : hits) {
                if (h.score() < 0.5 * best) {
                    break;
                }
                Example e = examples.get(h.doc());
                double w = h.score() * h.score();
                votes.computeIfAbsent(e.label(), k -> new double[4])[0] += w;
                historyTotal += w;
                List<Long> orders = similar.computeIfAbsent(e.label(), k -> new ArrayList<>());
                if (orders.size() < 3) {
                    orders.add(e.orderId());
                }
                if (e.categoryId() != null) {
                    categoryVotes.merge(e.categoryId(), w, Double::sum);
                }
            }
        }
        double dutyTotal = 0;
        double dutyBest = 0;
        for (GramIndex.Hit h : duties.search(own, 5, null)) {
            double w = h.score() * h.score();
            dutyBest = Math.max(dutyBest, h.score());
            votes.computeIfAbsent(dutyLabels.get(h.doc()), k -> new double[4])[1] += w;
            dutyTotal += w;
        }
        float[] meaning = embedder == null || dutyVectors.isEmpty() && vectorExamples.length == 0 ? null : embedder.apply(text);
        double vectorTotal = vectorVotes(meaning, votes);
        double orderVectorTotal = orderVectorVotes(meaning, exclude, votes, similar);
        // Each voter counts as much as it covers the appeal: its best match against the appeal's score against itself.
        double historyCover = hits.isEmpty() ? 0 : cover(hits.getFirst().score(), history.selfScore(grams));
        double dutyCover = cover(dutyBest, duties.selfScore(own));
        return new Votes(votes, new double[] {historyTotal, dutyTotal, vectorTotal, orderVectorTotal}, historyCover, dutyCover,
                similar, categoryVotes, returnedVotes(grams, hits.isEmpty() ? 0 : hits.getFirst().score()));
    }

    /** The roles and categories these votes make under this model's tuning. */
    public Prediction combine(Votes v) {
        double[] t = v.totals();
        double hw = t[0] == 0 ? 0
                : (1 - tuning.dutyWeight() - vectorWeight() - orderVectorWeight()) * Math.pow(v.historyCover(), tuning.coverage());
        double dw = t[1] == 0 ? 0 : tuning.dutyWeight() * Math.pow(v.dutyCover(), tuning.coverage());
        double vw = t[2] == 0 ? 0 : vectorWeight();
        double ow = t[3] == 0 ? 0 : orderVectorWeight();
        double sum = hw + dw + vw + ow;
        double[] weight = sum == 0 ? new double[4] : new double[] {hw / sum, dw / sum, vw / sum, ow / sum};
        List<LabelScore> labels = new ArrayList<>();
        for (var e : v.byRole().entrySet()) {
            double[] share = new double[4];
            double score = 0;
            for (int i = 0; i < 4; i++) {
                share[i] = t[i] == 0 ? 0 : e.getValue()[i] / t[i];
                score += weight[i] * share[i];
            }
            // A unit returned as wrong for appeals like this one, more than now and then (one return in ten similar
            // orders is the noise of any history), loses half its score.
            boolean wrongBefore = v.returned().getOrDefault(e.getKey(), 0.0) > 0.3 * e.getValue()[0];
            labels.add(new LabelScore(e.getKey(), score * (wrongBefore ? 0.5 : 1), Math.max(share[0], share[3]),
                    Math.max(share[1], share[2]), v.similar().getOrDefault(e.getKey(), List.of()), wrongBefore));
        }
        labels.sort(Comparator.comparingDouble(LabelScore::score).reversed());
        double categoryTotal = v.categoryVotes().values().stream().mapToDouble(Double::doubleValue).sum();
        List<CategoryScore> categories = v.categoryVotes().entrySet().stream()
                .map(c -> new CategoryScore(c.getKey(), c.getValue() / categoryTotal * v.historyCover()))
                .sorted(Comparator.comparingDouble(CategoryScore::score).reversed()).limit(3).toList();
        return new Prediction(labels, categories);
    }

    private double vectorWeight() {
        return embedder == null || dutyVectors.isEmpty() ? 0 : tuning.vectorWeight();
    }

    private double orderVectorWeight() {
        return embedder == null || vectorExamples.length == 0 ? 0 : tuning.orderVectorWeight();
    }

    private static double cover(double best, double self) {
        return self <= 0 ? 0 : Math.min(1, best / self);
    }

    /**
     * The meaning vote: the duty clauses nearest the appeal by cosine; within a few hundredths of the best, each
     * votes for its role with a weight falling off exponentially with the gap (cosines of bge-small-zh crowd between
     * 0.3 and 0.8, so the gap, not the cosine, says how much nearer one clause is than another).
     */
    private double vectorVotes(float[] q, Map<String, double[]> votes) {
        if (q == null || dutyVectors.isEmpty()) {
            return 0;
        }
        double[] cos = new double[dutyVectors.size()];
        double best = -1;
        for (int i = 0; i < cos.length; i++) {
            cos[i] = TextEmbeddings.cosine(dutyVectors.get(i), q);
            best = Math.max(best, cos[i]);
        }
        Map<String, Double> byRole = new HashMap<>();
        for (int i = 0; i < cos.length; i++) {
            if (cos[i] >= best - 0.1) {
                byRole.merge(dutyLabels.get(i), Math.exp((cos[i] - best) / 0.02), Math::max);
            }
        }
        double total = 0;
        for (var e : byRole.entrySet()) {
            votes.computeIfAbsent(e.getKey(), k -> new double[4])[2] += e.getValue();
            total += e.getValue();
        }
        return total;
    }

    /**
     * The closed orders nearest the appeal by meaning: the best {@value #MEANING_NEIGHBOURS} by cosine, each voting for
     * its role as the duty clauses do (falling off with the gap to the best), so that "娃" finds the orders about
     * children and "还房贷" those about 公积金 where no two characters are shared.
     */
    private double orderVectorVotes(float[] q, Set<Long> exclude, Map<String, double[]> votes, Map<String, List<Long>> similar) {
        int n = vectorExamples.length;
        if (q == null || n == 0) {
            return 0;
        }
        int dims = q.length;
        int[] top = new int[MEANING_NEIGHBOURS];
        double[] topCos = new double[MEANING_NEIGHBOURS];
        java.util.Arrays.fill(topCos, -2);
        for (int k = 0; k < n; k++) {
            double dot = 0;
            int base = k * dims;
            for (int d = 0; d < dims; d++) {
                dot += orderVectors[base + d] * q[d];
            }
            if (dot <= topCos[MEANING_NEIGHBOURS - 1]) {
                continue;
            }
            if (!exclude.isEmpty() && exclude.contains(examples.get(vectorExamples[k]).orderId())) {
                continue;
            }
            int at = MEANING_NEIGHBOURS - 1;
            while (at > 0 && topCos[at - 1] < dot) {
                topCos[at] = topCos[at - 1];
                top[at] = top[at - 1];
                at--;
            }
            topCos[at] = dot;
            top[at] = k;
        }
        double best = topCos[0];
        double total = 0;
        for (int i = 0; i < MEANING_NEIGHBOURS && topCos[i] >= best - 0.1; i++) {
            double w = Math.exp((topCos[i] - best) / 0.02);
            Example e = examples.get(vectorExamples[top[i]]);
            votes.computeIfAbsent(e.label(), k -> new double[4])[3] += w;
            total += w;
            List<Long> orders = similar.computeIfAbsent(e.label(), k -> new ArrayList<>());
            if (orders.size() < 3 && !orders.contains(e.orderId())) {
                orders.add(e.orderId());
            }
        }
        return total;
    }

    /** Votes (as {@link #predict} weighs neighbours) of returns about as similar to this appeal as its best neighbour. */
    private Map<String, Double> returnedVotes(List<String> grams, double bestPositive) {
        if (returns.size() == 0) {
            return Map.of();
        }
        Map<String, Double> votes = new HashMap<>();
        double floor = Math.max(0.8 * bestPositive, 0.3 * returns.selfScore(grams));
        for (GramIndex.Hit h : returns.search(grams, 10, null)) {
            if (h.score() >= floor) {
                votes.merge(negatives.get(h.doc()).label(), h.score() * h.score(), Double::sum);
            }
        }
        return votes;
    }
}
