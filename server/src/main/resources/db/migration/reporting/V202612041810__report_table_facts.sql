-- Facts the report tables (统计分析 · 报表) need beyond the KPIs': when an order became difficult (疑难) or was put
-- under supervision (督办), why a return was approved, which lights (黄灯/红灯) orders got, and voicemails (留言).

alter table rpt_order_fact add column difficult_at timestamptz;
alter table rpt_order_fact add column supervised_at timestamptz;

-- The unit's reason of an approved return (RETURN_APPROVED); null for extensions.
alter table rpt_assignment_decision add column reason text;

-- One row per light an order's stage or assignment got (stage DISPATCH, SIGN, HANDLE or CALLBACK; light YELLOW or
-- RED). Two assignments of one order turning red in the same batch are one row: the table counts orders.
create table rpt_light_fact (
    order_id bigint      not null,
    stage    varchar(10) not null,
    light    varchar(10) not null,
    at       timestamptz not null,
    primary key (order_id, stage, light, at)
);
create index rpt_light_fact_at on rpt_light_fact (at);

-- Voicemails (电话留言), one row per message. Empty until the call center records voicemail and publishes it;
-- 客户留言统计 reads this table so that it fills without a change of the report.
create table rpt_voicemail_fact (
    voicemail_id varchar(64) primary key,
    call_id      varchar(64),
    group_id     bigint,
    left_at      timestamptz not null,
    seconds      numeric(10, 2),
    handled_at   timestamptz
);
create index rpt_voicemail_fact_left on rpt_voicemail_fact (left_at);
