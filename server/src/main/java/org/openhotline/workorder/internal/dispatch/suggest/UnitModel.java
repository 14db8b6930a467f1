package org.openhotline.workorder.internal.dispatch.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The learned part of dispatch: which kind of unit (a {@link UnitRoles role}: a city unit, or "the district's city
 * management", "the street office") handled appeals worded like this one. Nearest neighbours by BM25 over the texts of
 * closed orders vote with their scores, the units' duty texts vote beside them (so a unit without history is still
 * found), and approved wrong-unit returns of similar appeals halve their unit's vote. Plain Java, no embeddings: the
 * semantic module may add a vector vote later through {@link #predict}'s caller.
 */
public final class UnitModel {

    /** A closed order: its text, the role of the unit that finally handled it, its category. */
    public record Example(long orderId, String text, String label, Long categoryId) {}

    /** An approved return: this unit was wrong for this text. */
    public record Negative(String text, String label) {}

    public record LabelScore(String label, double score, double historyShare, double dutyShare, List<Long> similarOrders,
                             boolean returnedBefore) {}

    public record CategoryScore(long categoryId, double score) {}

    public record Prediction(List<LabelScore> labels, List<CategoryScore> categories) {}

    private static final int NEIGHBOURS = 40;
    private static final double DUTY_WEIGHT = 0.25;

    private final List<Example> examples;
    private final GramIndex history;
    private final List<String> dutyLabels;
    private final GramIndex duties;
    private final List<Negative> negatives;
    private final GramIndex returns;

    private UnitModel(List<Example> examples, GramIndex history, List<String> dutyLabels, GramIndex duties,
                      List<Negative> negatives, GramIndex returns) {
        this.examples = examples;
        this.history = history;
        this.dutyLabels = dutyLabels;
        this.duties = duties;
        this.negatives = negatives;
        this.returns = returns;
    }

    public static UnitModel train(List<Example> examples, Map<String, String> dutiesByLabel, List<Negative> negatives) {
        GramIndex history = new GramIndex();
        examples.forEach(e -> history.add(GramIndex.grams(e.text())));
        GramIndex duties = new GramIndex();
        List<String> labels = new ArrayList<>();
        dutiesByLabel.forEach((label, text) -> {
            labels.add(label);
            duties.add(GramIndex.grams(text));
        });
        GramIndex returns = new GramIndex();
        negatives.forEach(n -> returns.add(GramIndex.grams(n.text())));
        return new UnitModel(List.copyOf(examples), history.freeze(), List.copyOf(labels), duties.freeze(),
                List.copyOf(negatives), returns.freeze());
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
                votes.computeIfAbsent(e.label(), k -> new double[2])[0] += w;
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
        for (GramIndex.Hit h : duties.search(own, 5, null)) {
            double w = h.score() * h.score();
            votes.computeIfAbsent(dutyLabels.get(h.doc()), k -> new double[2])[1] += w;
            dutyTotal += w;
        }
        double historyWeight = historyTotal == 0 ? 0 : dutyTotal == 0 ? 1 : 1 - DUTY_WEIGHT;
        double dutyWeight = dutyTotal == 0 ? 0 : 1 - historyWeight;
        Map<String, Double> returned = returnedVotes(grams, hits.isEmpty() ? 0 : hits.getFirst().score());
        List<LabelScore> labels = new ArrayList<>();
        for (var v : votes.entrySet()) {
            double hs = historyTotal == 0 ? 0 : v.getValue()[0] / historyTotal;
            double ds = dutyTotal == 0 ? 0 : v.getValue()[1] / dutyTotal;
            // A unit returned as wrong for appeals like this one, more than now and then (one return in ten similar
            // orders is the noise of any history), loses half its score.
            boolean wrongBefore = returned.getOrDefault(v.getKey(), 0.0) > 0.3 * v.getValue()[0];
            double score = (historyWeight * hs + dutyWeight * ds) * (wrongBefore ? 0.5 : 1);
            labels.add(new LabelScore(v.getKey(), score, hs, ds, similar.getOrDefault(v.getKey(), List.of()), wrongBefore));
        }
        labels.sort(Comparator.comparingDouble(LabelScore::score).reversed());
        double categoryTotal = categoryVotes.values().stream().mapToDouble(Double::doubleValue).sum();
        List<CategoryScore> categories = categoryVotes.entrySet().stream()
                .map(c -> new CategoryScore(c.getKey(), c.getValue() / categoryTotal))
                .sorted(Comparator.comparingDouble(CategoryScore::score).reversed()).limit(3).toList();
        return new Prediction(labels, categories);
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
