package org.openhotline.quality.internal.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The draw of a sampling plan: shares per agent, strata weights, repeatability by seed, even spread over inspectors. */
class SamplingTest {

    /** Agent 1 has 200 calls, agent 2 has 31, agent 3 has 1; every 10th call of agent 1 is a complaint. */
    private static List<Sampling.Candidate> month() {
        List<Sampling.Candidate> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(new Sampling.Candidate("a1-" + String.format("%03d", i), 1, i % 10 == 0 ? EnumSet.of(Stratum.COMPLAINT) : Set.of()));
        }
        for (int i = 0; i < 31; i++) {
            calls.add(new Sampling.Candidate("a2-" + String.format("%03d", i), 2, Set.of()));
        }
        calls.add(new Sampling.Candidate("a3-000", 3, Set.of()));
        return calls;
    }

    @Test
    void eachAgentGetsTheShareOfTheirOwnCallsRoundedUp() {
        var drawn = Sampling.draw(month(), new BigDecimal("5"), Map.of(), 42, List.of(10L));
        Map<Long, Long> perAgent = drawn.stream().collect(Collectors.groupingBy(Sampling.Drawn::agentId, Collectors.counting()));
        assertThat(perAgent).containsEntry(1L, 10L).containsEntry(2L, 2L).containsEntry(3L, 1L);
        assertThat(Sampling.draw(month(), new BigDecimal("10"), Map.of(), 42, List.of(10L))).hasSize(20 + 4 + 1);
        assertThat(drawn.stream().map(Sampling.Drawn::callId).distinct()).hasSize(drawn.size());
    }

    @Test
    void aWeightedStratumIsOverRepresentedAndNamedOnTheDrawnCall() {
        // complaints are 10 % of agent 1's calls; with weight 20 they should fill most of a 10 % sample
        long complaintsWeighted = 0;
        long complaintsPlain = 0;
        for (long seed = 1; seed <= 20; seed++) {
            complaintsWeighted += Sampling.draw(month(), BigDecimal.TEN, Map.of(Stratum.COMPLAINT, 20.0), seed, List.of(1L)).stream()
                    .filter(d -> d.stratum() == Stratum.COMPLAINT).count();
            complaintsPlain += Sampling.draw(month(), BigDecimal.TEN, Map.of(), seed, List.of(1L)).stream()
                    .filter(d -> d.callId().startsWith("a1-") && Integer.parseInt(d.callId().substring(3)) % 10 == 0).count();
        }
        // 20 draws × 20 calls of agent 1: at random about 40 complaints, weighted well over 200
        assertThat(complaintsPlain).isBetween(10L, 90L);
        assertThat(complaintsWeighted).isGreaterThan(200L);
        var one = Sampling.draw(month(), BigDecimal.TEN, Map.of(Stratum.COMPLAINT, 20.0), 7, List.of(1L));
        assertThat(one).filteredOn(d -> d.stratum() == null).allMatch(d -> !(d.callId().startsWith("a1-")
                && Integer.parseInt(d.callId().substring(3)) % 10 == 0));
    }

    @Test
    void theSameSeedGivesTheSameSampleAndAnotherSeedAnother() {
        var a = Sampling.draw(month(), BigDecimal.TEN, Map.of(Stratum.COMPLAINT, 2.0), 99, List.of(1L, 2L));
        var b = Sampling.draw(new ArrayList<>(month().reversed()), BigDecimal.TEN, Map.of(Stratum.COMPLAINT, 2.0), 99, List.of(1L, 2L));
        var c = Sampling.draw(month(), BigDecimal.TEN, Map.of(Stratum.COMPLAINT, 2.0), 100, List.of(1L, 2L));
        assertThat(b).isEqualTo(a);
        assertThat(c.stream().map(Sampling.Drawn::callId).toList()).isNotEqualTo(a.stream().map(Sampling.Drawn::callId).toList());
    }

    @Test
    void tasksAreSpreadEvenlyOverTheInspectors() {
        var drawn = Sampling.draw(month(), BigDecimal.TEN, Map.of(), 5, List.of(7L, 8L, 9L));
        Map<Long, Long> perInspector = drawn.stream().collect(Collectors.groupingBy(Sampling.Drawn::inspectorId, Collectors.counting()));
        assertThat(perInspector).containsOnlyKeys(7L, 8L, 9L);
        assertThat(perInspector.values().stream().mapToLong(Long::longValue).max().getAsLong()
                - perInspector.values().stream().mapToLong(Long::longValue).min().getAsLong()).isLessThanOrEqualTo(1);
        // one agent's 20 calls are not all with one inspector
        assertThat(drawn.stream().filter(d -> d.agentId() == 1).map(Sampling.Drawn::inspectorId).distinct()).hasSize(3);
    }

    @Test
    void quotaIsRoundedUpAndZeroWithoutCalls() {
        assertThat(Sampling.quota(0, BigDecimal.TEN)).isZero();
        assertThat(Sampling.quota(1, new BigDecimal("5"))).isEqualTo(1);
        assertThat(Sampling.quota(100, new BigDecimal("5"))).isEqualTo(5);
        assertThat(Sampling.quota(101, new BigDecimal("5"))).isEqualTo(6);
    }
}
