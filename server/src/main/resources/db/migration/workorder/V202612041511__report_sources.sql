-- Read-only views the reporting module rebuilds its facts from (ADR 004): the work-order module's contract for
-- reports. Each column means what the matching WorkOrderEvents record carries.
create view rpt_source_order as
select o.id as order_id, o.number, o.channel, o.appeal_type, o.urgency, o.category_id, o.region_id, o.region_path,
       o.created_at,
       (select min(t.at) from wo_timeline t where t.work_order_id = o.id and t.action = 'direct-reply') as direct_reply_at,
       (select min(a.assigned_at) from wo_assignment a where a.work_order_id = o.id and a.role = 'MAIN'
                                                         and a.parent_id is null) as first_dispatched_at,
       o.closed_at, o.dissatisfied_count as reopen_count, o.urge_count
  from work_order o;

-- replied_at is the reply still standing: an assignment sent back to handling has none until it replies again.
create view rpt_source_assignment as
select a.id as assignment_id, a.work_order_id as order_id, a.unit_id, a.unit_path, a.role, a.assigned_at,
       a.sign_due_at, a.handle_due_at, a.signed_at,
       case when a.state = 'HANDLING' then null else a.replied_at end as replied_at
  from wo_assignment a;

-- Approved returns and extensions of each assignment, one row per decision.
create view rpt_source_assignment_decision as
select r.assignment_id, case r.kind when 'RETURN' then 'RETURN_APPROVED' else 'EXTENSION_APPROVED' end as kind,
       r.decided_at as at
  from wo_request r where r.state = 'APPROVED';

create view rpt_source_callback as
select work_order_id as order_id, at, resolved, satisfaction from wo_callback;
