-- More of the work-order module's read-only contract for reports (ADR 004): the words of each order (hot topics
-- segment the title and the start of the content; no event carries the citizen's text) and the category names.
create view rpt_source_order_text as
select o.id as order_id, o.title, left(o.content, 300) as content
  from work_order o;

-- rpt_source_category came first with V202612041811 (id, name, path); a view may only gain columns at its end.
create or replace view rpt_source_category as
select c.id as category_id, c.name, c.path, c.parent_id
  from wo_category c;
