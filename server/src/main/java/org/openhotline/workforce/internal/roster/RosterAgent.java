package org.openhotline.workforce.internal.roster;

import java.util.Set;

/** An agent as the roster sees it: skills (MANDARIN, DIALECT, ENGLISH …), hour limits and whether nights are allowed. */
public record RosterAgent(long id, String name, Set<String> skills, int maxWeekMinutes, int maxMonthMinutes,
                          boolean nightAllowed) {

    public static final String DIALECT = "DIALECT";

    public boolean speaksDialect() {
        return skills.contains(DIALECT);
    }
}
