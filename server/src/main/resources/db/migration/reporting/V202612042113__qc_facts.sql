-- QC results as reporting facts (质检率 qc-coverage, scores by agent), kept from quality's InspectionScored events:
-- one row per inspection, the latest score wins (a second inspection may change it).
create table rpt_qc_fact (
    inspection_id bigint primary key,
    call_id       varchar(64),
    order_id      bigint,
    agent_id      bigint       not null,
    score         numeric(6, 2) not null,
    fatal         boolean      not null,
    scored_at     timestamptz  not null
);
create index rpt_qc_fact_call on rpt_qc_fact (call_id) where call_id is not null;
create index rpt_qc_fact_agent on rpt_qc_fact (agent_id, scored_at);

-- 质检率 now counts: answered calls (the call facts) with a QC result.
update rpt_kpi set source = 'CALL', numerator = '有质检结果的人工接听来电' where code = 'qc-coverage';
