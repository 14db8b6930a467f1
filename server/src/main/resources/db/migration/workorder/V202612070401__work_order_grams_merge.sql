-- New orders' grams wait in the GIN index's pending list (256 kB, V202611232110) and the create that finds it full
-- merges it into the index itself: about one create in 350 took 100-800 ms (bench/capacity: the insert's mean was
-- 11.6 ms with a minimum of 0.4 ms and one call of 798 ms, two thirds of the statement's time). GramsMerge now
-- merges it every second off the request path; a create finding the list being merged does not wait (PostgreSQL
-- skips the merge when another one runs). Merging needs the index's owner: this function, owned by the owner
-- role, does that and only that for the application's role.
create function wo_merge_grams() returns bigint
    language sql security definer set search_path = public as $$
    select gin_clean_pending_list('work_order_grams'::regclass)
$$;
