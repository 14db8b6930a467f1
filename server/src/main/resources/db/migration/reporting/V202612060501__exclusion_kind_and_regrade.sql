-- An upheld appeal's kind and, for a dissatisfied callback, the grade the decision gave it (改判). A row with a
-- regrade does not take the callback out of `satisfaction`: the callback counts with the decided grade. The kind lets
-- an upheld MISDIRECTED appeal (the order was not the unit's duty) count against 转办准确率 / 一次派单准确率.
alter table rpt_exclusion add column kind varchar(30), add column regrade varchar(20);
update rpt_exclusion set kind = case kpi_code when 'satisfaction' then 'DISSATISFIED_CALLBACK'
                                              when 'completion-on-time' then 'MISDIRECTED'
                                              when 'sign-timeliness' then 'LATE_SIGN' end;
create index rpt_exclusion_kind on rpt_exclusion (order_id, kind);
