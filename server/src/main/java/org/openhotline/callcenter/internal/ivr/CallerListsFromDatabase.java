package org.openhotline.callcenter.internal.ivr;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.openhotline.telephony.ivr.CallerLists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.openhotline.shared.crypto.PersonalData;

/**
 * The IVR's view of the blacklist (unexpired entries) and of priority callers: the elderly and VIP lists,
 * and anyone who called within the last 24 hours (a repeat caller is probably chasing the same problem).
 */
@Component
public class CallerListsFromDatabase implements CallerLists {

    static final Duration REPEAT_WINDOW = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Clock clock;

    CallerListsFromDatabase(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean isBlacklisted(String number) {
        return jdbc.sql("select exists(select 1 from cc_blacklist where number_index = ? and (expires_at is null or expires_at > ?))")
                .params(PersonalData.phoneIndex(number), OffsetDateTime.now(clock)).query(Boolean.class).single();
    }

    @Override
    public boolean isPriority(String number) {
        return jdbc.sql("""
                select exists(select 1 from cc_priority_caller where number_index = :n)
                    or exists(select 1 from cc_call where caller_index = :n and arrived_at > :since and answered_at is not null)""")
                .param("n", PersonalData.phoneIndex(number)).param("since", OffsetDateTime.now(clock).minus(REPEAT_WINDOW))
                .query(Boolean.class).single();
    }
}
