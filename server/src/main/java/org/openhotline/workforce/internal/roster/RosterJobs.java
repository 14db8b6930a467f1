package org.openhotline.workforce.internal.roster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.openhotline.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Roster generation as a background job (自动排班任务): the solve takes up to {@code roster-solve-seconds}, far too long
 * for an HTTP request, so the screen starts a job, polls its progress (time spent of the limit, the best score so
 * far) and may cancel it — the solver stops at once and nothing is saved. One job at a time: the machine's cores are
 * shared with the telephony engine. Jobs live in memory; a restart forgets them (a roster is saved only when done).
 */
@Service
public class RosterJobs {

    private static final Logger log = LoggerFactory.getLogger(RosterJobs.class);

    public enum Status { RUNNING, DONE, FAILED, CANCELLED }

    public record JobView(long id, String month, Status status, Instant startedAt, long elapsedMillis, long limitMillis,
                          String bestScore, Long rosterId, String error) {}

    private static final class Job {
        final long id;
        final LocalDate month;
        final Instant startedAt;
        volatile Status status = Status.RUNNING;
        volatile String bestScore;
        volatile Long rosterId;
        volatile String error;
        volatile Instant endedAt;
        volatile Runnable stop;
        volatile boolean cancelled;

        Job(long id, LocalDate month, Instant startedAt) {
            this.id = id;
            this.month = month;
            this.startedAt = startedAt;
        }
    }

    private final Rosters rosters;
    private final Clock clock;
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    RosterJobs(Rosters rosters, Clock clock) {
        this.rosters = rosters;
        this.clock = clock;
    }

    public synchronized JobView start(LocalDate month, long by) {
        if (jobs.values().stream().anyMatch(j -> j.status == Status.RUNNING)) {
            throw DomainException.conflict("已有自动排班任务在运行，请等待完成或取消后再试");
        }
        var problem = rosters.problem(month); // bad input (no agents) is answered now, not by the job
        Job job = new Job(ids.incrementAndGet(), problem.firstDay(), clock.instant());
        jobs.put(job.id, job);
        Thread.ofVirtual().name("roster-job-" + job.id).start(() -> run(job, problem, by));
        return view(job);
    }

    public JobView get(long id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw DomainException.notFound("排班任务不存在（服务重启后任务记录会清除）");
        }
        return view(job);
    }

    public JobView cancel(long id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw DomainException.notFound("排班任务不存在（服务重启后任务记录会清除）");
        }
        if (job.status != Status.RUNNING) {
            throw DomainException.conflict("该排班任务已结束");
        }
        job.cancelled = true;
        Runnable stop = job.stop;
        if (stop != null) {
            stop.run();
        }
        return view(job);
    }

    private void run(Job job, RosterSolver.Problem problem, long by) {
        try {
            var solution = RosterSolver.solve(problem, rosters.solveLimit(), new RosterSolver.Progress() {
                @Override
                public void started(Runnable stop) {
                    job.stop = stop;
                    if (job.cancelled) {
                        stop.run();
                    }
                }

                @Override
                public void improved(String score) {
                    job.bestScore = score;
                    if (job.cancelled && job.stop != null) {
                        job.stop.run(); // a cancel that came before the solver listened
                    }
                }
            });
            job.bestScore = solution.score();
            if (job.cancelled) {
                job.status = Status.CANCELLED;
            } else {
                job.rosterId = rosters.save(problem, solution, by);
                job.status = Status.DONE;
            }
        } catch (RuntimeException e) {
            log.warn("roster job {} failed", job.id, e);
            job.error = e instanceof DomainException ? e.getMessage() : "排班求解失败，请查看服务日志";
            job.status = Status.FAILED;
        } finally {
            job.endedAt = clock.instant();
        }
    }

    private JobView view(Job job) {
        Instant end = job.endedAt != null ? job.endedAt : clock.instant();
        return new JobView(job.id, job.month.toString().substring(0, 7), job.status, job.startedAt,
                Math.max(0, Duration.between(job.startedAt, end).toMillis()), rosters.solveLimit().toMillis(), job.bestScore,
                job.rosterId, job.error);
    }
}
