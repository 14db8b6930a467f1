package org.openhotline.operations.internal.alarms;

import java.time.Instant;
import org.openhotline.shared.DomainException;
import org.springframework.stereotype.Component;

/** What a person does with an alarm: acknowledge it, close it with a note — each against the version they saw. */
@Component
public class AlarmActions {

    private final Alarms alarms;

    AlarmActions(Alarms alarms) {
        this.alarms = alarms;
    }

    public Alarm acknowledge(long id, Integer version, String by, String note, Instant now) {
        Alarm a = current(id, version);
        Alarm acked = a.acknowledge(by, note, now);
        alarms.save(acked, version);
        return alarms.find(id);
    }

    public Alarm close(long id, Integer version, String by, String note, Instant now) {
        Alarm a = current(id, version);
        Alarm closed = a.close(by, note, now);
        alarms.save(closed, version);
        return alarms.find(id);
    }

    private Alarm current(long id, Integer version) {
        if (version == null) {
            throw DomainException.badRequest("缺少版本号（version）：请刷新后重试");
        }
        Alarm a = alarms.find(id);
        if (a.version() != version) {
            throw DomainException.conflict("该告警已被他人处理或已变化，请刷新后重试");
        }
        return a;
    }
}
