-- Deadlines another platform set for an order it handed us (省交办件): the dispatch to our units keeps within them.
-- Owned by the work-order module (its CalendarDeadlines reads it); kept in the exchange folder with the version the
-- exchange was given.
create table wo_external_deadline (
    work_order_id bigint primary key references work_order (id),
    sign_due_at   timestamptz,
    handle_due_at timestamptz
);
