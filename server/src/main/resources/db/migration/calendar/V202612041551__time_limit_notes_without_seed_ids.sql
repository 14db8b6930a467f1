-- The seeded notes carried the ids of the requirement documents ("（004）"), which mean nothing to users.
update time_limit_policy set note = regexp_replace(note, '（0[0-9][0-9]）$', '') where note ~ '（0[0-9][0-9]）$';
