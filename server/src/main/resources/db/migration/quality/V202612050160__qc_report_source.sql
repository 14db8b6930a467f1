-- QC results for reporting's rebuild command (ADR 004 §7): what quality's InspectionScored events say, read from the
-- inspections themselves — one row per scored inspection (not calibration sheets), the score of its last step
-- (a second inspection's time when reviewed) and the keys of the items that lost points or were hit as fatal,
-- sorted byte-wise as the event lists them.
create view rpt_source_qc as
select i.id as inspection_id, i.call_id, i.order_id, i.agent_id, i.score, i.fatal,
       coalesce(i.reviewed_at, i.submitted_at) as scored_at,
       array(select e.key from jsonb_each(i.answers) e
              where coalesce((e.value ->> 'deduction')::numeric, 0) > 0 or coalesce((e.value ->> 'fatal')::boolean, false)
              order by e.key collate "C")::varchar(40)[] as lost_items
  from qc_inspection i
 where i.calibration_id is null and i.submitted_at is not null and i.score is not null;
