-- The missed-call callback tasks that closed, as the reporting module heard of them. A task's "closed" event and the
-- event that joins a voicemail to that task are delivered on threads of their own and may arrive in either order;
-- whichever comes second finds the other's row here or in rpt_voicemail_fact, so a voicemail is never left 未处理
-- because its task closed before reporting knew the two belonged together.
create table rpt_voicemail_task_closed (
    task_id   bigint primary key,
    closed_at timestamptz not null
);
