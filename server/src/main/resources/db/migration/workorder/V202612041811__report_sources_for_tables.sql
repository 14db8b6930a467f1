-- More of the work-order module's contract for reports (ADR 004): when an order became difficult or supervised,
-- the reason of an approved return, the lights orders got (from the timeline LightWatch writes with each
-- WorkOrderLightChanged) and the names of the categories. Columns are appended: the views keep their old columns.
create or replace view rpt_source_order as
select o.id as order_id, o.number, o.channel, o.appeal_type, o.urgency, o.category_id, o.region_id, o.region_path,
       o.created_at,
       (select min(t.at) from wo_timeline t where t.work_order_id = o.id and t.action = 'direct-reply') as direct_reply_at,
       (select min(a.assigned_at) from wo_assignment a where a.work_order_id = o.id and a.role = 'MAIN'
                                                         and a.parent_id is null) as first_dispatched_at,
       o.closed_at, o.dissatisfied_count as reopen_count, o.urge_count,
       (select min(t.at) from wo_timeline t where t.work_order_id = o.id and t.action = 'difficult') as difficult_at,
       (select min(t.at) from wo_timeline t where t.work_order_id = o.id and t.action = 'supervised') as supervised_at
  from work_order o;

create or replace view rpt_source_assignment_decision as
select r.assignment_id, case r.kind when 'RETURN' then 'RETURN_APPROVED' else 'EXTENSION_APPROVED' end as kind,
       r.decided_at as at, case r.kind when 'RETURN' then r.reason end as reason
  from wo_request r where r.state = 'APPROVED';

create view rpt_source_light as
select distinct work_order_id as order_id, details ->> 'stage' as stage,
       case action when 'light-red' then 'RED' else 'YELLOW' end as light, at
  from wo_timeline where action in ('light-red', 'light-yellow');

create view rpt_source_category as
select id as category_id, name, path from wo_category;
