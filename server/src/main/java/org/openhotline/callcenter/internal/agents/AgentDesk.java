package org.openhotline.callcenter.internal.agents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.AgentStateChanged;
import org.openhotline.callcenter.internal.acd.Acd;
import org.openhotline.callcenter.internal.acd.Timers;
import org.openhotline.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Agent states (坐席状态): what an agent chooses at the phone bar, what a team leader forces, and what calls
 * do to them. Every change is logged with its time, shown on the seat wall, told to the ACD (a READY agent is
 * offered a waiting call at once) and published as {@link AgentStateChanged}.
 */
@Service
public class AgentDesk {

    static final Set<String> BREAK_REASONS = Set.of("就餐", "休息", "培训", "会议", "如厕", "其他");

    private final AgentRoster roster;
    private final AgentStateLog log;
    private final SeatBoard board;
    private final Acd acd;
    private final Timers timers;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    AgentDesk(AgentRoster roster, AgentStateLog log, SeatBoard board, Acd acd, Timers timers, Clock clock,
              ApplicationEventPublisher events, TransactionTemplate tx) {
        this.roster = roster;
        this.log = log;
        this.board = board;
        this.acd = acd;
        this.timers = timers;
        this.clock = clock;
        this.events = events;
        this.tx = tx;
    }

    /** Sign in at an extension (签入): the agent starts not ready, then shows ready when set. */
    /** One lock per agent: agents change state in parallel, one agent's changes happen one at a time. */
    private final java.util.concurrent.ConcurrentHashMap<Long, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();

    private Object lockOf(long accountId) {
        return locks.computeIfAbsent(accountId, k -> new Object());
    }

    public SeatBoard.Seat signIn(long accountId, String extension, String by) {
        synchronized (lockOf(accountId)) {
            return signInLocked(accountId, extension, by);
        }
    }

    private SeatBoard.Seat signInLocked(long accountId, String extension, String by) {
        AgentRoster.Agent agent = agent(accountId);
        if (board.of(accountId).state() != AgentState.SIGNED_OUT) {
            throw DomainException.conflict("您已签入，无需重复签入");
        }
        String ext = extension == null || extension.isBlank() ? agent.extension() : extension.trim();
        if (ext == null || ext.isBlank()) {
            throw DomainException.invalid("请填写分机号");
        }
        return move(agent, AgentState.NOT_READY, "签入", by, ext, null, null);
    }

    /** A state the agent picks at the phone bar, or a team leader forces ({@code forced}). */
    public SeatBoard.Seat choose(long accountId, AgentState target, String reason, String by, boolean forced) {
        synchronized (lockOf(accountId)) {
            return chooseLocked(accountId, target, reason, by, forced);
        }
    }

    private SeatBoard.Seat chooseLocked(long accountId, AgentState target, String reason, String by, boolean forced) {
        AgentRoster.Agent agent = agent(accountId);
        SeatBoard.Seat current = board.of(accountId);
        if (!target.chosenByAgent()) {
            throw DomainException.invalid("「" + target.label() + "」状态由通话自动切换，不能手动选择");
        }
        if (current.state() == target) {
            return current;
        }
        if (current.state().onCall()) {
            throw DomainException.conflict("通话中不能切换为「" + target.label() + "」，请先结束通话");
        }
        if (current.state() == AgentState.SIGNED_OUT) {
            throw DomainException.conflict(forced ? "该坐席尚未签入" : "请先签入");
        }
        if (target == AgentState.BREAK && (reason == null || !BREAK_REASONS.contains(reason))) {
            throw DomainException.invalid("请选择小休原因：" + String.join("、", BREAK_REASONS.stream().sorted().toList()));
        }
        String why = forced ? "班长强制" + (reason == null ? "" : "：" + reason) : reason;
        String extension = target == AgentState.SIGNED_OUT ? null : current.extension();
        return move(agent, target, why, by, extension, null, null);
    }

    /** A call moved the agent (ringing, talking, held, after-call work); no rules, the call decides. */
    public void byCall(long accountId, AgentState state, String callId, String caller, Duration afterCallWork) {
        synchronized (lockOf(accountId)) {
            byCallLocked(accountId, state, callId, caller, afterCallWork);
        }
    }

    private void byCallLocked(long accountId, AgentState state, String callId, String caller, Duration afterCallWork) {
        AgentRoster.Agent agent = agent(accountId);
        SeatBoard.Seat current = board.of(accountId);
        move(agent, state, null, "system", current.extension(), state.onCall() ? callId : null,
                state.onCall() ? caller : null);
        if (state == AgentState.AFTER_CALL_WORK) {
            Instant since = board.of(accountId).since();
            timers.at(clock.instant().plus(afterCallWork), () -> afterCallWorkEnded(accountId, since));
        }
    }

    private void afterCallWorkEnded(long accountId, Instant since) {
        synchronized (lockOf(accountId)) {
            SeatBoard.Seat seat = board.of(accountId);
            if (seat.state() == AgentState.AFTER_CALL_WORK && since.equals(seat.since())) {
                move(agent(accountId), AgentState.READY, "整理结束", "system", seat.extension(), null, null);
            }
        }
    }

    private SeatBoard.Seat move(AgentRoster.Agent agent, AgentState to, String reason, String by, String extension,
                                String callId, String caller) {
        SeatBoard.Seat before = board.of(agent.accountId());
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> log.record(agent.accountId(), to, reason, by, now));
        // the ACD learns first: whoever sees 示闲 on a screen may rely on the next call being offered to it
        // (an offer made now is carried out after this move, under the same agent lock)
        acd.agentState(agent.accountId(), to);
        SeatBoard.Seat after = board.put(new SeatBoard.Seat(agent.accountId(), to, reason, now, extension, callId, caller));
        events.publishEvent(new AgentStateChanged(agent.accountId(), agent.agentNo(), before.state(), to, reason, by, now));
        return after;
    }

    private AgentRoster.Agent agent(long accountId) {
        return roster.find(accountId).filter(AgentRoster.Agent::enabled)
                .orElseThrow(() -> DomainException.notFound("该账号不是坐席，请联系管理员配置工号和技能"));
    }
}
