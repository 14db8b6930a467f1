package org.openhotline.workforce.internal.staffing;

/**
 * Erlang A (Palm's M/M/N+M, Garnett–Mandelbaum–Reiman 2002): Poisson arrivals λ, exponential handling 1/μ, N agents,
 * and callers who hang up after an exponential patience 1/θ. The stationary probabilities of the birth-death chain
 * are kept as ratios to π_N — below N their sum is 1/B(N, A) (Erlang B), above N the ratios
 * {@code r_j = Π λ/(Nμ + iθ)} fall geometrically — so nothing overflows at hundreds of agents. A caller arriving to
 * k waiting callers (PASTA) is answered within T when the k ahead of it leave (answered or hung up) and an agent frees
 * before T and before its own patience runs out: a small absorbing chain, solved by uniformization.
 */
public final class ErlangA {

    private static final double TAIL = 1e-13;
    private static final int MAX_QUEUE = 200_000;

    private ErlangA() {}

    public static QueueFigures figures(int agents, double callsPerSecond, double ahtSeconds, double answerWithinSeconds,
                                       double patienceSeconds) {
        double lambda = callsPerSecond;
        double mu = 1 / ahtSeconds;
        double theta = 1 / patienceSeconds;
        double load = lambda / mu;
        double serveRate = agents * mu;
        double[] ratios = queueRatios(lambda, serveRate, theta);
        double tailSum = 0;
        double queueMean = 0;
        for (int j = 1; j < ratios.length; j++) {
            tailSum += ratios[j];
            queueMean += j * ratios[j];
        }
        double belowSum = agents == 0 ? 1 : 1 / ErlangC.erlangB(agents, load);
        double piN = 1 / (belowSum + tailSum);
        double waiting = piN * (1 + tailSum);
        double expectedQueue = piN * queueMean;
        double abandon = theta * expectedQueue / lambda;
        double averageWait = expectedQueue / lambda;
        double occupancy = agents == 0 ? 1 : Math.min(1, load * (1 - abandon) / agents);
        double[] answeredInTime = answeredWithin(ratios.length, serveRate, theta, answerWithinSeconds);
        double serviceLevel = 1 - waiting;
        for (int k = 0; k < ratios.length; k++) {
            serviceLevel += piN * ratios[k] * answeredInTime[k];
        }
        return new QueueFigures(agents, serviceLevel, waiting, averageWait, occupancy, abandon);
    }

    /** r_0 = 1, r_j = r_{j−1}·λ/(Nμ + jθ), until the terms past the queue's peak are negligible. */
    private static double[] queueRatios(double lambda, double serveRate, double theta) {
        var ratios = new java.util.ArrayList<Double>();
        ratios.add(1.0);
        double r = 1;
        double sum = 1;
        for (int j = 1; j < MAX_QUEUE; j++) {
            r = r * lambda / (serveRate + j * theta);
            if (r < TAIL * sum && serveRate + j * theta > lambda) {
                break;
            }
            ratios.add(r);
            sum += r;
        }
        return ratios.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * For a caller finding k callers ahead (k = 0 … size−1): the probability of being answered within {@code t}
     * seconds before hanging up. From k the position advances at Nμ + kθ (an agent frees or one ahead hangs up), at 0
     * an agent frees at Nμ, and the caller itself hangs up at θ. Uniformized at Λ = Nμ + size·θ, the answer is the
     * Poisson(Λt)-weighted chance of absorption as "answered" within m jumps.
     */
    static double[] answeredWithin(int size, double serveRate, double theta, double t) {
        double uniform = serveRate + size * theta;
        double x = uniform * t;
        double[] f = new double[size];
        double[] next = new double[size];
        double[] result = new double[size];
        int steps = (int) Math.ceil(x + 12 * Math.sqrt(x) + 30);
        double logFactorial = 0;
        for (int m = 0; m <= steps; m++) {
            if (m > 0) {
                logFactorial += Math.log(m);
            }
            double weight = x == 0 ? (m == 0 ? 1 : 0) : Math.exp(-x + m * Math.log(x) - logFactorial);
            // from k callers ahead it takes at least k + 1 jumps to be answered: f[k] is still 0 for k >= m
            int reach = Math.min(size, m + 1);
            for (int k = 0; k < reach; k++) {
                result[k] += weight * f[k];
            }
            for (int k = 0; k < reach; k++) {
                double advance = (serveRate + k * theta) / uniform;
                double stay = 1 - advance - theta / uniform;
                double ahead = k == 0 ? 1 : f[k - 1];
                next[k] = advance * ahead + stay * f[k];
            }
            double[] swap = f;
            f = next;
            next = swap;
        }
        return result;
    }
}
