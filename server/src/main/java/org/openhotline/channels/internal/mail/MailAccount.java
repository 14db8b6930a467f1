package org.openhotline.channels.internal.mail;

import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.MessagingException;
import java.util.Properties;
import org.springframework.stereotype.Component;

/**
 * Connections to the configured mailbox. The settings are held here (not injected into each user) so that a test
 * can point the running platform at its own mail server and back.
 */
@Component
class MailAccount {

    private volatile MailSettings settings;

    MailAccount(MailSettings settings) {
        this.settings = settings;
    }

    MailSettings settings() {
        return settings;
    }

    void use(MailSettings settings) {
        this.settings = settings;
    }

    Store imap(MailSettings s) throws MessagingException {
        String protocol = s.ssl() ? "imaps" : "imap";
        Properties p = new Properties();
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".connectiontimeout", "10000");
        p.put("mail." + protocol + ".timeout", "30000");
        Store store = Session.getInstance(p).getStore(protocol);
        store.connect(s.imapHost(), s.imapPort(), s.username(), s.password());
        return store;
    }

    Session smtp(MailSettings s) {
        String protocol = s.ssl() ? "smtps" : "smtp";
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", s.smtpHost());
        p.put("mail." + protocol + ".port", String.valueOf(s.smtpPort()));
        p.put("mail." + protocol + ".auth", String.valueOf(s.username() != null && !s.username().isBlank()));
        p.put("mail." + protocol + ".connectiontimeout", "10000");
        p.put("mail." + protocol + ".timeout", "30000");
        p.put("mail.mime.charset", "UTF-8");
        return Session.getInstance(p);
    }
}
