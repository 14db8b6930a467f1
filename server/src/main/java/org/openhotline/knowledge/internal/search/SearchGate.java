package org.openhotline.knowledge.internal.search;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * How many questions are worked on at once: a few (twice the cores by default), the others wait their turn in arrival
 * order. A question is nearly all CPU (the embedding, then Lucene); twenty of them sharing two cores each take ten
 * times their own time and the longest fall far behind (p95 about 2.5 × the median), while in turn each waits for
 * those ahead of it and then runs nearly at full speed. Exactly one per core lost 10–25 % of the throughput (a
 * question holding a turn while the system runs something else leaves its core idle); twice the cores kept it and cut
 * the p95 by about 40 % (bench/smart/search, speed.sh prints all at once, 2, 3 and 4 at a time in one run).
 * {@code hotline.knowledge.parallel-searches} sets the number (0: twice the cores).
 */
final class SearchGate {

    private final Semaphore turns;

    SearchGate(int parallel) {
        this.turns = new Semaphore(parallel, true);
    }

    <T> T run(Supplier<T> work) {
        turns.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
