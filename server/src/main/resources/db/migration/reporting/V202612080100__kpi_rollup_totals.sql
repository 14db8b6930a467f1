-- The hotline's own total per KPI and day beside the rows by agent, group, unit, region and channel (issue 11, speed):
-- a city-wide page, by itself or by day, week or month, adds up one row per KPI and day instead of every group's row
-- (a year's call KPIs were 180,000 rollup rows, 0.7–1.2 s at load 30; now 2,900).
alter table rpt_kpi_rollup add column total boolean not null default false;
create index rpt_kpi_rollup_total on rpt_kpi_rollup (kpi_code, day) where total;

-- The days rolled up before hold no total rows: forget them; KpiRollupFill counts them again in the background,
-- newest first, and until then a page reads those days from the facts.
delete from rpt_kpi_rollup_day;
delete from rpt_kpi_rollup;
