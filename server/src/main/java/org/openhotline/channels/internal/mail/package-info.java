/**
 * E-mail intake (邮件信件): a mailbox polled over IMAP turns each new message into an appeal (channel 邮件信件) with
 * its attachments, answered at once over SMTP with the order number and query code; when the unit's reply is
 * accepted (or the hotline answers directly) the reply goes back to the sender. Account from {@code HOTLINE_MAIL_*}.
 */
package org.openhotline.channels.internal.mail;
