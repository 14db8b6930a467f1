-- An upheld appeal against a dissatisfied callback may change the result instead of only excluding it (改判): the
-- grade the decision gives the callback. Null: the upheld appeal excludes the order from its KPI, as before.
alter table wo_appeal add column regrade varchar(20) check (regrade in ('SATISFIED', 'BASICALLY_SATISFIED'));
alter table wo_appeal add constraint wo_appeal_regrade_kind
    check (regrade is null or (kind = 'DISSATISFIED_CALLBACK' and state = 'UPHELD'));

-- The rebuild gets the appeal's kind (a judged misdirection counts against dispatch accuracy) and the regrade.
create or replace view rpt_source_exclusion as
select id as appeal_id, work_order_id as order_id, unit_id, kpi_code, decision_note as reason, decided_by,
       decided_at as at, kind, regrade
  from wo_appeal where state = 'UPHELD';
