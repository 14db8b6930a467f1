-- Read-only views the reporting module rebuilds its facts from (ADR 004): the call center's contract for reports.
-- Change them together with cc_call / cc_agent_state_log; reporting reads nothing else of this module's tables.
create view rpt_source_call as
select id as call_id, direction, arrived_at, queued_at, group_id, offered_at, agent_id, answered_at, ended_at,
       abandon_point, satisfaction
  from cc_call;

create view rpt_source_agent_state as
select account_id, state, started_at from cc_agent_state_log;
