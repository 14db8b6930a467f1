-- Orders taken out of a KPI by an upheld appeal (工单申诉, issue 18): filled from AppealDecided. unit_id says whose
-- figure it was; the unit-based KPIs (sign-timeliness, completion-on-time) drop only that unit's assignment, the
-- order-based ones (satisfaction) drop the order.
create table rpt_exclusion (
    appeal_id   bigint primary key,
    order_id    bigint        not null,
    unit_id     bigint        not null,
    kpi_code    varchar(40)   not null,
    reason      varchar(2000) not null,
    decided_by  varchar(50),
    at          timestamptz   not null
);
create index rpt_exclusion_order on rpt_exclusion (order_id, kpi_code);
