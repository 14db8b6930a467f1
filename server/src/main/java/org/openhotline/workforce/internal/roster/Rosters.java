package org.openhotline.workforce.internal.roster;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.identity.Role;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.shared.DomainException;
import org.openhotline.workforce.internal.forecast.CallForecasts;
import org.openhotline.workforce.internal.staffing.Staffing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roster use cases: generate a month (forecast → needs → solver), read it with its gaps and rule violations, edit a
 * cell (rules checked, version checked), publish, and an agent's own published shifts.
 */
@Service
public class Rosters {

    /** The dialect desk (方言席): this many dialect speakers on the phones from 08:00 to 20:00. */
    static final int DIALECT_DESK = 1;

    private final RosterBook book;
    private final CallForecasts forecasts;
    private final StaffDirectory staff;
    private final Clock clock;
    private final Duration solveLimit;

    Rosters(RosterBook book, CallForecasts forecasts, StaffDirectory staff, Clock clock,
            @Value("${hotline.workforce.roster-solve-seconds:30}") long solveSeconds) {
        this.book = book;
        this.forecasts = forecasts;
        this.staff = staff;
        this.clock = clock;
        this.solveLimit = Duration.ofSeconds(solveSeconds);
    }

    public record Cell(String date, String code) {}

    public record AgentRow(long accountId, String name, String agentNo, String skills, String[] shifts, int minutes) {}

    public record View(long id, String month, String status, String score, Long solveMillis, int version,
                       List<ShiftTemplate> templates, List<AgentRow> agents, int[][] needs, int[][] staffed,
                       int[][] gaps, int gapTotal, List<RosterRules.Violation> violations) {}

    List<RosterAgent> agents() {
        var profiles = book.profiles();
        List<RosterAgent> agents = new ArrayList<>();
        for (var s : staff.withRole(Role.AGENT)) {
            if (s.agentNo() == null) {
                continue;
            }
            var p = profiles.get(s.accountId());
            agents.add(p == null ? new RosterAgent(s.accountId(), s.displayName(), Set.of("MANDARIN"), 2400, 10560, true)
                    : new RosterAgent(s.accountId(), s.displayName(), Set.of(p.skills().split(",")), p.maxWeekMinutes(),
                            p.maxMonthMinutes(), p.nightAllowed()));
        }
        return agents;
    }

    /** Generates a month in this thread (the API's synchronous form; the screen uses {@link RosterJobs}). */
    public long generate(LocalDate month, long by) {
        var problem = problem(month);
        return save(problem, RosterSolver.solve(problem, solveLimit, RosterSolver.Progress.NONE), by);
    }

    /** The month to solve: forecast → half-hour needs (and the dialect desk), agents, leave and wishes. */
    RosterSolver.Problem problem(LocalDate month) {
        LocalDate first = month.withDayOfMonth(1);
        LocalDate last = first.withDayOfMonth(first.lengthOfMonth());
        int days = first.lengthOfMonth();
        var plans = forecasts.plan(first, last, Staffing.Target.standard());
        int[][] needs = new int[days][];
        int[][] dialect = new int[days][48];
        for (int d = 0; d < days; d++) {
            needs[d] = plans.get(d).scheduled();
            for (int s = 16; s < 40; s++) {
                dialect[d][s] = DIALECT_DESK;
            }
        }
        List<RosterAgent> agents = agents();
        if (agents.isEmpty()) {
            throw DomainException.invalid("没有可排班的坐席（需有话务员角色并配置工号）");
        }
        return new RosterSolver.Problem(first, days, agents, book.templates(), needs, dialect,
                book.requestDays("LEAVE", Set.of("APPROVED"), first, last),
                book.requestDays("WISH_OFF", Set.of("APPROVED", "PENDING"), first, last), Map.of());
    }

    /** Stores a solved month as a draft roster; the solve itself runs outside any transaction. */
    @Transactional
    public long save(RosterSolver.Problem problem, RosterSolver.Solution solution, long by) {
        long id = book.create(problem.firstDay(), solution.score(), solution.millis(), by, clock.instant());
        book.saveNeeds(id, problem.firstDay(), problem.needs(), problem.dialect());
        book.saveShifts(id, problem.firstDay(), solution.shifts());
        return id;
    }

    Duration solveLimit() {
        return solveLimit;
    }

    public List<RosterBook.Roster> list() {
        return book.rosters();
    }

    public View view(long id) {
        var r = book.roster(id);
        var templates = book.templatesByCode();
        var codes = book.shifts(r);
        var needs = book.needs(r);
        var names = new LinkedHashMap<Long, StaffDirectory.Staff>();
        staff.byIds(codes.keySet()).forEach(s -> names.put(s.accountId(), s));
        var profiles = book.profiles();
        List<AgentRow> rows = new ArrayList<>();
        Map<Long, ShiftTemplate[]> grid = new LinkedHashMap<>();
        List<RosterRules.AgentMonth> months = new ArrayList<>();
        var leave = book.requestDays("LEAVE", Set.of("APPROVED"), r.month(), r.month().plusDays(r.days() - 1));
        var agents = new java.util.HashMap<Long, RosterAgent>();
        agents().forEach(a -> agents.put(a.id(), a));
        codes.forEach((agent, row) -> {
            ShiftTemplate[] shifts = Arrays.stream(row).map(c -> c == null ? null : templates.get(c)).toArray(ShiftTemplate[]::new);
            grid.put(agent, shifts);
            var s = names.get(agent);
            var p = profiles.get(agent);
            int minutes = Arrays.stream(shifts).mapToInt(t -> t == null ? 0 : t.minutes()).sum();
            rows.add(new AgentRow(agent, s == null ? String.valueOf(agent) : s.displayName(), s == null ? null : s.agentNo(),
                    p == null ? "MANDARIN" : p.skills(), row, minutes));
            RosterAgent ra = agents.getOrDefault(agent, new RosterAgent(agent, s == null ? "" : s.displayName(),
                    Set.of("MANDARIN"), 2400, 10560, true));
            months.add(new RosterRules.AgentMonth(ra, shifts, leave.getOrDefault(agent, Set.of())));
        });
        int[][] staffed = RosterSolver.staffed(r.days(), grid.values());
        int[][] gaps = RosterSolver.gaps(r.days(), needs[0], grid.values());
        int total = Arrays.stream(gaps).flatMapToInt(Arrays::stream).sum();
        return new View(r.id(), r.month().toString().substring(0, 7), r.status(), r.score(), r.solveMillis(), r.version(),
                List.copyOf(templates.values()), rows, needs[0], staffed, gaps, total,
                RosterRules.check(r.month(), months));
    }

    /**
     * A manager's or team leader's edit of one cell. The agent's month is checked with the new cell first: an edit that
     * breaks a rule is refused with the rules it breaks (422), a stale version with 409.
     */
    @Transactional
    public void edit(long id, long accountId, LocalDate day, String code, int version) {
        var r = book.roster(id);
        if ("SUPERSEDED".equals(r.status())) {
            throw DomainException.conflict("该排班表已被新版本取代，不能再修改");
        }
        if (r.version() != version) {
            throw DomainException.conflict("排班表已被他人修改，请刷新后重试");
        }
        if (day.isBefore(r.month()) || day.isAfter(r.month().plusDays(r.days() - 1))) {
            throw DomainException.invalid("日期不在该排班表的月份内");
        }
        var templates = book.templatesByCode();
        if (code != null && !templates.containsKey(code)) {
            throw DomainException.invalid("班次不存在");
        }
        var view = book.shifts(r);
        String[] row = view.get(accountId);
        if (row == null) {
            throw DomainException.notFound("该坐席不在此排班表中");
        }
        row = row.clone();
        row[day.getDayOfMonth() - 1] = code;
        checkAgent(r, accountId, row, templates);
        if (!book.touch(id, version)) {
            throw DomainException.conflict("排班表已被他人修改，请刷新后重试");
        }
        book.setShift(id, accountId, day, code);
    }

    void checkAgent(RosterBook.Roster r, long accountId, String[] row, Map<String, ShiftTemplate> templates) {
        RosterAgent agent = agents().stream().filter(a -> a.id() == accountId).findFirst()
                .orElse(new RosterAgent(accountId, String.valueOf(accountId), Set.of("MANDARIN"), 2400, 10560, true));
        ShiftTemplate[] shifts = Arrays.stream(row).map(c -> c == null ? null : templates.get(c)).toArray(ShiftTemplate[]::new);
        var leave = book.requestDays("LEAVE", Set.of("APPROVED"), r.month(), r.month().plusDays(r.days() - 1));
        var violations = RosterRules.check(r.month(),
                List.of(new RosterRules.AgentMonth(agent, shifts, leave.getOrDefault(accountId, Set.of()))));
        if (!violations.isEmpty()) {
            throw DomainException.invalid("违反排班规则：" + violations.getFirst().rule()
                    + (violations.getFirst().day() == null ? "" : "（" + violations.getFirst().day() + "）"))
                    .with("violations", violations);
        }
    }

    @Transactional
    public void publish(long id, int version, long by) {
        var r = book.roster(id);
        if (!"DRAFT".equals(r.status())) {
            throw DomainException.conflict("只有草稿状态的排班表可以发布");
        }
        if (!view(id).violations().isEmpty()) {
            throw DomainException.invalid("排班表仍有违反规则之处，请先修正");
        }
        if (!book.touch(id, version)) {
            throw DomainException.conflict("排班表已被他人修改，请刷新后重试");
        }
        book.publish(r, by, clock.instant());
    }

    public record MyShift(LocalDate day, String code, String name, String start, String end, boolean night) {}

    public List<MyShift> shiftsOf(long accountId, LocalDate from, LocalDate to) {
        var templates = book.templatesByCode();
        return book.publishedShifts(accountId, from, to).stream().map(s -> {
            ShiftTemplate t = templates.get(s.code());
            var start = s.day().atStartOfDay().plusMinutes(t.startMinute());
            return new MyShift(s.day(), t.code(), t.name(), start.toString(), start.plusMinutes(t.minutes()).toString(),
                    t.night());
        }).toList();
    }

    /** A published shift as an interval of time, for adherence. */
    public record ShiftWindow(long accountId, LocalDate day, String name, java.time.Instant start, java.time.Instant end) {}

    public List<ShiftWindow> publishedWindows(LocalDate from, LocalDate to, java.time.ZoneId zone) {
        var templates = book.templatesByCode();
        List<ShiftWindow> windows = new ArrayList<>();
        book.publishedShifts(from, to).forEach((agent, days) -> days.forEach((day, code) -> {
            ShiftTemplate t = templates.get(code);
            var start = day.atStartOfDay(zone).toInstant().plusSeconds(t.startMinute() * 60L);
            windows.add(new ShiftWindow(agent, day, t.name(), start, start.plusSeconds(t.minutes() * 60L)));
        }));
        return windows;
    }

    public List<ShiftTemplate> templates() {
        return book.templates();
    }
}
