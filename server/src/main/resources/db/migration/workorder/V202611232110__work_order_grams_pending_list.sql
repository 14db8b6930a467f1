-- New orders' grams wait in the GIN index's pending list (4 MB by default) until a vacuum or a full list merges
-- them, and every search scans that list from start to end: after 20,000 creates a term's lookup took 175 ms of
-- its 337 ms. A 256 kB list keeps the scan short; a create now and then merges the few hundred orders it holds.
alter index work_order_grams set (gin_pending_list_limit = 256);
