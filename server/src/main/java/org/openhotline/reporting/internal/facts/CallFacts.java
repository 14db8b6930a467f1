package org.openhotline.reporting.internal.facts;

import java.sql.Timestamp;
import org.openhotline.callcenter.AgentStateRecorded;
import org.openhotline.callcenter.CallEvents.CallAnswered;
import org.openhotline.callcenter.CallEvents.CallArrived;
import org.openhotline.callcenter.CallEvents.CallEnded;
import org.openhotline.callcenter.CallEvents.CallPlaced;
import org.openhotline.callcenter.CallEvents.CallEvent;
import org.openhotline.callcenter.CallEvents.CallOffered;
import org.openhotline.callcenter.CallEvents.CallQueued;
import org.openhotline.callcenter.CallEvents.SurveyAnswered;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code rpt_call_fact} and {@code rpt_agent_state_fact} from the call center's events. Events of one call
 * may arrive in any order and more than once: each write is an upsert whose result does not depend on the order
 * (first times by {@code least}, latest values by comparing the events' own times).
 */
@Component
class CallFacts {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CallFacts(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    private void changed() {
        events.publishEvent(new FactsChanged("CALL"));
    }

    @ApplicationModuleListener
    void on(CallEvent event) {
        Timestamp at = Timestamp.from(event.at());
        switch (event) {
            case CallArrived e -> jdbc.sql("""
                    insert into rpt_call_fact (call_id, direction, arrived_at) values (?, ?, ?)
                    on conflict (call_id) do update set direction = excluded.direction,
                        arrived_at = least(rpt_call_fact.arrived_at, excluded.arrived_at)""")
                    .params(e.callId(), e.direction(), at).update();
            case CallQueued e -> {
                VoicemailFacts.lockCall(jdbc, e.callId());
                jdbc.sql("""
                    insert into rpt_call_fact (call_id, queued_at, group_id, group_at) values (?, ?, ?, ?)
                    on conflict (call_id) do update set queued_at = least(rpt_call_fact.queued_at, excluded.queued_at),
                        group_id = case when rpt_call_fact.group_at > excluded.group_at then rpt_call_fact.group_id else excluded.group_id end,
                        group_at = greatest(rpt_call_fact.group_at, excluded.group_at)""")
                    .params(e.callId(), at, e.groupId(), at).update();
                // a voicemail whose event came first learns its skill group now
                jdbc.sql("update rpt_voicemail_fact set group_id = ? where call_id = ? and group_id is null")
                        .params(e.groupId(), e.callId()).update();
            }
            case CallOffered e -> jdbc.sql("""
                    insert into rpt_call_fact (call_id, offered_at, group_id, group_at, agent_id, agent_at) values (?, ?, ?, ?, ?, ?)
                    on conflict (call_id) do update set offered_at = greatest(rpt_call_fact.offered_at, excluded.offered_at),
                        group_id = case when rpt_call_fact.group_at > excluded.group_at then rpt_call_fact.group_id else excluded.group_id end,
                        group_at = greatest(rpt_call_fact.group_at, excluded.group_at),
                        agent_id = case when rpt_call_fact.agent_at > excluded.agent_at then rpt_call_fact.agent_id else excluded.agent_id end,
                        agent_at = greatest(rpt_call_fact.agent_at, excluded.agent_at)""")
                    .params(e.callId(), at, e.groupId(), at, e.agentId(), at).update();
            case CallPlaced e -> jdbc.sql("""
                    insert into rpt_call_fact (call_id, agent_id, agent_at) values (?, ?, ?)
                    on conflict (call_id) do update set
                        agent_id = case when rpt_call_fact.agent_at > excluded.agent_at then rpt_call_fact.agent_id else excluded.agent_id end,
                        agent_at = greatest(rpt_call_fact.agent_at, excluded.agent_at)""")
                    .params(e.callId(), e.agentId(), at).update();
            case CallAnswered e -> jdbc.sql("""
                    insert into rpt_call_fact (call_id, answered_at, agent_id, agent_at) values (?, ?, ?, ?)
                    on conflict (call_id) do update set answered_at = greatest(rpt_call_fact.answered_at, excluded.answered_at),
                        agent_id = case when rpt_call_fact.agent_at > excluded.agent_at then rpt_call_fact.agent_id else excluded.agent_id end,
                        agent_at = greatest(rpt_call_fact.agent_at, excluded.agent_at)""")
                    .params(e.callId(), at, e.agentId(), at).update();
            case CallEnded e -> jdbc.sql("""
                    insert into rpt_call_fact (call_id, ended_at, abandon_point) values (?, ?, ?)
                    on conflict (call_id) do update set ended_at = least(rpt_call_fact.ended_at, excluded.ended_at),
                        abandon_point = coalesce(rpt_call_fact.abandon_point, excluded.abandon_point)""")
                    .params(e.callId(), at, e.abandonPoint()).update();
            case SurveyAnswered e -> jdbc.sql("""
                    insert into rpt_call_fact (call_id, satisfaction, satisfaction_at) values (?, ?, ?)
                    on conflict (call_id) do update set
                        satisfaction = case when rpt_call_fact.satisfaction_at > excluded.satisfaction_at then rpt_call_fact.satisfaction else excluded.satisfaction end,
                        satisfaction_at = greatest(rpt_call_fact.satisfaction_at, excluded.satisfaction_at)""")
                    .params(e.callId(), e.score(), at).update();
        }
        changed();
    }

    /**
     * A state ends where the agent's next one starts: the new row takes its end from a later state already here (events
     * may come late or twice) and closes the agent's previous state. The agent's lock keeps two of its states arriving
     * at once from each missing the other.
     */
    @ApplicationModuleListener
    void on(AgentStateRecorded event) {
        Timestamp at = Timestamp.from(event.at());
        jdbc.sql("select pg_advisory_xact_lock(hashtext('rpt_agent_state_fact'), hashtext(?::text))")
                .param(event.accountId()).query().singleRow();
        int inserted = jdbc.sql("""
                insert into rpt_agent_state_fact (account_id, started_at, state, ended_at, next_state)
                select :account, :at, :state, n.started_at, n.state
                  from (select 1) one
                  left join lateral (select f.started_at, f.state from rpt_agent_state_fact f
                                      where f.account_id = :account and f.started_at > :at
                                      order by f.started_at limit 1) n on true
                on conflict (account_id, started_at) do nothing""")
                .param("account", event.accountId()).param("at", at).param("state", event.state().name()).update();
        if (inserted > 0) {
            jdbc.sql("""
                    update rpt_agent_state_fact p set ended_at = :at, next_state = :state
                     where p.account_id = :account
                       and p.started_at = (select max(f.started_at) from rpt_agent_state_fact f
                                            where f.account_id = :account and f.started_at < :at)""")
                    .param("account", event.accountId()).param("at", at).param("state", event.state().name()).update();
        }
        changed();
    }
}
