package org.openhotline.operations.internal.alarms;

import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SMTP server alarm e-mails go through; an empty host means no e-mail is sent. */
@Component
public class MailServer {

    public record Settings(String host, int port, boolean ssl, String username, String password, String sender, int version) {}

    private final JdbcClient jdbc;

    MailServer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Settings settings() {
        return jdbc.sql("select * from ops_mail_server where id = 1").query((rs, n) -> new Settings(rs.getString("host"),
                rs.getInt("port"), rs.getBoolean("ssl"), rs.getString("username"), rs.getString("password"),
                rs.getString("sender"), rs.getInt("version"))).single();
    }

    /** Saves new settings; a blank password keeps the stored one (the console never shows it). */
    public Settings save(Settings s) {
        String host = s.host() == null ? "" : s.host().strip();
        if (host.length() > 200 || (s.sender() != null && s.sender().length() > 200)
                || (s.username() != null && s.username().length() > 200) || (s.password() != null && s.password().length() > 200)) {
            throw DomainException.invalid("邮件服务器设置的每项最长 200 个字符");
        }
        if (s.port() < 1 || s.port() > 65535) {
            throw DomainException.invalid("端口应在 1 到 65535 之间");
        }
        if (!host.isEmpty() && (s.sender() == null || !s.sender().contains("@"))) {
            throw DomainException.invalid("请填写发件人邮箱");
        }
        int n = jdbc.sql("""
                update ops_mail_server set host = ?, port = ?, ssl = ?, username = ?,
                       password = case when ? = '' then password else ? end, sender = ?, version = version + 1
                 where id = 1 and version = ?""")
                .params(host, s.port(), s.ssl(), nz(s.username()), nz(s.password()), nz(s.password()), nz(s.sender()), s.version())
                .update();
        if (n == 0) {
            throw DomainException.conflict("邮件服务器设置已被他人修改，请刷新后重试");
        }
        return settings();
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
