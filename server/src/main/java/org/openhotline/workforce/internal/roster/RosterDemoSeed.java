package org.openhotline.workforce.internal.roster;

import java.util.List;
import org.openhotline.identity.Role;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.shared.DemoSeed;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The demo's rostering profiles: the last two agents speak the local dialect (方言席), the eighth works no nights. */
@Component
class RosterDemoSeed implements DemoSeed {

    private final RosterBook book;
    private final StaffDirectory staff;

    RosterDemoSeed(RosterBook book, StaffDirectory staff) {
        this.book = book;
        this.staff = staff;
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
        return true;
    }
}
