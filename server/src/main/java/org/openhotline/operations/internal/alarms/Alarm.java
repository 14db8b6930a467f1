package org.openhotline.operations.internal.alarms;

import java.time.Instant;
import org.openhotline.shared.DomainException;

/**
 * An alarm of one rule on one subject. It clears by itself when the measure recovers; a person acknowledges it
 * (while it lasts or after) and closes it with a note once it has cleared — an alarm still going on cannot be closed,
 * or the fault would vanish from the console while it lasts.
 */
public record Alarm(long id, long ruleId, String metric, String subject, String name, Severity severity, double value,
                    double threshold, Instant raisedAt, Instant clearedAt, Instant ackedAt, String ackedBy, String ackNote,
                    Instant closedAt, String closedBy, String closeNote, int version) {

    public String state() {
        if (closedAt != null) return "CLOSED";
        if (clearedAt != null) return "CLEARED";
        return ackedAt != null ? "ACKED" : "ACTIVE";
    }

    public Alarm acknowledge(String by, String note, Instant now) {
        if (closedAt != null) {
            throw DomainException.conflict("告警已关闭，不能再确认");
        }
        if (ackedAt != null) {
            throw DomainException.conflict("告警已由 " + ackedBy + " 确认");
        }
        return new Alarm(id, ruleId, metric, subject, name, severity, value, threshold, raisedAt, clearedAt, now, by,
                note(note), closedAt, closedBy, closeNote, version);
    }

    public Alarm close(String by, String note, Instant now) {
        if (closedAt != null) {
            throw DomainException.conflict("告警已关闭");
        }
        if (clearedAt == null) {
            throw DomainException.conflict("告警仍在持续，恢复后才能关闭；可先确认告警");
        }
        String n = note(note);
        if (n == null) {
            throw DomainException.invalid("关闭告警需填写处理说明");
        }
        return new Alarm(id, ruleId, metric, subject, name, severity, value, threshold, raisedAt, clearedAt, ackedAt,
                ackedBy, ackNote, now, by, n, version);
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.strip().length() > 500) {
            throw DomainException.invalid("说明最长 500 个字");
        }
        return note.strip();
    }
}
