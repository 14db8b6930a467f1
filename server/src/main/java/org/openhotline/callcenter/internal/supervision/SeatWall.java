package org.openhotline.callcenter.internal.supervision;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.openhotline.callcenter.AgentStateChanged;
import org.openhotline.callcenter.internal.acd.Acd;
import org.openhotline.callcenter.internal.acd.SkillGroups;
import org.openhotline.callcenter.internal.agents.AgentRoster;
import org.openhotline.callcenter.internal.agents.SeatBoard;
import org.openhotline.callcenter.internal.teams.Teams;
import org.openhotline.identity.StaffDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The team leader's seat wall (坐席监控): every agent's state and time in state, current call, and queue boards
 * (waiting, longest wait, answered and abandoned today, live 20-second answer rate). Screens subscribe to a
 * server-sent event stream; each agent state change is pushed the moment it happens.
 */
@Component
public class SeatWall {

    /** One agent's tile; {@code version} orders tiles of one agent however they reach a screen (see SeatBoard). */
    record AgentTile(long accountId, String agentNo, String name, String state, String stateLabel, String reason,
                     Instant since, String extension, String caller, long version, Long teamId, String teamName,
                     int chats) {}

    /** One team's seats by state (班组合计); {@code teamId} null: agents in no team. */
    record TeamTotal(Long teamId, String name, int agents, Map<String, Long> byState) {}

    record QueueBoard(long groupId, String code, String name, int waiting, long longestWaitSeconds, long answeredToday,
                      long abandonedToday, Double answeredWithin20sRate, int chatsWaiting) {}

    record Snapshot(Instant at, List<AgentTile> agents, List<QueueBoard> queues, List<TeamTotal> teams) {}

    private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
    /** Which agents each screen may see (a team leader limited to its teams sees only theirs). */
    private final Map<SseEmitter, java.util.function.LongPredicate> visible = new java.util.concurrent.ConcurrentHashMap<>();
    private final Teams teams;
    /** Display names of agents, read once: the push path must not wait on a query per change. */
    private final Map<Long, String> names = new java.util.concurrent.ConcurrentHashMap<>();
    private final AgentRoster roster;
    private final SeatBoard board;
    private final SkillGroups groups;
    private final StaffDirectory staff;
    private final Acd acd;
    private final JdbcClient jdbc;
    private final Clock clock;

    SeatWall(AgentRoster roster, SeatBoard board, SkillGroups groups, StaffDirectory staff, Acd acd, JdbcClient jdbc,
             Clock clock, Teams teams) {
        this.teams = teams;
        this.roster = roster;
        this.board = board;
        this.groups = groups;
        this.staff = staff;
        this.acd = acd;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Snapshot snapshot() {
        return snapshot(id -> true, null);
    }

    /** The agents {@code visible} admits, of one team when {@code team} is given, with their teams' totals. */
    Snapshot snapshot(java.util.function.LongPredicate visible, Long team) {
        var agents = roster.all().stream().filter(a -> visible.test(a.accountId())).toList();
        Map<Long, String> names = staff.byIds(agents.stream().map(AgentRoster.Agent::accountId).toList()).stream()
                .collect(Collectors.toMap(StaffDirectory.Staff::accountId, StaffDirectory.Staff::displayName));
        Teams.Membership m = teams.membership();
        List<AgentTile> tiles = agents.stream().map(a -> tile(a, names.getOrDefault(a.accountId(), a.agentNo()), m))
                .filter(t -> team == null || team.equals(t.teamId()))
                .sorted(Comparator.comparing(AgentTile::agentNo)).toList();
        return new Snapshot(clock.instant(), tiles, queues(), totals(tiles));
    }

    private static List<TeamTotal> totals(List<AgentTile> tiles) {
        Map<Long, List<AgentTile>> byTeam = tiles.stream()
                .collect(Collectors.groupingBy(t -> t.teamId() == null ? -1L : t.teamId(), java.util.TreeMap::new, Collectors.toList()));
        return byTeam.values().stream().map(list -> new TeamTotal(list.get(0).teamId(),
                list.get(0).teamId() == null ? "未分组" : list.get(0).teamName(), list.size(),
                list.stream().collect(Collectors.groupingBy(AgentTile::state, java.util.TreeMap::new, Collectors.counting()))))
                .toList();
    }

    private AgentTile tile(AgentRoster.Agent a, String name, Teams.Membership m) {
        SeatBoard.Seat s = board.of(a.accountId());
        Long team = m.teamOfAgent().get(a.accountId());
        return new AgentTile(a.accountId(), a.agentNo(), name, s.state().name(), s.state().label(), s.reason(),
                s.since(), s.extension() == null ? a.extension() : s.extension(), s.caller(), s.version(), team,
                team == null ? null : m.names().get(team), acd.chatsOf(a.accountId()).size());
    }

    private List<QueueBoard> queues() {
        Instant now = clock.instant();
        OffsetDateTime dayStart = LocalDate.now(clock).atStartOfDay(clock.getZone()).toOffsetDateTime();
        Map<Long, long[]> today = jdbc.sql("""
                select group_id,
                       count(*) filter (where answered_at is not null),
                       count(*) filter (where abandon_point in ('QUEUE','RINGING')),
                       count(*) filter (where answered_at is not null and answered_at - queued_at <= interval '20 seconds'),
                       count(*) filter (where queued_at is not null)
                  from cc_call where arrived_at >= ? and group_id is not null group by group_id""")
                .param(dayStart)
                .query((rs, n) -> Map.entry(rs.getLong(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return groups.all().stream().map(g -> {
            var waiting = acd.waitingIn(g.id());
            long longest = waiting.stream().map(w -> Duration.between(w.since(), now).toSeconds()).max(Long::compare).orElse(0L);
            long[] t = today.getOrDefault(g.id(), new long[4]);
            Double rate = t[3] == 0 ? null : (double) t[2] / t[3];
            return new QueueBoard(g.id(), g.code(), g.name(), waiting.size(), longest, t[0], t[1], rate,
                    acd.chatsWaitingIn(g.id()));
        }).toList();
    }

    /**
     * Pushes the queue boards when a queue changed (a call queued, was answered or left). Bursts are coalesced:
     * at most one push per 100 ms, so that a flood of calls cannot flood the screens.
     */
    public void queuesChanged() {
        if (subscribers.isEmpty() || !queuePushPending.compareAndSet(false, true)) {
            return;
        }
        pusher.schedule(() -> {
            queuePushPending.set(false);
            var boards = queues();
            for (SseEmitter emitter : subscribers) {
                send(emitter, "queues", boards);
            }
        }, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private final java.util.concurrent.atomic.AtomicBoolean queuePushPending = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.ScheduledExecutorService pusher =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("seat-wall-push").daemon().factory());

    SseEmitter subscribe(java.util.function.LongPredicate visibleAgents) {
        SseEmitter emitter = new SseEmitter(Duration.ofHours(12).toMillis());
        visible.put(emitter, visibleAgents);
        subscribers.add(emitter);
        emitter.onCompletion(() -> forget(emitter));
        emitter.onTimeout(() -> forget(emitter));
        emitter.onError(e -> forget(emitter));
        send(emitter, "snapshot", snapshot(visibleAgents, null));
        return emitter;
    }

    /**
     * Pushes the tile of the state this event moved to. Listeners run while the agent's lock is held, so the
     * board holds exactly this change and its version; pushes of one agent leave in the order of its changes.
     */
    @EventListener
    void on(AgentStateChanged changed) {
        if (subscribers.isEmpty()) {
            return;
        }
        SeatBoard.Seat s = board.of(changed.accountId());
        String name = names.computeIfAbsent(changed.accountId(),
                id -> staff.byId(id).map(StaffDirectory.Staff::displayName).orElse(changed.agentNo()));
        boolean current = s.state() == changed.to();
        Teams.Membership m = teams.membership();
        Long team = m.teamOfAgent().get(changed.accountId());
        AgentTile tile = new AgentTile(changed.accountId(), changed.agentNo(), name, changed.to().name(),
                changed.to().label(), changed.reason(), changed.at(), s.extension(), current ? s.caller() : null,
                current ? s.version() : 0, team, team == null ? null : m.names().get(team),
                acd.chatsOf(changed.accountId()).size());
        for (SseEmitter emitter : subscribers) {
            if (visible.getOrDefault(emitter, id -> true).test(changed.accountId())) {
                send(emitter, "agent", tile);
            }
        }
    }

    /** The agent took or left a chat: its tile shows the chats it holds now (the state did not change). */
    public void chatsChanged(long accountId) {
        if (subscribers.isEmpty()) {
            return;
        }
        roster.find(accountId).ifPresent(a -> {
            String name = names.computeIfAbsent(accountId,
                    id -> staff.byId(id).map(StaffDirectory.Staff::displayName).orElse(a.agentNo()));
            AgentTile tile = tile(a, name, teams.membership());
            for (SseEmitter emitter : subscribers) {
                if (visible.getOrDefault(emitter, id -> true).test(accountId)) {
                    send(emitter, "agent", tile);
                }
            }
        });
        queuesChanged();
    }

    /**
     * Sends to one screen. Nothing may escape: pushes run inside the agent's state change (as an event listener),
     * and an exception there would stop the change half-way and keep the event from the listeners after this one.
     */
    private void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data));
        } catch (IOException | RuntimeException e) {
            // A screen that missed an event must not stay connected showing a stale wall: closing the stream
            // makes the browser reconnect, and a reconnect starts with a fresh snapshot.
            forget(emitter);
            try {
                emitter.completeWithError(e);
            } catch (RuntimeException alreadyClosed) {
                // nothing more to close
            }
        }
    }

    private void forget(SseEmitter emitter) {
        subscribers.remove(emitter);
        visible.remove(emitter);
    }
}
