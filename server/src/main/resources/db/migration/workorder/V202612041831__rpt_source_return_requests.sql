-- Reporting's 及时退单率 (return-timeliness) needs when a unit asked to return an assignment, not only when the
-- return was approved: every return request is now a decision row of kind RETURN_REQUESTED (ReturnRequested event).
-- The columns stay those of V202612041811 (a view may only gain columns): a request has no approved reason yet.
create or replace view rpt_source_assignment_decision as
select r.assignment_id, case r.kind when 'RETURN' then 'RETURN_APPROVED' else 'EXTENSION_APPROVED' end as kind,
       r.decided_at as at, case r.kind when 'RETURN' then r.reason end as reason
  from wo_request r where r.state = 'APPROVED'
union all
select r.assignment_id, 'RETURN_REQUESTED' as kind, r.requested_at as at, null::text as reason
  from wo_request r where r.kind = 'RETURN';
