-- Limits may be counted in working hours (工作小时) as well as working days: both follow the business calendar.
alter table time_limit_policy drop constraint if exists time_limit_policy_unit_check;
alter table time_limit_policy add constraint time_limit_policy_unit_check
    check (unit in ('MINUTES', 'HOURS', 'NATURAL_DAYS', 'WORKING_DAYS', 'WORKING_HOURS'));
