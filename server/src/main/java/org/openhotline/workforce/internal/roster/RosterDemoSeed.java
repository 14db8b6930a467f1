package org.openhotline.workforce.internal.roster;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.identity.Role;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.shared.DemoSeed;
import org.openhotline.workforce.internal.forecast.CallForecasts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's rostering profiles (the last two agents speak the local dialect, 方言席; the eighth works no nights) and a
 * published roster of the current month, so that 我的班表, the desk's shift card and 现场管理 show something at once. The
 * demo roster is a fixed rotation (each agent keeps one of 早/中/晚, five days on and two off, at most 22 days) rather
 * than a solve: start-up stays fast and the rules hold by construction.
 */
@Component
class RosterDemoSeed implements DemoSeed {

    private final RosterBook book;
    private final StaffDirectory staff;
    private final CallForecasts forecasts;
    private final Clock clock;

    RosterDemoSeed(RosterBook book, StaffDirectory staff, CallForecasts forecasts, Clock clock) {
        this.book = book;
        this.staff = staff;
        this.forecasts = forecasts;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 81;
    }

    @Override
    @Transactional
    public boolean seedIfEmpty(String demoPassword) {
        if (!book.profiles().isEmpty()) {
            return false;
        }
        List<StaffDirectory.Staff> agents = staff.withRole(Role.AGENT).stream().filter(s -> s.agentNo() != null)
                .sorted(java.util.Comparator.comparing(StaffDirectory.Staff::agentNo)).toList();
        for (int i = 0; i < agents.size(); i++) {
            boolean dialect = i >= agents.size() - 2;
            book.saveProfile(new RosterBook.Profile(agents.get(i).accountId(), dialect ? "MANDARIN,DIALECT" : "MANDARIN",
                    2400, 10560, i != 7));
        }
        if (!agents.isEmpty()) {
            publishDemoMonth(agents);
        }
        return true;
    }

    private void publishDemoMonth(List<StaffDirectory.Staff> agents) {
        LocalDate first = forecasts.today().withDayOfMonth(1);
        int days = first.lengthOfMonth();
        var templates = book.templatesByCode();
        String[] rotation = {"A", "M", "E"};
        Map<Long, ShiftTemplate[]> grid = new LinkedHashMap<>();
        for (int i = 0; i < agents.size(); i++) {
            ShiftTemplate[] row = new ShiftTemplate[days];
            int worked = 0;
            for (int d = 0; d < days && worked < 22; d++) {
                if ((d + i) % 7 < 5) {
                    row[d] = templates.get(rotation[i % rotation.length]);
                    worked++;
                }
            }
            grid.put(agents.get(i).accountId(), row);
        }
        long manager = staff.withRole(Role.MANAGER).stream().map(StaffDirectory.Staff::accountId).findFirst().orElse(0L);
        Instant now = clock.instant();
        long id = book.create(first, "演示排班（固定轮换）", 0, manager, now);
        book.saveNeeds(id, first, new int[days][48], new int[days][48]);
        book.saveShifts(id, first, grid);
        book.publish(book.roster(id), manager, now);
    }
}
