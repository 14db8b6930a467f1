package org.openhotline.exchange.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.exchange.internal.pipe.DayLedger;

/** The comparison of two ledgers of a day, both directions. */
class ReconciliationCompareTest {

    private static DayLedger.Side side(Map<String, Integer> states, String... ids) {
        return new DayLedger.Side(ids.length, Map.of(), states, List.of(ids));
    }

    @Test
    void equalLedgersHaveNoDifference() {
        var ours = new DayLedger.Ledger("NJ", LocalDate.of(2026, 12, 4), side(Map.of("SENT", 2), "a", "b"),
                side(Map.of("APPLIED", 1), "x"));
        var theirs = new DayLedger.Ledger("JZ", LocalDate.of(2026, 12, 4), side(Map.of("SENT", 1), "x"),
                side(Map.of("APPLIED", 2), "a", "b"));
        assertThat(Reconciliation.compare(ours, theirs)).isEmpty();
    }

    @Test
    void everyMissingUnknownOrUnappliedMessageIsADifference() {
        var ours = new DayLedger.Ledger("NJ", LocalDate.of(2026, 12, 4), side(Map.of("SENT", 2), "a", "b"),
                side(Map.of("APPLIED", 1, "DEAD", 1), "x", "z"));
        var theirs = new DayLedger.Ledger("JZ", LocalDate.of(2026, 12, 4), side(Map.of("SENT", 2), "x", "y"),
                side(Map.of("APPLIED", 1, "RECEIVED", 1), "a", "c"));
        assertThat(Reconciliation.compare(ours, theirs)).extracting(Reconciliation.Difference::problem).containsExactly(
                "本方已入队，对方未收到", "对方收到，本方无发送记录", "对方已入队，本方未收到", "本方收到，对方无发送记录",
                "本方收件中 1 条处于 DEAD", "对方收件中 1 条处于 RECEIVED");
    }
}
