import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.internal.acd.Acd;
import org.openhotline.callcenter.internal.acd.AcdDecision;
import org.openhotline.callcenter.internal.acd.RoutingStrategy;
import org.openhotline.callcenter.internal.acd.SkillGroup;
import org.openhotline.callcenter.internal.acd.Timers;
import org.openhotline.callcenter.internal.acd.WaitingCall;

/**
 * Routing decision latency of the event-driven ACD against a 100 ms polling dispatcher (the design of
 * FreeSWITCH's mod_callcenter), both fed the same load: 268 agents in 5 skill groups and 512 calls in the
 * system at any time (seed 004). Latency is measured from the moment a call and a ready agent could first be
 * matched (the later of "call queued" and "agent became ready") to the moment the call is offered.
 * Talk times are shortened (0.3–1.2 s) so that a 20-second run makes tens of thousands of decisions.
 */
public class AcdBench {

    static final int AGENTS = 268, CONCURRENT_CALLS = 512, GROUPS = 5;
    static final long RUN_MS = Long.getLong("runMs", 20_000);

    interface Router {
        void defineGroup(SkillGroup g);
        void defineAgent(long id, Map<Long, Integer> skills);
        void ready(long agentId);
        void enqueue(WaitingCall call);
        void answered(String callId, long agentId);
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("load: %d agents, %d concurrent calls, %d skill groups, %d s per run%n", AGENTS, CONCURRENT_CALLS, GROUPS, RUN_MS / 1000);
        run("event-driven ACD (OpenHotline)", EventDriven::new);
        run("polling every 100 ms (baseline)", Polling::new);
    }

    /** Feeds the router a closed loop of 512 calls; each answered call ends after a talk time, a new one arrives. */
    static void run(String name, java.util.function.Function<Consumer<Offer>, Router> factory) throws Exception {
        Random random = new Random(42);
        List<Long> latenciesNanos = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> queuedAt = new ConcurrentHashMap<>();
        Map<Long, Long> readyAt = new ConcurrentHashMap<>();
        ScheduledExecutorService world = Executors.newScheduledThreadPool(2);
        Router[] router = new Router[1];
        long[] seq = {0};
        Runnable[] newCall = new Runnable[1];
        Consumer<Offer> onOffer = offer -> {
            long now = System.nanoTime();
            Long q = queuedAt.remove(offer.callId());
            Long r = readyAt.remove(offer.agentId());
            if (q != null && r != null) {
                latenciesNanos.add(now - Math.max(q, r));
            }
            // the agent answers after a short ring, talks, and is ready again after after-call work
            world.schedule(() -> router[0].answered(offer.callId(), offer.agentId()), 20, TimeUnit.MILLISECONDS);
            long talk = 300 + random.nextInt(900);
            world.schedule(() -> {
                newCall[0].run();
                readyAt.put(offer.agentId(), System.nanoTime());
                router[0].ready(offer.agentId());
            }, talk, TimeUnit.MILLISECONDS);
        };
        router[0] = factory.apply(onOffer);
        for (long g = 1; g <= GROUPS; g++) {
            router[0].defineGroup(new SkillGroup(g, "g" + g, "组" + g, RoutingStrategy.LONGEST_IDLE, null, null,
                    java.time.Duration.ofSeconds(15), java.time.Duration.ofHours(1)));
        }
        for (long a = 1; a <= AGENTS; a++) {
            Map<Long, Integer> skills = new HashMap<>();
            skills.put(1 + (a % GROUPS), 1 + (int) (a % 5));
            skills.put(1 + ((a + 2) % GROUPS), 1 + (int) ((a + 1) % 5));
            router[0].defineAgent(a, skills);
        }
        newCall[0] = () -> {
            String id;
            synchronized (seq) {
                id = "c" + (++seq[0]);
            }
            queuedAt.put(id, System.nanoTime());
            router[0].enqueue(new WaitingCall(id, "138" + id, 1 + random.nextInt(GROUPS), random.nextInt(10) == 0 ? 10 : 0, Instant.now()));
        };
        for (long a = 1; a <= AGENTS; a++) {
            readyAt.put(a, System.nanoTime());
            router[0].ready(a);
        }
        for (int i = 0; i < CONCURRENT_CALLS; i++) {
            newCall[0].run();
        }
        Thread.sleep(RUN_MS);
        world.shutdownNow();
        if (router[0] instanceof AutoCloseable c) {
            c.close();
        }
        List<Long> sorted = new ArrayList<>(latenciesNanos);
        Collections.sort(sorted);
        System.out.printf("%-36s decisions %7d   p50 %8.3f ms   p99 %8.3f ms   max %8.3f ms%n", name, sorted.size(),
                pct(sorted, 0.50), pct(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.getLast() / 1e6);
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }

    record Offer(String callId, long agentId) {}

    /** OpenHotline's ACD, unchanged: decisions at the moment of the event. */
    static final class EventDriven implements Router, AutoCloseable {
        final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        final Acd acd;

        EventDriven(Consumer<Offer> offers) {
            Clock clock = Clock.systemUTC();
            Timers t = (when, task) -> {
                var f = timers.schedule(task, Math.max(0, when.toEpochMilli() - clock.millis()), TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            };
            acd = new Acd(clock, t, d -> {
                if (d instanceof AcdDecision.Offer o) {
                    offers.accept(new Offer(o.call().callId(), o.agentId()));
                }
            });
        }

        public void defineGroup(SkillGroup g) { acd.defineGroup(g); }
        public void defineAgent(long id, Map<Long, Integer> skills) { acd.defineAgent(id, String.format("%04d", id), skills); }
        public void ready(long agentId) { acd.agentState(agentId, AgentState.READY); }
        public void enqueue(WaitingCall call) { acd.enqueue(call); }
        public void answered(String callId, long agentId) { acd.answered(callId); }
        public void close() { timers.shutdownNow(); }
    }

    /** The baseline: calls and ready agents are only matched when a 100 ms timer scans the queues. */
    static final class Polling implements Router, AutoCloseable {
        final Map<Long, Map<Long, Integer>> skills = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Long> readyAgents = new ConcurrentLinkedQueue<>();
        final List<WaitingCall> waiting = Collections.synchronizedList(new ArrayList<>());
        final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        final Consumer<Offer> offers;

        Polling(Consumer<Offer> offers) {
            this.offers = offers;
            poller.scheduleAtFixedRate(this::scan, 100, 100, TimeUnit.MILLISECONDS);
        }

        void scan() {
            synchronized (waiting) {
                waiting.sort(java.util.Comparator.comparingInt(WaitingCall::priority).reversed().thenComparing(WaitingCall::since));
                var it = waiting.iterator();
                while (it.hasNext()) {
                    WaitingCall call = it.next();
                    Long agent = readyAgents.stream().filter(a -> skills.get(a).containsKey(call.groupId())).findFirst().orElse(null);
                    if (agent != null && readyAgents.remove(agent)) {
                        it.remove();
                        offers.accept(new Offer(call.callId(), agent));
                    }
                }
            }
        }

        public void defineGroup(SkillGroup g) { }
        public void defineAgent(long id, Map<Long, Integer> s) { skills.put(id, s); }
        public void ready(long agentId) { readyAgents.add(agentId); }
        public void enqueue(WaitingCall call) { waiting.add(call); }
        public void answered(String callId, long agentId) { }
        public void close() { poller.shutdownNow(); }
    }
}
