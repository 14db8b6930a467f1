-- Issue 18 "Lights in the deadline's own time": a handling limit counted in working days turned yellow at 80 % of
-- the calendar time, which can fall inside a holiday (5 working days from 2026-09-24 10:00: yellow on 2026-10-06,
-- National Day). From now on it is the share of the WORKING time (BusinessCalendar.between). This recomputes the
-- yellow timers that have not fired yet of open handling deadlines that were counted in working days.
--
-- Which deadlines were working-day ones is not stored: they are those ending exactly at the working hours' end of
-- their day (a working-day deadline always does; one in hours or natural days would have to start at that very
-- second). The share is recovered from the old timer (yellow − start) ÷ (due − start), so an extension's own
-- yellow share is kept. The hotline's time zone is the default one (hotline.time-zone, Asia/Shanghai).

create function wo_tmp_working_yellow(p_start timestamptz, p_due timestamptz, p_percent int) returns timestamptz
language sql stable as $$
    with days as (
        select g::date as d
          from generate_series((p_start at time zone 'Asia/Shanghai')::date,
                               (p_due at time zone 'Asia/Shanghai')::date, interval '1 day') g
    ), windows as (
        select d.d,
               greatest(p_start, (d.d + coalesce(y.work_start, time '09:00')) at time zone 'Asia/Shanghai') as a,
               least(p_due, (d.d + coalesce(y.work_end, time '18:00')) at time zone 'Asia/Shanghai') as b
          from days d
          left join calendar_day c on c.day = d.d
          left join calendar_year y on y.year = extract(year from d.d)
         where coalesce(c.kind = 'WORKDAY', extract(isodow from d.d) < 6)
    ), counted as (
        select d, a, b, extract(epoch from b - a)::bigint as len,
               sum(extract(epoch from b - a)::bigint) over (order by d) as upto
          from windows where b > a
    ), target as (
        select max(upto) * p_percent / 100 as seconds from counted
    )
    select c.a + make_interval(secs => t.seconds - (c.upto - c.len))
      from counted c, target t
     where c.upto >= t.seconds and t.seconds > 0
     order by c.d limit 1
$$;

update calendar_timer t
   set due_at = coalesce(wo_tmp_working_yellow(a.handle_start_at, t.deadline_at,
                         least(99, greatest(1, round(100.0 * extract(epoch from t.due_at - a.handle_start_at)
                                                      / extract(epoch from t.deadline_at - a.handle_start_at))::int))),
                         t.due_at)
  from wo_assignment a
 where t.subject_type = 'wo.handle' and t.subject_id = a.id and t.light = 'YELLOW' and t.fired_at is null
   and a.state in ('PENDING_SIGN', 'HANDLING', 'RETURN_REQUESTED')
   and a.handle_start_at is not null and t.deadline_at > a.handle_start_at
   and (t.deadline_at at time zone 'Asia/Shanghai')::time
       = coalesce((select y.work_end from calendar_year y
                    where y.year = extract(year from t.deadline_at at time zone 'Asia/Shanghai')), time '18:00');

drop function wo_tmp_working_yellow(timestamptz, timestamptz, int);
