package org.openhotline.workorder.internal.settings;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.internal.model.CallbackRule;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The work-order settings kept in {@code wo_setting}: the callback rule and whether units may see full numbers. */
@Component
public class WorkOrderSettings {

    static final String MAX_ATTEMPTS = "callback.max-attempts";
    static final String WHEN_EXHAUSTED = "callback.when-exhausted";
    static final String UNIT_UNMASK = "unit.unmask";
    static final String UNIT_PHONE_ACCESS = "unit.phone-access";
    static final String APPEAL_WINDOW = "appeal.window-working-days";

    private final JdbcClient jdbc;
    private final Clock clock;

    WorkOrderSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public CallbackRule callbackRule() {
        Map<String, String> all = all();
        try {
            return new CallbackRule(Integer.parseInt(all.getOrDefault(MAX_ATTEMPTS, "3")),
                    CallbackRule.Exhausted.valueOf(all.getOrDefault(WHEN_EXHAUSTED, "CLOSE")));
        } catch (IllegalArgumentException | DomainException e) {
            return CallbackRule.DEFAULT;
        }
    }

    /** Whether a handling unit may look at the citizen's full number (with a reason, audited). */
    public boolean unitsMayUnmask() {
        return unitPhoneAccess() == UnitPhoneAccess.UNMASK;
    }

    /** Whether a handling unit may call the citizen through the platform (click-to-call, the number never shown). */
    public boolean unitsMayCall() {
        return unitPhoneAccess() == UnitPhoneAccess.CALL;
    }

    /**
     * How a handling unit reaches the citizen, as the admin decided. Before this setting existed there was only the
     * yes/no of {@code unit.unmask}; it still answers when the new key was never saved.
     */
    public UnitPhoneAccess unitPhoneAccess() {
        Map<String, String> all = all();
        String access = all.get(UNIT_PHONE_ACCESS);
        if (access != null) {
            try {
                return UnitPhoneAccess.valueOf(access);
            } catch (IllegalArgumentException unknown) {
                return UnitPhoneAccess.NONE;
            }
        }
        return Boolean.parseBoolean(all.getOrDefault(UNIT_UNMASK, "false")) ? UnitPhoneAccess.UNMASK : UnitPhoneAccess.NONE;
    }

    /** Working days after a judgment within which a unit may appeal it (工单申诉), 1–30, default 3. */
    public int appealWindowWorkingDays() {
        try {
            return Math.max(1, Math.min(30, Integer.parseInt(all().getOrDefault(APPEAL_WINDOW, "3"))));
        } catch (NumberFormatException e) {
            return 3;
        }
    }

    public void saveAppealWindow(int workingDays, String by) {
        if (workingDays < 1 || workingDays > 30) {
            throw DomainException.invalid("申诉期限应为 1–30 个工作日");
        }
        put(APPEAL_WINDOW, String.valueOf(workingDays), by);
    }

    void save(CallbackRule rule, UnitPhoneAccess access, String by) {
        put(MAX_ATTEMPTS, String.valueOf(rule.maxAttempts()), by);
        put(WHEN_EXHAUSTED, rule.whenExhausted().name(), by);
        put(UNIT_UNMASK, String.valueOf(access == UnitPhoneAccess.UNMASK), by);
        put(UNIT_PHONE_ACCESS, access.name(), by);
    }

    private void put(String key, String value, String by) {
        jdbc.sql("""
                insert into wo_setting (key, value, updated_by, updated_at) values (?, ?, ?, ?)
                on conflict (key) do update set value = excluded.value, updated_by = excluded.updated_by,
                       updated_at = excluded.updated_at""")
                .params(key, value, by, WorkOrders.ts(clock.instant())).update();
    }

    private Map<String, String> all() {
        return jdbc.sql("select key, value from wo_setting").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
