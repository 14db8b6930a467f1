-- 有理由投诉 from quality inspection: one adjustment per inspection (source QC), replaced or withdrawn when a second
-- inspection changes the finding; created_at is the time of the finding (later findings win).
alter table rpt_agent_adjustment add column inspection_id bigint;
create unique index rpt_agent_adjustment_inspection on rpt_agent_adjustment (inspection_id) where inspection_id is not null;
