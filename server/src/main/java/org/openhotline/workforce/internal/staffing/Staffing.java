package org.openhotline.workforce.internal.staffing;

/**
 * Agents needed for a half hour: the smallest N whose service level reaches the target and whose occupancy stays under
 * the cap (agents worked to 95 % burn out and the next peak finds nobody rested), then the schedule's headcount
 * raised by shrinkage — breaks, training, absence — so that N are really on the phones.
 */
public final class Staffing {

    public static final int HALF_HOUR = 1800;
    static final int MAX_AGENTS = 5000;

    private Staffing() {}

    /** What the service level is measured on; {@code patienceSeconds} null for Erlang C. */
    public record Target(double answerWithinSeconds, double serviceLevel, double maxOccupancy, double shrinkage,
                         Double patienceSeconds) {
        public static Target standard() {
            return new Target(20, 0.88, 0.85, 0.30, null);
        }
    }

    public record Need(QueueFigures figures, int scheduled) {}

    public static QueueFigures figures(int agents, double callsPerHalfHour, double ahtSeconds, Target target) {
        double rate = callsPerHalfHour / HALF_HOUR;
        return target.patienceSeconds() == null
                ? ErlangC.figures(agents, rate, ahtSeconds, target.answerWithinSeconds())
                : ErlangA.figures(agents, rate, ahtSeconds, target.answerWithinSeconds(), target.patienceSeconds());
    }

    public static Need need(double callsPerHalfHour, double ahtSeconds, Target target) {
        if (callsPerHalfHour <= 0 || ahtSeconds <= 0) {
            return new Need(new QueueFigures(0, 1, 0, 0, 0, 0), 0);
        }
        double load = callsPerHalfHour * ahtSeconds / HALF_HOUR;
        int floor = Math.max(1, (int) Math.ceil(load / target.maxOccupancy() - 1e-9));
        int agents = Math.max(floor, (int) Math.floor(load) + 1);
        var erlangC = new Target(target.answerWithinSeconds(), target.serviceLevel(), target.maxOccupancy(), 0, null);
        QueueFigures figures = figures(agents, callsPerHalfHour, ahtSeconds, erlangC);
        while (figures.serviceLevel() < target.serviceLevel() && agents < MAX_AGENTS) {
            agents++;
            figures = figures(agents, callsPerHalfHour, ahtSeconds, erlangC);
        }
        if (target.patienceSeconds() != null) {
            // Erlang A's answer lies near Erlang C's (usually a few below): walk from there instead of from the floor.
            figures = figures(agents, callsPerHalfHour, ahtSeconds, target);
            while (figures.serviceLevel() < target.serviceLevel() && agents < MAX_AGENTS) {
                agents++;
                figures = figures(agents, callsPerHalfHour, ahtSeconds, target);
            }
            while (agents > floor) {
                QueueFigures fewer = figures(agents - 1, callsPerHalfHour, ahtSeconds, target);
                if (fewer.serviceLevel() < target.serviceLevel()) {
                    break;
                }
                agents--;
                figures = fewer;
            }
        }
        int scheduled = (int) Math.ceil(agents / (1 - target.shrinkage()) - 1e-9);
        return new Need(figures, scheduled);
    }
}
