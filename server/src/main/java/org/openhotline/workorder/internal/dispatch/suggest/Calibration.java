package org.openhotline.workorder.internal.dispatch.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the model's first score (a share of votes, not a probability) into the chance that the first suggestion is
 * right, learned from validation orders the model did not see: isotonic regression (pool adjacent violators) of
 * "right" on the score, so that a higher score never means a lower confidence. Each block's rate is shrunk toward the
 * score itself with the weight of {@link #PRIOR} orders, so that a block of three lucky orders does not claim 100 %
 * and a model without validation data keeps its own score; a confidence is therefore never exactly 1.
 */
public final class Calibration {

    /** Validation orders' worth of weight the raw score keeps against the observed rate. */
    static final double PRIOR = 5;

    /** One validation order: the first suggestion's score and whether it named the right unit. */
    public record Point(double score, boolean right) {}

    private record Block(double from, double to, int n, int right) {}

    private final List<Block> blocks;
    private final int orders;

    private Calibration(List<Block> blocks, int orders) {
        this.blocks = blocks;
        this.orders = orders;
    }

    public static Calibration fit(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::score));
        List<Block> blocks = new ArrayList<>();
        for (Point p : sorted) {
            Block b = new Block(p.score(), p.score(), 1, p.right() ? 1 : 0);
            // pool while the block before has a higher rate than this one (isotonic: rates must not fall)
            while (!blocks.isEmpty() && rate(blocks.getLast()) >= rate(b)) {
                Block last = blocks.removeLast();
                b = new Block(last.from(), b.to(), last.n() + b.n(), last.right() + b.right());
            }
            blocks.add(b);
        }
        return new Calibration(List.copyOf(blocks), points.size());
    }

    private static double rate(Block b) {
        return (double) b.right() / b.n();
    }

    /** How many validation orders this calibration was learned from. */
    public int orders() {
        return orders;
    }

    /** The chance that a first suggestion with this score is right (0..1, below 1). */
    public double confidence(double score) {
        double s = Math.max(0, Math.min(1, score));
        // every block from the score's downwards: a block of few orders above a big one must not lower the confidence,
        // so the highest of them counts (each rises with the score, hence so does their maximum)
        double best = -1;
        for (Block b : blocks) {
            if (b.from() > s) {
                break;
            }
            best = Math.max(best, Math.min((b.right() + PRIOR * s) / (b.n() + PRIOR), (b.right() + PRIOR) / (b.n() + PRIOR + 1)));
        }
        return best < 0 ? s * PRIOR / (PRIOR + 1) : best;
    }
}
