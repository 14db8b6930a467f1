-- The skill groups' names for the report tables (技能组话务统计): part of the call center's contract for reports.
create view rpt_source_skill_group as
select id as group_id, code, name from cc_skill_group;
