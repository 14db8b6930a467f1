-- Position and expected-wait announcements to queued callers (您前面还有 N 位，预计等待 M 分钟), repeated every
-- announce_interval_s seconds per skill group; null means no announcements.
alter table cc_skill_group add column announce_interval_s int check (announce_interval_s between 5 and 600);
update cc_skill_group set announce_interval_s = 60 where code in ('general', 'social', 'housing', 'complaint', 'self-service');
