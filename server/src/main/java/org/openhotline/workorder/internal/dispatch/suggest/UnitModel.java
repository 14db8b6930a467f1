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
 * management", "the street office") handled appeals worded like this one. Three voters: nearest neighbours by BM25
 * over the texts of closed orders, the units' duty texts by BM25 (so a unit without history is still found), and —
 * when an embedder is given — the duty texts by meaning (bge-small-zh), which finds 公积金 for "还房贷" and 退役军人事务局
 * for "退伍" where the words differ. Approved wrong-unit returns of similar appeals halve their unit's vote. The weights
 * ({@link Tuning}) were chosen on generated appeals in wordings, and of units, the model never trained on
 * (bench/smart/dispatch), not on the evaluation's hand-written appeals; the options the tuning rejected (duty texts cut
 * into clauses, voters weighed by how much of the appeal they cover) stay selectable for the next tuning.
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
     * weights, as before); {@code clauses}: duty texts cut into clauses rather than one text per role.
     */
    public record Tuning(double dutyWeight, double vectorWeight, double coverage, boolean clauses) {
        /** The model as it was before the tuning of December 2026 (the bench's "previous model"). */
        public static final Tuning PREVIOUS = new Tuning(0.25, 0, 0, false);
        /** Chosen on the generator's held-back wordings and units (bench/smart/dispatch, "Tuning"). */
        public static final Tuning DEFAULT = new Tuning(0.3, 0.4, 0, false);
    }

    private static final int NEIGHBOURS = 40;

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

    private UnitModel(List<Example> examples, GramIndex history, List<String> dutyLabels, List<String> dutyClauses, GramIndex duties,
                      List<float[]> dutyVectors, Function<String, float[]> embedder, Tuning tuning,
                      List<Negative> negatives, GramIndex returns) {
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
        return new UnitModel(List.copyOf(examples), history.freeze(), List.copyOf(labels), List.copyOf(texts), duties.freeze(),
                List.copyOf(vectors), vote ? embedder : null, tuning, List.copyOf(negatives), returns.freeze());
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
        return new UnitModel(examples, history, dutyLabels, dutyClauses, duties, dutyVectors, dutyVectors.isEmpty() ? null : embedder,
                new Tuning(weights.dutyWeight(), weights.vectorWeight(), weights.coverage(), tuning.clauses()), negatives, returns);
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
                votes.computeIfAbsent(e.label(), k -> new double[3])[0] += w;
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
            votes.computeIfAbsent(dutyLabels.get(h.doc()), k -> new double[3])[1] += w;
            dutyTotal += w;
        }
        double vectorTotal = vectorVotes(text, votes);
        // Each voter counts as much as it covers the appeal: its best match against the appeal's score against itself.
        double historyCover = hits.isEmpty() ? 0 : cover(hits.getFirst().score(), history.selfScore(grams));
        double dutyCover = cover(dutyBest, duties.selfScore(own));
        double hw = historyTotal == 0 ? 0 : (1 - tuning.dutyWeight() - vectorWeight()) * Math.pow(historyCover, tuning.coverage());
        double dw = dutyTotal == 0 ? 0 : tuning.dutyWeight() * Math.pow(dutyCover, tuning.coverage());
        double vw = vectorTotal == 0 ? 0 : vectorWeight();
        double sum = hw + dw + vw;
        double historyWeight = sum == 0 ? 0 : hw / sum;
        double dutyWeight = sum == 0 ? 0 : dw / sum;
        double vectorWeight = sum == 0 ? 0 : vw / sum;
        Map<String, Double> returned = returnedVotes(grams, hits.isEmpty() ? 0 : hits.getFirst().score());
        List<LabelScore> labels = new ArrayList<>();
        for (var v : votes.entrySet()) {
            double hs = historyTotal == 0 ? 0 : v.getValue()[0] / historyTotal;
            double ds = dutyTotal == 0 ? 0 : v.getValue()[1] / dutyTotal;
            double vs = vectorTotal == 0 ? 0 : v.getValue()[2] / vectorTotal;
            // A unit returned as wrong for appeals like this one, more than now and then (one return in ten similar
            // orders is the noise of any history), loses half its score.
            boolean wrongBefore = returned.getOrDefault(v.getKey(), 0.0) > 0.3 * v.getValue()[0];
            double score = (historyWeight * hs + dutyWeight * ds + vectorWeight * vs) * (wrongBefore ? 0.5 : 1);
            labels.add(new LabelScore(v.getKey(), score, hs, Math.max(ds, vs), similar.getOrDefault(v.getKey(), List.of()), wrongBefore));
        }
        labels.sort(Comparator.comparingDouble(LabelScore::score).reversed());
        double categoryTotal = categoryVotes.values().stream().mapToDouble(Double::doubleValue).sum();
        List<CategoryScore> categories = categoryVotes.entrySet().stream()
                .map(c -> new CategoryScore(c.getKey(), c.getValue() / categoryTotal * historyCover))
                .sorted(Comparator.comparingDouble(CategoryScore::score).reversed()).limit(3).toList();
        return new Prediction(labels, categories);
    }

    private double vectorWeight() {
        return embedder == null ? 0 : tuning.vectorWeight();
    }

    private static double cover(double best, double self) {
        return self <= 0 ? 0 : Math.min(1, best / self);
    }

    /**
     * The meaning vote: the duty clauses nearest the appeal by cosine; within a few hundredths of the best, each
     * votes for its role with a weight falling off exponentially with the gap (cosines of bge-small-zh crowd between
     * 0.3 and 0.8, so the gap, not the cosine, says how much nearer one clause is than another).
     */
    private double vectorVotes(String text, Map<String, double[]> votes) {
        if (embedder == null || dutyVectors.isEmpty() || tuning.vectorWeight() <= 0) {
            return 0;
        }
        float[] q = embedder.apply(text);
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
            votes.computeIfAbsent(e.getKey(), k -> new double[3])[2] += e.getValue();
            total += e.getValue();
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
