"""The floor under any forecaster's daily MAPE on the independent series: the error left when everything but the day
noise is known. Re-runs independent/make.py's generator with its seed (same draws, so the totals equal the CSVs'),
keeps each day's expected total without its noise (log-normal day noise and the AR(1) run), and prints the MAPE of
that noiseless expectation against the actual totals over every 4-week holdout the bench uses. Measuring only:
nothing of the generator goes into the forecaster. Usage: python3 bench/workforce/noise_floor.py"""
import datetime as dt
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), 'independent'))
import make  # noqa: E402

noiseless = {}
ar_state = {}  # the AR(1) run's value on each day, for the floor of a forecaster that knows where the run stood


def main():
    rng = np.random.default_rng(make.SEED)
    for city in ('A', 'B'):
        p = make.CITY[city]
        # replay generate() but capture the noise: the same sequence of draws as make.generate
        ar = 0.0
        rows = []
        for d in make.drange(make.START, make.END):
            years = (d - make.START).days / 365.25
            trend = (1 + p['trend']) ** years
            season = make.month_factor(city, d)
            h = make.holiday_factor(city, d)
            if h is not None:
                dayf, skind = h
            elif d in make.MAKEUP:
                dayf, skind = 0.96 * float(np.mean(p['dow'][:5])), 'work'
            else:
                wd = d.weekday()
                dayf = p['dow'][wd]
                skind = 'work' if wd < 5 else 'weekend'
            dayf *= make.pre_post_holiday(city, d)
            emult, eshapes, eaht = make.event_effects(city, d)
            ar = p['ar_phi'] * ar + rng.normal(0, p['ar_sigma'] * math.sqrt(1 - p['ar_phi'] ** 2))
            noise = math.exp(rng.normal(0, p['noise_day']) - p['noise_day'] ** 2 / 2 + ar)
            expected = p['base'] * trend * season * dayf * emult
            w = make.SHAPES[city][skind].copy()
            s = make.summerness(d)
            w *= 1 + 0.35 * s * make.NIGHT_W
            w = make.apply_shape(w, eshapes)
            w = make.norm(w)
            lam = expected * noise * w * rng.gamma(150.0, 1 / 150.0, 48)
            calls = rng.poisson(lam)
            # the AHT draws, to keep the rng in step with make.generate
            rng.normal(0, 5.0)
            tot = int(calls.sum())
            rng.normal(0, 1, tot)
            noiseless[(city, d)] = (expected, tot)
            ar_state[(city, d)] = ar
    if len(sys.argv) > 1:  # a CSV of city,date,expected,actual for a diagnosis of a forecaster's errors (measuring only)
        with open(sys.argv[1], 'w') as out:
            for (city, d), (e, t) in sorted(noiseless.items()):
                out.write(f'{city},{d},{e:.2f},{t}\n')
    holdouts = {'development': ['2025-03-09', '2025-06-29', '2025-10-26', '2025-11-30', '2025-12-28'],
                'validation': ['2026-01-25', '2026-04-26', '2026-05-31', '2026-07-26', '2026-08-23', '2026-09-20'],
                'test': ['2026-11-29', '2026-10-25', '2026-06-28', '2026-03-08']}
    phi = {c: make.CITY[c]['ar_phi'] for c in ('A', 'B')}
    for kind, ends in holdouts.items():
        means = []
        for city in ('A', 'B'):
            figures = []
            known = []
            for end in ends:
                last = dt.date.fromisoformat(end)
                origin = last - dt.timedelta(days=28)
                days = [last - dt.timedelta(days=k) for k in range(28)]
                errs = [abs(noiseless[(city, d)][0] / noiseless[(city, d)][1] - 1) for d in days]
                figures.append(100 * sum(errs) / len(errs))
                # the same knowing the AR(1) run's value on the last day seen, carried forward as it decays
                errs = [abs(noiseless[(city, d)][0] * math.exp(ar_state[(city, origin)] * phi[city] ** (d - origin).days)
                            / noiseless[(city, d)][1] - 1) for d in days]
                known.append(100 * sum(errs) / len(errs))
            means += figures
            print(f'{kind} holdouts, city {city}: daily MAPE of the noiseless expectation '
                  + ', '.join(f'{e} {f:.1f} %' for e, f in zip(ends, figures)) + f'; mean {sum(figures) / len(figures):.1f} %'
                  + f' (knowing the run at the origin: mean {sum(known) / len(known):.1f} %)')
        print(f'{kind} holdouts, both cities: mean {sum(means) / len(means):.2f} %')


if __name__ == '__main__':
    main()
