-- Issue 17: a client that retries an intake after a time-out gets its first order back; a key that comes back with a
-- DIFFERENT request is a client's mistake (or two requests sharing a key), answered 422 rather than with an order the
-- client did not ask for. The digest is of the request as the intake understood it (SHA-256, hex); keys stored
-- before this column, and the citizens' channels (which have their own replay rules), have none and are not checked.
alter table wo_idempotency add column request_digest varchar(64);
