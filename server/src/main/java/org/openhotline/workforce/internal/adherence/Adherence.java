package org.openhotline.workforce.internal.adherence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.callcenter.AgentState;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.workforce.internal.forecast.CallForecasts;
import org.openhotline.workforce.internal.roster.Rosters;
import org.springframework.stereotype.Service;

/**
 * Scheduled against actual for one day, up to now: per agent and half hour the minutes scheduled and the minutes on
 * the phones (ready, ringing, talking, holding, after-call work), and the exceptions a team leader acts on.
 * Adherence = minutes on the phones while scheduled / minutes scheduled so far; conformance = minutes signed in (any
 * state but signed out, whenever) / minutes scheduled so far.
 */
@Service
public class Adherence {

    static final Duration LATE = Duration.ofMinutes(5);
    static final Duration LONG_BREAK = Duration.ofMinutes(20);
    static final Duration LONG_NOT_READY = Duration.ofMinutes(15);
    static final Duration OUTSIDE_GRACE = Duration.ofMinutes(30);

    public record Deviation(String kind, String label, Instant at, long minutes) {}

    public record AgentDay(long accountId, String name, String agentNo, String shift, Instant shiftStart,
                           Instant shiftEnd, int[] scheduled, int[] onPhones, int[] signedIn, double adherence,
                           double conformance, AgentState state, List<Deviation> exceptions) {}

    public record Day(LocalDate date, Instant now, double adherence, double conformance, int agentsScheduled,
                      List<AgentDay> agents) {}

    private final StateIntervals intervals;
    private final Rosters rosters;
    private final CallForecasts forecasts;
    private final StaffDirectory staff;
    private final Clock clock;

    Adherence(StateIntervals intervals, Rosters rosters, CallForecasts forecasts, StaffDirectory staff, Clock clock) {
        this.intervals = intervals;
        this.rosters = rosters;
        this.forecasts = forecasts;
        this.staff = staff;
        this.clock = clock;
    }

    /** The day's figures for the agents in {@code only} (null: everyone with a shift or a state that day). */
    public Day day(LocalDate date, Collection<Long> only) {
        var in = inputs(date);
        var agents = new java.util.TreeSet<Long>();
        agents.addAll(in.shifts().keySet());
        in.states().forEach((a, list) -> {
            if (list.stream().anyMatch(i -> i.state() != AgentState.SIGNED_OUT)) {
                agents.add(a);
            }
        });
        if (only != null) {
            agents.retainAll(only);
        }
        var names = new HashMap<Long, StaffDirectory.Staff>();
        staff.byIds(agents).forEach(s -> names.put(s.accountId(), s));
        List<AgentDay> rows = new ArrayList<>();
        long scheduledTotal = 0;
        long adheringTotal = 0;
        long signedInTotal = 0;
        for (long agent : agents) {
            var row = agentDay(agent, names.get(agent), in.shifts().get(agent), in.states().getOrDefault(agent, List.of()),
                    in.dayStart(), in.until());
            rows.add(row.day());
            scheduledTotal += row.scheduledSeconds();
            adheringTotal += row.adheringSeconds();
            signedInTotal += row.signedInSeconds();
        }
        return new Day(date, in.now(), ratio(adheringTotal, scheduledTotal), ratio(signedInTotal, scheduledTotal),
                in.shifts().size(), rows);
    }

    /** Seconds scheduled, adhering and signed in of each agent with a published shift that day (up to now). */
    public record AgentSeconds(long accountId, long scheduled, long adhering, long signedIn) {}

    public List<AgentSeconds> seconds(LocalDate date) {
        var in = inputs(date);
        List<AgentSeconds> out = new ArrayList<>();
        for (var e : new java.util.TreeMap<>(in.shifts()).entrySet()) {
            var c = agentDay(e.getKey(), null, e.getValue(), in.states().getOrDefault(e.getKey(), List.of()), in.dayStart(),
                    in.until());
            if (c.scheduledSeconds() > 0) {
                out.add(new AgentSeconds(e.getKey(), c.scheduledSeconds(), c.adheringSeconds(), c.signedInSeconds()));
            }
        }
        return out;
    }

    private record Inputs(Instant dayStart, Instant now, Instant until, Map<Long, Rosters.ShiftWindow> shifts,
                          Map<Long, List<StateIntervals.Interval>> states) {}

    private Inputs inputs(LocalDate date) {
        var zone = forecasts.zone();
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        Instant until = now.isBefore(dayEnd) ? now : dayEnd;
        Map<Long, Rosters.ShiftWindow> shifts = new HashMap<>();
        for (var w : rosters.publishedWindows(date, date, zone)) {
            shifts.put(w.accountId(), w);
        }
        var states = until.isAfter(dayStart) ? intervals.between(dayStart, until) : Map.<Long, List<StateIntervals.Interval>>of();
        return new Inputs(dayStart, now, until, shifts, states);
    }

    private record Computed(AgentDay day, long scheduledSeconds, long adheringSeconds, long signedInSeconds) {}

    private Computed agentDay(long agent, StaffDirectory.Staff who, Rosters.ShiftWindow w,
                              List<StateIntervals.Interval> list, Instant dayStart, Instant until) {
        int[] scheduled = new int[48];
        int[] onPhones = new int[48];
        int[] signedIn = new int[48];
        long scheduledSeconds = 0;
        long adheringSeconds = 0;
        long signedInSeconds = 0;
        Instant shiftStart = w == null ? null : w.start();
        Instant shiftEnd = w == null ? null : (w.end().isAfter(until) ? until : w.end());
        if (w != null && shiftEnd.isAfter(shiftStart)) {
            scheduledSeconds = Duration.between(shiftStart, shiftEnd).toSeconds();
            addMinutes(scheduled, dayStart, shiftStart, shiftEnd);
        }
        List<Deviation> exceptions = new ArrayList<>();
        Instant firstSignIn = null;
        Instant lastSignOut = null;
        for (var i : list) {
            boolean in = i.state() != AgentState.SIGNED_OUT;
            boolean phones = onPhones(i.state());
            if (in) {
                signedInSeconds += Duration.between(i.from(), i.to()).toSeconds();
                addMinutes(signedIn, dayStart, i.from(), i.to());
                if (firstSignIn == null) {
                    firstSignIn = i.from();
                }
            } else if (firstSignIn != null) {
                lastSignOut = i.from();
            }
            if (phones) {
                addMinutes(onPhones, dayStart, i.from(), i.to());
                if (w != null) {
                    adheringSeconds += overlap(i.from(), i.to(), shiftStart, shiftEnd);
                }
            }
            Duration length = Duration.between(i.from(), i.to());
            if (i.state() == AgentState.BREAK && length.compareTo(LONG_BREAK) > 0) {
                exceptions.add(new Deviation("LONG_BREAK", "小休过长", i.from(), length.toMinutes()));
            }
            if (i.state() == AgentState.NOT_READY && length.compareTo(LONG_NOT_READY) > 0 && w != null
                    && overlap(i.from(), i.to(), shiftStart, shiftEnd) > 0) {
                exceptions.add(new Deviation("LONG_NOT_READY", "班中长时间示忙", i.from(), length.toMinutes()));
            }
        }
        if (w != null) {
            if (firstSignIn == null && until.isAfter(w.start().plus(LATE))) {
                exceptions.add(new Deviation("ABSENT", "未签入", w.start(), Duration.between(w.start(), shiftEnd).toMinutes()));
            } else if (firstSignIn != null && firstSignIn.isAfter(w.start().plus(LATE))) {
                exceptions.add(new Deviation("LATE", "迟到签入", firstSignIn, Duration.between(w.start(), firstSignIn).toMinutes()));
            }
            if (lastSignOut != null && lastSignOut.isBefore(w.end().minus(LATE)) && isSignedOutAtEnd(list)) {
                exceptions.add(new Deviation("EARLY_LEAVE", "提前签出", lastSignOut, Duration.between(lastSignOut, w.end()).toMinutes()));
            }
        }
        if (firstSignIn != null && (w == null || firstSignIn.isBefore(w.start().minus(OUTSIDE_GRACE))
                || firstSignIn.isAfter(w.end()))) {
            exceptions.add(new Deviation("OUTSIDE_SHIFT", "班次外签入", firstSignIn, 0));
        }
        AgentState current = list.isEmpty() ? null : list.getLast().state();
        var day = new AgentDay(agent, who == null ? String.valueOf(agent) : who.displayName(), who == null ? null : who.agentNo(),
                w == null ? null : w.name(), w == null ? null : w.start(), w == null ? null : w.end(), scheduled, onPhones,
                signedIn, ratio(adheringSeconds, scheduledSeconds), ratio(signedInSeconds, scheduledSeconds), current,
                exceptions);
        return new Computed(day, scheduledSeconds, adheringSeconds, signedInSeconds);
    }

    private static boolean isSignedOutAtEnd(List<StateIntervals.Interval> list) {
        return !list.isEmpty() && list.getLast().state() == AgentState.SIGNED_OUT;
    }

    static boolean onPhones(AgentState s) {
        return s == AgentState.READY || s.onCall() || s == AgentState.AFTER_CALL_WORK;
    }

    private static long overlap(Instant a1, Instant a2, Instant b1, Instant b2) {
        Instant from = a1.isAfter(b1) ? a1 : b1;
        Instant to = a2.isBefore(b2) ? a2 : b2;
        return to.isAfter(from) ? Duration.between(from, to).toSeconds() : 0;
    }

    /** Adds the minutes of [from, to) to the day's half-hour buckets. */
    private static void addMinutes(int[] buckets, Instant dayStart, Instant from, Instant to) {
        for (int s = 0; s < 48; s++) {
            Instant b1 = dayStart.plusSeconds(s * 1800L);
            long seconds = overlap(from, to, b1, b1.plusSeconds(1800));
            buckets[s] += (int) Math.round(seconds / 60.0);
        }
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}
