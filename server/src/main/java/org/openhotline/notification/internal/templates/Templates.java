package org.openhotline.notification.internal.templates;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Message templates (短信模板) with {@code ${variable}} placeholders. Each template has a fixed set of variables its
 * message fills in; an edit that names another variable is refused, so that no citizen ever gets a raw
 * {@code ${...}}.
 */
@Component
public class Templates implements org.springframework.beans.factory.InitializingBean {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([a-zA-Z]+)}");

    /** The variables each message fills in. */
    static final Map<String, Set<String>> VARIABLES = Map.of(
            "ORDER_RECEIPT", Set.of("number", "queryUrl"),
            "ORDER_REPLY", Set.of("number", "queryUrl"),
            "CALLBACK_SURVEY", Set.of("number"),
            "DEADLINE_REMINDER", Set.of("number", "unit", "stage", "light"),
            "VERIFICATION_CODE", Set.of("code"),
            "SUPPLEMENT_RECEIVED", Set.of("number"),
            "SURVEY_THANKS", Set.of("number"),
            "OPS_ALARM", Set.of("text"));

    /** Name and default text of each template, inserted once (an operator's edit is never overwritten). */
    static final Map<String, List<String>> DEFAULTS = Map.of(
            "ORDER_RECEIPT", List.of("受理回执", "您反映的问题已受理，工单号${number}，可凭工单号查询办理进度${queryUrl}。"),
            "ORDER_REPLY", List.of("答复通知", "您反映的问题（工单号${number}）已有办理答复，请查阅${queryUrl}。"),
            "CALLBACK_SURVEY", List.of("短信回访", "请对工单${number}的办理结果评价：回复1满意，2基本满意，3不满意。回复TD退订。"),
            "DEADLINE_REMINDER", List.of("时限提醒", "工单${number}（${unit}）${stage}${light}，请及时处理。"),
            "VERIFICATION_CODE", List.of("验证码", "您的验证码为${code}，5分钟内有效，请勿告诉他人。"),
            "SUPPLEMENT_RECEIVED", List.of("短信补充", "您的补充内容已加入工单${number}。"),
            "SURVEY_THANKS", List.of("回访致谢", "感谢您对工单${number}的评价。"),
            "OPS_ALARM", List.of("运维告警", "【运维告警】${text}"));

    @Override
    public void afterPropertiesSet() {
        DEFAULTS.forEach((code, t) -> jdbc.sql("""
                insert into ntf_template (code, name, body, updated_at, updated_by) values (?, ?, ?, now(), 'system')
                on conflict (code) do nothing""").params(code, t.get(0), t.get(1)).update());
    }

    public record Template(String code, String name, String body, boolean enabled, int version, List<String> variables,
                           java.time.Instant updatedAt, String updatedBy) {}

    private final JdbcClient jdbc;
    private final java.time.Clock clock;
    private final java.time.Duration reuse;
    /** Bodies read lately (null: switched off), per code, with when they were read; see {@link #render}. */
    private final Map<String, Read> lately = new java.util.concurrent.ConcurrentHashMap<>();

    private record Read(String body, java.time.Instant at) {}

    Templates(JdbcClient jdbc, java.time.Clock clock,
              @org.springframework.beans.factory.annotation.Value("${hotline.sms.template-reuse:PT5S}") java.time.Duration reuse) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.reuse = reuse;
    }

    public List<Template> all() {
        return jdbc.sql("select code, name, body, enabled, version, updated_at, updated_by from ntf_template order by code")
                .query((rs, n) -> new Template(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getInt(5), VARIABLES.getOrDefault(rs.getString(1), Set.of()).stream().sorted().toList(),
                        rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .list();
    }

    /**
     * The text of a message, or null when its template is switched off (the message is not sent). A body read is used
     * again for {@code hotline.sms.template-reuse} (5 s): every order from a citizen channel queues a receipt, and the
     * statement was one in twenty-four of a portal submission (issue 14). An edit saved on this node shows at once,
     * one saved on another node within that time; a clock set back reads again.
     */
    public String render(String code, Map<String, String> values) {
        java.time.Instant now = clock.instant();
        Read read = lately.get(code);
        if (read == null || now.isBefore(read.at()) || !now.isBefore(read.at().plus(reuse))) {
            read = new Read(jdbc.sql("select body from ntf_template where code = ? and enabled").param(code)
                    .query(String.class).optional().orElse(null), now);
            lately.put(code, read);
        }
        String body = read.body();
        if (body == null) {
            return null;
        }
        Matcher m = VARIABLE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Saves an edited template if {@code version} is the one the editor saw; answers the saved template. */
    public Template save(String code, String body, boolean enabled, int version, String by, java.time.Instant now) {
        check(code, body);
        int updated = jdbc.sql("""
                update ntf_template set body = ?, enabled = ?, version = version + 1, updated_at = ?, updated_by = ?
                 where code = ? and version = ?""")
                .params(body, enabled, java.sql.Timestamp.from(now), by, code, version).update();
        if (updated == 0) {
            throw DomainException.conflict("短信模板已被他人修改，请刷新后重试");
        }
        lately.remove(code);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            // a message rendered before the edit committed must not keep the old body for the reuse time
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            lately.remove(code);
                        }
                    });
        }
        return all().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    /** Checks an edited body: known template, not blank, only its own variables. */
    public static void check(String code, String body) {
        Set<String> allowed = VARIABLES.get(code);
        if (allowed == null) {
            throw DomainException.notFound("短信模板不存在");
        }
        Matcher m = VARIABLE.matcher(body);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                throw DomainException.invalid("模板中的变量 ${" + m.group(1) + "} 不可用，可用变量："
                        + String.join("、", allowed.stream().sorted().map(v -> "${" + v + "}").toList()));
            }
        }
        if (body.contains("${")) {
            String stripped = VARIABLE.matcher(body).replaceAll("");
            if (stripped.contains("${")) {
                throw DomainException.invalid("模板中有未闭合的变量，请写成 ${变量名}");
            }
        }
    }
}
