-- 客户留言统计 counts every voicemail, also an anonymous caller's (which gets no callback task): the call keeps when
-- its voicemail was left and how long it is; the view adds the callback task that handles it, if any.
alter table cc_call add column voicemail_left_at timestamptz;
alter table cc_call add column voicemail_seconds numeric(10, 2);

create view rpt_source_voicemail as
select c.id as voicemail_id, c.id as call_id, c.group_id, c.voicemail_left_at as left_at, c.voicemail_seconds as seconds,
       m.task_id, t.closed_at as handled_at
  from cc_call c
  left join cc_missed_call m on m.call_id = c.id
  left join cc_missed_task t on t.id = m.task_id
 where c.voicemail_left_at is not null;
