package org.openhotline.channels.internal.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The hotline's mailbox ({@code hotline.mail.*}, from {@code HOTLINE_MAIL_*}): IMAP to read, SMTP to answer, one
 * account for both. {@code ssl} means implicit TLS (IMAPS 993, SMTPS 465); off, plain connections are used (for a
 * relay on the same host or a test server). Nothing is polled unless {@code enabled}.
 */
@ConfigurationProperties("hotline.mail")
public record MailSettings(boolean enabled, String imapHost, Integer imapPort, String smtpHost, Integer smtpPort,
                           boolean ssl, String username, String password, String address, String folder,
                           Duration pollInterval) {

    public MailSettings {
        folder = folder == null || folder.isBlank() ? "INBOX" : folder;
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        imapPort = imapPort == null ? (ssl ? 993 : 143) : imapPort;
        smtpPort = smtpPort == null ? (ssl ? 465 : 25) : smtpPort;
    }

    /** The same account on other hosts and ports (tests point it at a local mail server). */
    public MailSettings at(String host, int imap, int smtp) {
        return new MailSettings(true, host, imap, host, smtp, false, username, password, address, folder, pollInterval);
    }
}
