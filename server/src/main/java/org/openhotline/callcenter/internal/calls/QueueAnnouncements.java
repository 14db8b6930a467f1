package org.openhotline.callcenter.internal.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.openhotline.callcenter.internal.acd.Acd;
import org.openhotline.callcenter.internal.acd.SkillGroups;
import org.openhotline.callcenter.internal.engine.Switchboard;
import org.openhotline.telephony.LegId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells a queued caller where they stand: "您前面还有 N 位，预计等待 M 分钟", assembled from prompt pieces
 * (numbers are spoken the Chinese way: 两, 十二, 二十三), on joining the queue and then
 * {@code announce_interval_s} of the skill group after the previous one ended. The hold music pauses for it
 * and resumes after. A caller whose call is ringing an agent hears no announcement.
 */
@Component
class QueueAnnouncements {

    private static final Logger log = LoggerFactory.getLogger(QueueAnnouncements.class);
    /** Handle time assumed before the group has answered calls today. */
    static final Duration DEFAULT_HANDLE_TIME = Duration.ofMinutes(3);

    private final Map<String, ScheduledFuture<?>> running = new ConcurrentHashMap<>();
    private final SkillGroups groups;
    private final Acd acd;
    private final Switchboard runtime;
    private final ScheduledExecutorService scheduler;
    private final JdbcClient jdbc;
    private final Clock clock;

    QueueAnnouncements(SkillGroups groups, Acd acd, Switchboard runtime,
                       ScheduledExecutorService callCenterScheduler, JdbcClient jdbc, Clock clock) {
        this.groups = groups;
        this.acd = acd;
        this.runtime = runtime;
        this.scheduler = callCenterScheduler;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The call joined a group's queue (again): announcements start now if the group has them. */
    void queued(String callId, long groupId) {
        left(callId);
        Integer every = groups.find(groupId).map(SkillGroups.Row::announceIntervalS).orElse(null);
        if (every == null || every <= 0) {
            return;
        }
        running.put(callId, scheduler.schedule(() -> announce(callId, groupId, every), 0, TimeUnit.SECONDS));
    }

    /** The call was answered or ended: no more announcements. */
    void left(String callId) {
        ScheduledFuture<?> f = running.remove(callId);
        if (f != null) {
            f.cancel(false);
        }
    }

    /** Plays one announcement; the next follows {@code every} seconds after it ended (music in between). */
    private void announce(String callId, long groupId, int every) {
        CompletableFuture<Boolean> last = CompletableFuture.completedFuture(true);
        try {
            int position = acd.position(callId);
            if (position > 0) { // else ringing an agent, or gone
                Duration wait = acd.expectedWait(callId, averageHandleTime(groupId));
                long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
                LegId leg = new LegId(callId);
                for (String prompt : pieces(position - 1, minutes)) {
                    last = runtime.engine().play(leg, prompt);
                }
            }
        } catch (IllegalArgumentException gone) {
            left(callId);
            return;
        } catch (RuntimeException e) {
            log.warn("Queue announcement for call {} failed: {}", callId, e.toString());
        }
        last.whenComplete((done, error) -> running.computeIfPresent(callId,
                (id, previous) -> scheduler.schedule(() -> announce(callId, groupId, every), every, TimeUnit.SECONDS)));
    }

    private Duration averageHandleTime(long groupId) {
        OffsetDateTime dayStart = LocalDate.now(clock).atStartOfDay(clock.getZone()).toOffsetDateTime();
        Double seconds = jdbc.sql("""
                select avg(extract(epoch from ended_at - answered_at))::float8 from cc_call
                 where group_id = ? and answered_at >= ? and ended_at is not null""")
                .params(groupId, dayStart).query(Double.class).optional().orElse(null);
        return seconds == null || seconds < 1 ? DEFAULT_HANDLE_TIME : Duration.ofSeconds(Math.round(seconds));
    }

    /** 您前面还有 {ahead} 位，预计等待 {minutes} 分钟, as prompt names. */
    static List<String> pieces(long ahead, long minutes) {
        List<String> p = new ArrayList<>(List.of("queue-ahead"));
        p.addAll(number(ahead));
        p.addAll(List.of("queue-people", "queue-wait"));
        p.addAll(number(minutes));
        p.add("queue-minutes");
        return p;
    }

    /** A count before a measure word, 0–99 (more is said as 99): 两 for 2, 十二, 二十, 二十三. */
    static List<String> number(long n) {
        int v = (int) Math.max(0, Math.min(99, n));
        if (v == 2) {
            return List.of("num-liang");
        }
        if (v <= 10) {
            return List.of("num-" + v);
        }
        if (v < 20) {
            return List.of("num-10", "num-" + (v - 10));
        }
        List<String> p = new ArrayList<>(List.of("num-" + v / 10, "num-10"));
        if (v % 10 != 0) {
            p.add("num-" + v % 10);
        }
        return p;
    }
}
