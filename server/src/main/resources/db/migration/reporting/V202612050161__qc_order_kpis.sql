-- Work-order QC feeds two KPIs (issue 12): the items a result lost are kept with it, and 工单填写准确率 /
-- 一次派单准确率 count the work-order inspections whose 'content' / 'dispatch' item (the seeded 工单质检模板's keys)
-- lost nothing. A new source, QC: the QC facts themselves, placed in the period by the time of their score.
alter table rpt_qc_fact add column lost_items varchar(40)[] not null default '{}';
create index rpt_qc_fact_order on rpt_qc_fact (scored_at) where order_id is not null and call_id is null;

alter table rpt_kpi drop constraint if exists rpt_kpi_source_check;
alter table rpt_kpi add constraint rpt_kpi_source_check
    check (source in ('CALL', 'STATE', 'ORDER', 'ASSIGNMENT', 'CALLBACK', 'KNOWLEDGE', 'QC', 'NONE'));

insert into rpt_kpi (code, name, source, unit, numerator, denominator, threshold_s, grades, target, higher_is_better, exemption, seed, sort) values
('order-entry-accuracy', '工单填写准确率', 'QC', 'PERCENT', '“诉求内容记录准确”未扣分的工单质检', '工单质检结果数', null, null, 95, true, null, '002 ≥95%', 232),
('first-dispatch-accuracy', '一次派单准确率', 'QC', 'PERCENT', '“一次派单准确”未扣分的工单质检', '工单质检结果数', null, null, 95, true, null, '002 ≥95%', 234);
