package org.openhotline.quality.internal.machine.rules;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openhotline.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The machine rules and their settings; a change checks the version it was made on and goes into the audit trail. */
@Repository
public class MachineRules {

    public static final int MAX_WORDS_CHARS = 4000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MachineRules(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public List<RuleSetting> all() {
        return jdbc.sql("""
                select code, kind, name, description, enabled, severity, threshold, unit, words, version
                  from qc_machine_rule order by case kind when 'ACOUSTIC' then 1 when 'CALL' then 2 else 3 end, code""")
                .query(RuleSetting.class).list();
    }

    public Map<String, RuleSetting> byCode() {
        return all().stream().collect(Collectors.toMap(RuleSetting::code, Function.identity()));
    }

    public RuleSetting find(String code) {
        return jdbc.sql("""
                select code, kind, name, description, enabled, severity, threshold, unit, words, version
                  from qc_machine_rule where code = ?""").param(code).query(RuleSetting.class).optional()
                .orElseThrow(() -> DomainException.notFound("没有这条质检规则：" + code));
    }

    /** The change an inspector lead asks for; null fields stay as they are. */
    public record Change(Boolean enabled, String severity, Double threshold, String words, int version) {}

    @Transactional
    public RuleSetting change(String code, Change c, String by) {
        RuleSetting before = find(code);
        if (c.severity() != null && !List.of("LOW", "MEDIUM", "HIGH").contains(c.severity())) {
            throw DomainException.badRequest("严重程度应为 LOW、MEDIUM 或 HIGH");
        }
        if (c.threshold() != null && (c.threshold().isNaN() || c.threshold() < 0 || c.threshold() > 100_000)) {
            throw DomainException.badRequest("阈值应在 0 到 100000 之间");
        }
        if (c.words() != null && c.words().length() > MAX_WORDS_CHARS) {
            throw DomainException.badRequest("词表不超过 " + MAX_WORDS_CHARS + " 个字");
        }
        if (c.words() != null && !"TEXT".equals(before.kind()) && !c.words().isBlank()) {
            throw DomainException.badRequest("只有文本规则有词表");
        }
        int rows = jdbc.sql("""
                update qc_machine_rule set enabled = coalesce(?, enabled), severity = coalesce(?, severity),
                       threshold = coalesce(?, threshold), words = coalesce(?, words), version = version + 1,
                       updated_by = ?, updated_at = ?
                 where code = ? and version = ?""")
                .params(c.enabled(), c.severity(), c.threshold(), c.words(), by, OffsetDateTime.now(clock), code,
                        c.version()).update();
        if (rows == 0) {
            throw DomainException.conflict("规则已被他人修改，请刷新后重试");
        }
        RuleSetting after = find(code);
        Map<String, Object> details = new LinkedHashMap<>();
        if (before.enabled() != after.enabled()) details.put("enabled", after.enabled());
        if (!before.severity().equals(after.severity())) details.put("severity", before.severity() + " → " + after.severity());
        if (before.threshold() != after.threshold()) details.put("threshold", before.threshold() + " → " + after.threshold());
        if (!before.words().equals(after.words())) details.put("words", after.words());
        events.publishEvent(new MachineRuleChanged(code, details));
        return after;
    }
}
