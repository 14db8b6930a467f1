package org.openhotline.notification.internal.outbox;

/** Why a message is sent; verification codes were asked for, so opt-out and rate limits do not hold them back. */
public enum Purpose {
    RECEIPT, REPLY, SURVEY, REMINDER, CODE, ANSWER, ALARM;

    boolean requested() {
        return this == CODE || this == ALARM; // an operator's alarm is never opted out or rate limited
    }
}
