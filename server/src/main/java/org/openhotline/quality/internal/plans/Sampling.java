package org.openhotline.quality.internal.plans;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The draw of a sampling plan, pure and repeatable: per agent, {@code share} of their answered calls (rounded up, so
 * every agent with a call gets at least one), chosen by weighted random sampling without replacement
 * (Efraimidis–Spirakis: each call's key is {@code -ln(u) / weight}, the smallest keys win), where a call's weight is 1
 * plus the weights of the strata it belongs to. The same candidates and seed give the same sample. The sample is then
 * dealt round-robin over the inspectors (agent by agent), so inspectors' counts differ by at most one and each agent's
 * calls go to different inspectors.
 */
public final class Sampling {

    public record Candidate(String callId, long agentId, Set<Stratum> strata) {}

    /** A drawn call: its strongest stratum (null: drawn at random) and the inspector it goes to. */
    public record Drawn(String callId, long agentId, Stratum stratum, long inspectorId) {}

    private Sampling() {}

    public static List<Drawn> draw(List<Candidate> candidates, BigDecimal sharePercent, Map<Stratum, Double> weights,
                                   long seed, List<Long> inspectors) {
        if (inspectors.isEmpty()) {
            throw new IllegalArgumentException("no inspectors");
        }
        Map<Stratum, Double> w = new EnumMap<>(Stratum.class);
        weights.forEach((k, v) -> w.put(k, Math.max(0, v)));
        Map<Long, List<Candidate>> byAgent = new TreeMap<>();
        candidates.stream().sorted(Comparator.comparing(Candidate::callId))
                .forEach(c -> byAgent.computeIfAbsent(c.agentId(), k -> new ArrayList<>()).add(c));
        Random random = new Random(seed);
        List<Candidate> sample = new ArrayList<>();
        for (List<Candidate> calls : byAgent.values()) {
            int quota = quota(calls.size(), sharePercent);
            record Keyed(Candidate c, double key) {}
            List<Keyed> keyed = new ArrayList<>(calls.size());
            for (Candidate c : calls) {
                double weight = 1 + c.strata().stream().mapToDouble(s -> w.getOrDefault(s, 0.0)).sum();
                keyed.add(new Keyed(c, -Math.log(1 - random.nextDouble()) / weight));
            }
            keyed.sort(Comparator.comparingDouble(Keyed::key));
            keyed.stream().limit(quota).map(Keyed::c).sorted(Comparator.comparing(Candidate::callId)).forEach(sample::add);
        }
        List<Drawn> out = new ArrayList<>(sample.size());
        int next = random.nextInt(inspectors.size());
        for (Candidate c : sample) {
            Stratum strongest = c.strata().stream().filter(s -> w.getOrDefault(s, 0.0) > 0)
                    .max(Comparator.comparingDouble((Stratum s) -> w.get(s)).thenComparing(Comparator.reverseOrder()))
                    .orElse(null);
            out.add(new Drawn(c.callId(), c.agentId(), strongest, inspectors.get(next)));
            next = (next + 1) % inspectors.size();
        }
        return out;
    }

    /** An agent's share of {@code answered} calls, rounded up. */
    public static int quota(int answered, BigDecimal sharePercent) {
        if (answered == 0) {
            return 0;
        }
        return BigDecimal.valueOf(answered).multiply(sharePercent).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                .intValueExact();
    }
}
