package org.openhotline.workforce.internal.staffing;

/**
 * Erlang C (M/M/N): offered load {@code A = λ·AHT} erlangs on N agents, callers wait as long as it takes. The
 * probability of waiting comes from Erlang B's recursion {@code B(n) = A·B(n−1) / (n + A·B(n−1))}, which stays in
 * [0, 1] for any N, then {@code C = N·B / (N − A·(1 − B))}; answered within T: {@code 1 − C·e^{−(N−A)·T/AHT}}.
 */
public final class ErlangC {

    private ErlangC() {}

    /** Erlang B blocking probability for {@code agents} servers and {@code load} erlangs. */
    static double erlangB(int agents, double load) {
        double b = 1.0;
        for (int n = 1; n <= agents; n++) {
            b = load * b / (n + load * b);
        }
        return b;
    }

    /** Probability that a caller waits (Erlang C); 1 when the agents cannot carry the load. */
    public static double probabilityOfWaiting(int agents, double load) {
        if (agents <= load) {
            return 1.0;
        }
        double b = erlangB(agents, load);
        return agents * b / (agents - load * (1 - b));
    }

    public static QueueFigures figures(int agents, double callsPerSecond, double ahtSeconds, double answerWithinSeconds) {
        double load = callsPerSecond * ahtSeconds;
        if (agents <= load) {
            return new QueueFigures(agents, 0, 1, Double.POSITIVE_INFINITY, 1, 0);
        }
        double c = probabilityOfWaiting(agents, load);
        double serviceLevel = 1 - c * Math.exp(-(agents - load) * answerWithinSeconds / ahtSeconds);
        double averageWait = c * ahtSeconds / (agents - load);
        return new QueueFigures(agents, serviceLevel, c, averageWait, load / agents, 0);
    }
}
