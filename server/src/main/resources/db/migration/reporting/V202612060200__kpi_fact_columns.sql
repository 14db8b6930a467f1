-- What the KPI formulas asked of other fact rows for every counted row (correlated sub-selects: approved returns and
-- extensions, the main unit's reply, the first callback, the first signing, upheld appeals, QC results) is kept on the
-- rows themselves, so a month or a year of KPIs is one scan per source (issue 11, speed). The listeners keep these
-- columns after every write that feeds them (OrderKpiColumns, QcFacts), the rebuild fills them by the same statements.

-- of the order: its main unit's (latest standing) reply, its first signing by any unit, its first callback, and the
-- KPIs an upheld appeal took it out of (any unit's appeal)
alter table rpt_order_fact add column main_reply_at timestamptz,
                           add column first_signed_at timestamptz,
                           add column first_callback_at timestamptz,
                           add column excluded_kpis varchar(40)[] not null default '{}';

-- of the assignment: an approved return, an approved extension, the (latest) return request, and the KPIs an upheld
-- appeal of its own unit took it out of
alter table rpt_assignment_fact add column return_approved boolean not null default false,
                                add column extension_approved boolean not null default false,
                                add column return_requested_at timestamptz,
                                add column excluded_kpis varchar(40)[] not null default '{}';

-- callback-rate places an order in the period of its closing: without this a month read every order
create index rpt_order_fact_closed on rpt_order_fact (closed_at);

-- of the call: it has a QC result (质检率)
alter table rpt_call_fact add column inspected boolean not null default false;

-- the facts already here (the same statements as OrderKpiColumns and QcFacts)
update rpt_assignment_fact a
   set return_approved = exists (select 1 from rpt_assignment_decision r
                                  where r.assignment_id = a.assignment_id and r.kind = 'RETURN_APPROVED'),
       extension_approved = exists (select 1 from rpt_assignment_decision r
                                     where r.assignment_id = a.assignment_id and r.kind = 'EXTENSION_APPROVED'),
       return_requested_at = (select max(r.at) from rpt_assignment_decision r
                               where r.assignment_id = a.assignment_id and r.kind = 'RETURN_REQUESTED'),
       excluded_kpis = array(select distinct e.kpi_code from rpt_exclusion e
                              where e.order_id = a.order_id and e.unit_id = a.unit_id order by 1);
update rpt_order_fact o
   set main_reply_at = (select max(x.replied_at) from rpt_assignment_fact x where x.order_id = o.order_id and x.role = 'MAIN'),
       first_signed_at = (select min(x.signed_at) from rpt_assignment_fact x where x.order_id = o.order_id),
       first_callback_at = (select min(b.at) from rpt_callback_fact b where b.order_id = o.order_id),
       excluded_kpis = array(select distinct e.kpi_code from rpt_exclusion e where e.order_id = o.order_id order by 1);
update rpt_call_fact c set inspected = true where exists (select 1 from rpt_qc_fact q where q.call_id = c.call_id);
