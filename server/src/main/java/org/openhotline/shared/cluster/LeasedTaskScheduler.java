package org.openhotline.shared.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * A scheduler that runs each task only while this node holds the lease, under the lease's epoch (so
 * {@link LeaseFencing} fences its transactions). A task whose method is marked {@link EveryNode} runs as it is.
 * Spring names a {@code @Scheduled} task by its method ({@code org.example.Sweep.run}, through the task's
 * {@code toString}); that name is how the mark is found, once per task.
 */
final class LeasedTaskScheduler implements TaskScheduler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LeasedTaskScheduler.class);

    private final TaskScheduler delegate;
    private final SingletonLease lease;
    private final Map<String, Boolean> everyNode = new ConcurrentHashMap<>();

    LeasedTaskScheduler(TaskScheduler delegate, SingletonLease lease) {
        this.delegate = delegate;
        this.lease = lease;
    }

    Runnable leased(Runnable task) {
        if (runsOnEveryNode(task.toString())) {
            return new Runnable() {
                @Override
                public void run() {
                    quietWhileTheDatabaseIsAway(task);
                }

                @Override
                public String toString() {
                    return task.toString();
                }
            };
        }
        return new Runnable() {
            @Override
            public void run() {
                long epoch = lease.epoch();
                if (epoch != 0 && lease.held()) {
                    LeaseScope.run(epoch, () -> quietWhileTheDatabaseIsAway(task));
                }
            }

            @Override
            public String toString() {
                return task.toString();
            }
        };
    }

    /**
     * A job that fails because the database is away (a failover, a restart) is logged in one WARN line and runs again
     * at its next time, as it would anyway: the database drill logged every job's failure at ERROR with a stack trace
     * for the ~12 s of a failover, which reads like a defect to an operator. Any other failure goes on to the
     * scheduler's error handler (ERROR, with the trace).
     */
    private static void quietWhileTheDatabaseIsAway(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            if (!org.openhotline.shared.http.DatabaseOutage.is(e)) {
                throw e;
            }
            log.warn("Scheduled job {} did not run: the database is away ({}); it runs again at its next time", task,
                    rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    boolean runsOnEveryNode(String taskName) {
        return everyNode.computeIfAbsent(taskName, LeasedTaskScheduler::marked);
    }

    private static boolean marked(String taskName) {
        int dot = taskName.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String className = taskName.substring(0, dot);
        String method = taskName.substring(dot + 1);
        Class<?> type;
        try {
            type = ClassUtils.forName(className, LeasedTaskScheduler.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        AtomicBoolean found = new AtomicBoolean();
        ReflectionUtils.doWithMethods(type, m -> {
            if (m.getName().equals(method) && AnnotationUtils.findAnnotation(m, EveryNode.class) != null) {
                found.set(true);
            }
        });
        return found.get();
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
        return delegate.schedule(leased(task), trigger);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
        return delegate.schedule(leased(task), startTime);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
        return delegate.scheduleAtFixedRate(leased(task), startTime, period);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
        return delegate.scheduleAtFixedRate(leased(task), period);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
        return delegate.scheduleWithFixedDelay(leased(task), startTime, delay);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
        return delegate.scheduleWithFixedDelay(leased(task), delay);
    }
}
