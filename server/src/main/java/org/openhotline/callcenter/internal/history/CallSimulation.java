package org.openhotline.callcenter.internal.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.openhotline.shared.HistoryPlan;

/**
 * The calls and agent states of a {@link HistoryPlan}, computed in memory. Each day: arrival times from the hourly
 * shape; agents on duty per hour by the expected load (an agent is busy about 70 % of a staffed hour); each queued
 * call goes to the on-duty agent of its skill group who is free first, unless the caller's patience (or the group's
 * longest wait) runs out before. An agent's states follow its calls: 振铃, 通话, 整理, 示闲; 签出 between shifts.
 */
final class CallSimulation {

    record Call(String id, String caller, Instant arrived, Instant ivrExit, Instant queued, long group, Instant offered,
                Instant answered, Instant ended, String endCause, String abandonPoint, Long agent, Integer satisfaction) {}

    record State(long agent, String state, Instant started, Instant ended) {}

    /** Skill groups by code with their share of the queued calls. */
    static final Map<String, Double> GROUP_SHARE = Map.of("general", 0.40, "social", 0.20, "housing", 0.15,
            "complaint", 0.15, "self-service", 0.10);
    private static final double AVERAGE_HANDLING_S = 230;
    private static final int MAX_WAIT_S = 180;
    private static final int OVERFLOW_AFTER_S = 30;

    final List<Call> calls = new ArrayList<>();
    final List<State> states = new ArrayList<>();

    private final long[] agents;
    private final long[][] skilled;   // per group index: the agents with that skill
    private final long[] groupIds;
    private final double[] groupCumulative;
    private final Random random;
    /** When each agent is free again (carried over midnight: a late call keeps its agent into the next day). */
    private final Map<Long, Instant> free = new java.util.HashMap<>();

    /** {@code groups}: group id by code; {@code skills}: for each agent, the group ids it serves. */
    CallSimulation(long[] agents, Map<Long, long[]> skills, Map<String, Long> groups, long seed) {
        this.agents = agents;
        this.random = new Random(seed);
        List<String> codes = GROUP_SHARE.keySet().stream().filter(groups::containsKey).sorted().toList();
        groupIds = codes.stream().mapToLong(groups::get).toArray();
        groupCumulative = new double[codes.size()];
        double sum = codes.stream().mapToDouble(GROUP_SHARE::get).sum();
        double acc = 0;
        skilled = new long[codes.size()][];
        for (int g = 0; g < codes.size(); g++) {
            acc += GROUP_SHARE.get(codes.get(g)) / sum;
            groupCumulative[g] = acc;
            long id = groupIds[g];
            skilled[g] = Arrays.stream(agents).filter(a -> Arrays.stream(skills.getOrDefault(a, new long[0])).anyMatch(s -> s == id)).toArray();
        }
    }

    void run(HistoryPlan plan) {
        int[] perDay = plan.perDay(plan.calls());
        int serial = 0;
        for (int d = 0; d < perDay.length; d++) {
            Instant midnight = plan.days().get(d).date().atStartOfDay(plan.zone()).toInstant();
            serial = day(plan.days().get(d).date().toString().replace("-", ""), midnight, perDay[d], d, serial);
        }
    }

    private int day(String date, Instant midnight, int count, int dayIndex, int serial) {
        int[] seconds = new int[count];
        for (int i = 0; i < count; i++) {
            seconds[i] = HistoryPlan.secondOfDay(random.nextDouble());
        }
        Arrays.sort(seconds);
        // Agents on duty per hour: the expected erlangs over 0.7, at least one; who comes first rotates by day.
        int[] perHour = new int[24];
        for (int s : seconds) {
            perHour[s / 3600]++;
        }
        long[] order = rotate(agents, dayIndex);
        int[] onDuty = new int[24];
        for (int h = 0; h < 24; h++) {
            double erlangs = perHour[h] * 0.9 * AVERAGE_HANDLING_S / 3600;
            onDuty[h] = Math.min(order.length, Math.max(1, (int) Math.ceil(erlangs / 0.7)));
        }
        Map<Long, TreeMap<Instant, String>> timeline = new java.util.HashMap<>();
        for (int k = 0; k < order.length; k++) {
            TreeMap<Instant, String> t = new TreeMap<>();
            for (int h = 0; h < 24; h++) {
                boolean on = k < onDuty[h];
                boolean before = h > 0 && k < onDuty[h - 1];
                if (on && !before) {
                    t.put(midnight.plusSeconds(h * 3600L), "READY");
                } else if (!on && before) {
                    t.put(midnight.plusSeconds(h * 3600L), "SIGNED_OUT");
                }
            }
            if (k < onDuty[23]) {
                t.put(midnight.plusSeconds(86400 - 1), "SIGNED_OUT");
            }
            timeline.put(order[k], t);
            free.putIfAbsent(order[k], midnight);
        }
        for (int s : seconds) {
            serial++;
            Instant arrived = midnight.plusSeconds(s).plusMillis(random.nextInt(1000));
            String id = "H" + date + String.format("%06d", serial % 1_000_000);
            String caller = "1" + new String[] {"38", "39", "58", "86", "37", "35"}[random.nextInt(6)]
                    + String.format("%08d", random.nextInt(100_000_000));
            Instant ivrExit = arrived.plusSeconds(8 + random.nextInt(35));
            if (random.nextDouble() < 0.09) {
                calls.add(new Call(id, caller, arrived, null, null, 0, null, null, ivrExit, "NORMAL_CLEARING", "IVR", null, null));
                continue;
            }
            int g = group(random.nextDouble());
            int hour = s / 3600;
            // The first free agent of the call's group; after the overflow wait, any agent on duty (all serve 综合咨询).
            Candidate skilledFirst = first(skilled[g], order, onDuty, hour, midnight, ivrExit);
            Candidate anyFirst = first(agents, order, onDuty, hour, midnight, ivrExit);
            Candidate chosen = skilledFirst != null && (anyFirst == null
                    || !skilledFirst.at().isAfter(anyFirst.at().plusSeconds(OVERFLOW_AFTER_S))) ? skilledFirst : anyFirst;
            Long best = chosen == null ? null : chosen.agent();
            Instant bestAt = chosen == null ? null : chosen.at();
            double patience = Math.min(MAX_WAIT_S, -Math.log(1 - random.nextDouble()) * 240);
            if (best == null || bestAt.isAfter(ivrExit.plusMillis((long) (patience * 1000)))) {
                boolean maxWait = patience >= MAX_WAIT_S;
                calls.add(new Call(id, caller, arrived, ivrExit, ivrExit, groupIds[g], null, null,
                        ivrExit.plusMillis((long) (patience * 1000)), maxWait ? "MAX_WAIT" : "NORMAL_CLEARING", "QUEUE", null, null));
                continue;
            }
            Instant offered = bestAt.plusMillis(200);
            Instant answered = offered.plusMillis(2000 + random.nextInt(6000));
            TreeMap<Instant, String> t = timeline.get(best);
            if (random.nextDouble() < 0.006) {
                Instant gaveUp = answered;
                calls.add(new Call(id, caller, arrived, ivrExit, ivrExit, groupIds[g], offered, null, gaveUp,
                        "NORMAL_CLEARING", "RINGING", best, null));
                t.put(offered, "RINGING");
                t.put(gaveUp, "READY");
                free.put(best, gaveUp);
                continue;
            }
            long talkMs = (long) (1000 * Math.max(20, Math.exp(5.05 + 0.55 * random.nextGaussian())));
            Instant ended = answered.plusMillis(talkMs);
            Instant ready = ended.plusSeconds(15 + random.nextInt(40));
            Integer satisfaction = null;
            if (random.nextDouble() < 0.46) {
                double u = random.nextDouble();
                satisfaction = u < 0.915 ? 1 : u < 0.975 ? 2 : 3;
            }
            calls.add(new Call(id, caller, arrived, ivrExit, ivrExit, groupIds[g], offered, answered, ended,
                    "NORMAL_CLEARING", null, best, satisfaction));
            // A shift change during the call waits for its end: the agent signs out after 整理.
            t.subMap(offered, true, ready, true).clear();
            t.put(offered, "RINGING");
            t.put(answered, "TALKING");
            t.put(ended, "AFTER_CALL_WORK");
            t.put(ready, isOn(order, best, onDuty, midnight, ready) ? "READY" : "SIGNED_OUT");
            free.put(best, ready);
        }
        for (var e : timeline.entrySet()) {
            Instant previous = null;
            String previousState = null;
            for (var s : e.getValue().entrySet()) {
                if (s.getValue().equals(previousState)) {
                    continue;
                }
                if (previous != null) {
                    states.add(new State(e.getKey(), previousState, previous, s.getKey()));
                }
                previous = s.getKey();
                previousState = s.getValue();
            }
            if (previous != null) {
                states.add(new State(e.getKey(), previousState, previous, previous));
            }
        }
        return serial;
    }

    record Candidate(long agent, Instant at) {}

    /** The agent among {@code pool} on duty now and when free who is free first, and when. */
    private Candidate first(long[] pool, long[] order, int[] onDuty, int hour, Instant midnight, Instant queued) {
        Candidate best = null;
        for (long a : pool) {
            int k = indexOf(order, a);
            Instant at = later(free.get(a), queued);
            int atHour = (int) Math.min(23, (at.getEpochSecond() - midnight.getEpochSecond()) / 3600);
            if (k < onDuty[atHour] && k < onDuty[hour] && (best == null || at.isBefore(best.at()))) {
                best = new Candidate(a, at);
            }
        }
        return best;
    }

    private static boolean isOn(long[] order, long agent, int[] onDuty, Instant midnight, Instant at) {
        long hour = (at.getEpochSecond() - midnight.getEpochSecond()) / 3600;
        return hour < 24 && indexOf(order, agent) < onDuty[(int) hour];
    }

    private int group(double u) {
        for (int g = 0; g < groupCumulative.length; g++) {
            if (u < groupCumulative[g]) {
                return g;
            }
        }
        return groupCumulative.length - 1;
    }

    private static long[] rotate(long[] agents, int by) {
        long[] r = new long[agents.length];
        for (int i = 0; i < agents.length; i++) {
            r[i] = agents[(i + by) % agents.length];
        }
        return r;
    }

    private static int indexOf(long[] order, long agent) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] == agent) {
                return i;
            }
        }
        return -1;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
