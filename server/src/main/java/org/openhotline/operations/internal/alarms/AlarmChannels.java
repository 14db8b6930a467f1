package org.openhotline.operations.internal.alarms;

import java.util.List;
import java.util.regex.Pattern;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Where alarms are sent besides the console: e-mail addresses, webhook URLs and mobile numbers, each with a minimum severity. */
@Component
public class AlarmChannels {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");

    public record Channel(long id, String kind, String target, Severity minSeverity, boolean enabled, int version) {}

    public record Form(String kind, String target, String minSeverity, boolean enabled, Integer version) {}

    private final JdbcClient jdbc;

    AlarmChannels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Channel> all() {
        return jdbc.sql("select * from ops_alarm_channel order by kind, id").query((rs, n) -> new Channel(rs.getLong("id"),
                rs.getString("kind"), rs.getString("target"), Severity.valueOf(rs.getString("min_severity")),
                rs.getBoolean("enabled"), rs.getInt("version"))).list();
    }

    public Channel create(Form f) {
        check(f);
        long id = jdbc.sql("insert into ops_alarm_channel (kind, target, min_severity, enabled) values (?, ?, ?, ?) returning id")
                .params(f.kind(), f.target().strip(), f.minSeverity(), f.enabled()).query(Long.class).single();
        return find(id);
    }

    public Channel save(long id, Form f) {
        find(id);
        check(f);
        if (f.version() == null) {
            throw DomainException.badRequest("缺少版本号（version）：请刷新后重试");
        }
        int n = jdbc.sql("""
                update ops_alarm_channel set kind = ?, target = ?, min_severity = ?, enabled = ?, version = version + 1
                 where id = ? and version = ?""")
                .params(f.kind(), f.target().strip(), f.minSeverity(), f.enabled(), id, f.version()).update();
        if (n == 0) {
            throw DomainException.conflict("该通知方式已被他人修改，请刷新后重试");
        }
        return find(id);
    }

    public void delete(long id) {
        find(id);
        jdbc.sql("delete from ops_alarm_channel where id = ?").param(id).update();
    }

    Channel find(long id) {
        return all().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> DomainException.notFound("通知方式不存在"));
    }

    static void check(Form f) {
        if (f.kind() == null || !List.of("EMAIL", "WEBHOOK", "SMS").contains(f.kind())) {
            throw DomainException.invalid("通知方式只能是 EMAIL（邮件）、WEBHOOK 或 SMS（短信）");
        }
        String t = f.target() == null ? "" : f.target().strip();
        if (t.isEmpty() || t.length() > 300) {
            throw DomainException.invalid("请填写接收地址（最长 300 个字符）");
        }
        boolean ok = switch (f.kind()) {
            case "EMAIL" -> EMAIL.matcher(t).matches();
            case "SMS" -> MOBILE.matcher(t).matches();
            default -> t.startsWith("http://") || t.startsWith("https://");
        };
        if (!ok) {
            throw DomainException.invalid(switch (f.kind()) {
                case "EMAIL" -> "邮箱地址格式不正确";
                case "SMS" -> "请填写 11 位手机号码";
                default -> "Webhook 地址须以 http:// 或 https:// 开头";
            });
        }
        if (f.minSeverity() == null || java.util.Arrays.stream(Severity.values()).noneMatch(s -> s.name().equals(f.minSeverity()))) {
            throw DomainException.invalid("最低告警级别只能是 CRITICAL、MAJOR 或 MINOR");
        }
    }
}
