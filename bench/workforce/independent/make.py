#!/usr/bin/env python3
"""Synthetic half-hourly 12345-hotline call data for two fictional cities.

Written independently (without reading the OpenHotline platform's code or data
generators) from general knowledge of Chinese 12345 hotlines / call centres.
Run:  python3 make.py      (deterministic: SEED below)
Writes city-a-halfhour.csv, city-b-halfhour.csv, events.csv next to this file.
"""
import csv
import datetime as dt
import math
import os

import numpy as np

SEED = 20241201
OUT = os.path.dirname(os.path.abspath(__file__))
START = dt.date(2024, 12, 1)
END = dt.date(2026, 11, 30)
D = dt.date


def drange(a, b):
    d = a
    while d <= b:
        yield d
        d += dt.timedelta(days=1)


# ---------------------------------------------------------------------------
# Official holiday calendar (国务院办公厅 notices for 2025 and 2026).
# kind: 'ny' 元旦, 'sf' 春节, 'qm' 清明, 'ld' 劳动节, 'dw' 端午, 'gq' 国庆(+中秋), 'zq' 中秋
# ---------------------------------------------------------------------------
HOLIDAYS = {}
def _hol(a, b, kind):
    for d in drange(a, b):
        HOLIDAYS[d] = kind

_hol(D(2025, 1, 1), D(2025, 1, 1), 'ny')
_hol(D(2025, 1, 28), D(2025, 2, 4), 'sf')      # 除夕 = 1/28
_hol(D(2025, 4, 4), D(2025, 4, 6), 'qm')
_hol(D(2025, 5, 1), D(2025, 5, 5), 'ld')
_hol(D(2025, 5, 31), D(2025, 6, 2), 'dw')
_hol(D(2025, 10, 1), D(2025, 10, 8), 'gq')     # 国庆 + 中秋 (10/6) combined
_hol(D(2026, 1, 1), D(2026, 1, 3), 'ny')
_hol(D(2026, 2, 15), D(2026, 2, 23), 'sf')     # 除夕 = 2/16
_hol(D(2026, 4, 4), D(2026, 4, 6), 'qm')
_hol(D(2026, 5, 1), D(2026, 5, 5), 'ld')
_hol(D(2026, 6, 19), D(2026, 6, 21), 'dw')
_hol(D(2026, 9, 25), D(2026, 9, 27), 'zq')
_hol(D(2026, 10, 1), D(2026, 10, 7), 'gq')

MAKEUP = {  # 调休 working days (weekend days that are working days)
    D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11),
    D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20),
    D(2026, 10, 10),
}
CHUXI = {2025: D(2025, 1, 28), 2026: D(2026, 2, 16)}


def is_workday(d):
    if d in HOLIDAYS:
        return False
    if d in MAKEUP:
        return True
    return d.weekday() < 5


# ---------------------------------------------------------------------------
# Intraday shapes (48 half-hour weights, normalised to 1)
# ---------------------------------------------------------------------------
WORK_A = np.array([
    0.55, 0.45, 0.35, 0.30, 0.25, 0.22, 0.20, 0.18, 0.18, 0.20, 0.25, 0.32,   # 00:00-05:30
    0.45, 0.60, 0.90, 1.35, 2.30, 3.30, 4.10, 4.35, 4.40, 4.30, 3.90, 3.20,   # 06:00-11:30
    2.40, 2.20, 2.50, 3.10, 3.70, 3.95, 4.00, 3.95, 3.75, 3.40, 2.90, 2.30,   # 12:00-17:30
    1.90, 1.75, 1.80, 1.80, 1.75, 1.60, 1.40, 1.20, 1.00, 0.85, 0.72, 0.62])  # 18:00-23:30


def norm(x):
    return x / x.sum()


def derive(work, shift, power):
    return norm(np.roll(work, shift) ** power)


WORK_B = WORK_A.copy()
WORK_B[36:46] *= 1.28        # 18:00-22:30 busier in the southern city (evening life)
WORK_B[0:12] *= 1.12
WORK_B[16:18] *= 0.9         # later start of the office day
SHAPES = {
    'A': {'work': norm(WORK_A), 'weekend': derive(WORK_A, 1, 0.80), 'holiday': derive(WORK_A, 2, 0.70)},
    'B': {'work': norm(WORK_B), 'weekend': derive(WORK_B, 1, 0.82), 'holiday': derive(WORK_B, 2, 0.72)},
}
# summer night-time complaints (noise, AC, barbecue stalls): ramp 19:00 -> 22:00, fade by 01:30
NIGHT_W = np.zeros(48)
NIGHT_W[38:48] = [0.2, 0.4, 0.6, 0.8, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]
NIGHT_W[0:3] = [0.8, 0.5, 0.2]


# ---------------------------------------------------------------------------
# City parameters
# ---------------------------------------------------------------------------
CITY = {
    'A': dict(  # northern inland city, ~4 M people, district heating Nov 15 - Mar 15
        base=3260.0, trend=0.08,
        dow=[1.13, 1.05, 1.02, 1.00, 0.97, 0.71, 0.67],
        # month factors at mid-month, interpolated daily
        month=[1.02, 0.90, 0.96, 0.95, 0.99, 1.04, 1.15, 1.12, 1.01, 0.93, 1.00, 1.04],
        noise_day=0.050, ar_sigma=0.025, ar_phi=0.85,
        aht_base=236.0, heating=True, migrant=0.0,
    ),
    'B': dict(  # southern coastal city, ~10 M people, large migrant workforce
        base=9650.0, trend=0.065,
        dow=[1.09, 1.02, 1.00, 0.99, 0.99, 0.86, 0.82],
        month=[0.96, 0.88, 0.96, 1.00, 1.05, 1.10, 1.14, 1.15, 1.05, 0.95, 0.94, 0.98],
        noise_day=0.045, ar_sigma=0.022, ar_phi=0.85,
        aht_base=254.0, heating=False, migrant=1.0,
    ),
}


def month_factor(city, d):
    """Smooth seasonality: linear interpolation between mid-month anchors."""
    m = CITY[city]['month']
    mid = D(d.year, d.month, 15)
    if d >= mid:
        nm = d.month % 12 + 1
        ny = d.year + (1 if d.month == 12 else 0)
        a, b = mid, D(ny, nm, 15)
        fa, fb = m[d.month - 1], m[nm - 1]
    else:
        pm = (d.month - 2) % 12 + 1
        py = d.year - (1 if d.month == 1 else 0)
        a, b = D(py, pm, 15), mid
        fa, fb = m[pm - 1], m[d.month - 1]
    t = (d - a).days / (b - a).days
    return fa + (fb - fa) * t


def summerness(d):
    doy = d.timetuple().tm_yday
    return max(0.0, math.cos(2 * math.pi * (doy - 205) / 365.0)) ** 2


# ---------------------------------------------------------------------------
# Holiday multipliers (relative to an average working day)
# ---------------------------------------------------------------------------
def holiday_factor(city, d):
    """Return (multiplier, shape_kind) for the day, replacing the weekday factor."""
    mig = CITY[city]['migrant']
    kind = HOLIDAYS.get(d)
    if kind == 'sf':
        cx = CHUXI[d.year]
        k = (d - cx).days      # -1 .. 7 (2025: 0..7 ; 2026: -1..7)
        table = {-1: 0.52, 0: 0.40, 1: 0.33, 2: 0.40, 3: 0.45, 4: 0.50, 5: 0.54, 6: 0.58, 7: 0.63}
        f = table[k]
        if mig:
            f *= 0.85          # migrant city empties out more
        return f, 'holiday'
    if kind == 'gq':
        idx = (d - D(d.year, 10, 1)).days
        f = [0.50, 0.55, 0.57, 0.58, 0.58, 0.60, 0.64, 0.68][idx]
        return f, 'holiday'
    if kind is not None:
        # short holidays: first day lowest, last day picks up
        first = d - dt.timedelta(days=1) not in HOLIDAYS
        last = d + dt.timedelta(days=1) not in HOLIDAYS
        f = 0.60 if first else (0.68 if last else 0.62)
        if kind == 'ny' and d.month == 1 and d.day == 1:
            f = 0.58
        return f, 'holiday'
    return None


def pre_post_holiday(city, d):
    """Effects around holidays on ordinary days (multiplicative)."""
    mig = CITY[city]['migrant']
    f = 1.0
    # first / second working day after a holiday block of >= 3 days: backlog
    prev = d - dt.timedelta(days=1)
    if is_workday(d):
        back = 0
        p = prev
        while not is_workday(p) and back < 12:
            back += 1
            p -= dt.timedelta(days=1)
        had_hol = any((d - dt.timedelta(days=i)) in HOLIDAYS for i in range(1, back + 1))
        if had_hol and back >= 3:
            f *= 1.16 if city == 'A' else 1.12
        elif had_hol:
            f *= 1.08
        else:
            # second working day after a holiday
            if back == 0 and not is_workday(d - dt.timedelta(days=2)) and \
                    any((d - dt.timedelta(days=i)) in HOLIDAYS for i in range(2, 6)):
                f *= 1.05
    # Spring Festival run-up and slow return
    for y, cx in CHUXI.items():
        k = (d - cx).days
        if -30 <= k <= -8:
            f *= 1.0 + (0.05 + 0.06 * mig)        # wage-arrears (欠薪) peak before the festival
        elif -7 <= k <= -1 and d not in HOLIDAYS:
            f *= 1.0 - (0.04 + 0.06 * mig) * (8 + k) / 7.0 * 1.4   # people leave the city
        elif 8 <= k <= 22 and d not in HOLIDAYS:
            f *= 1.0 - (0.10 * mig) * (22 - k) / 14.0            # migrants return slowly (until 元宵)
    # working day just before a long holiday: people sort things out early, then leave
    nxt = d + dt.timedelta(days=1)
    if is_workday(d) and nxt in HOLIDAYS and HOLIDAYS[nxt] in ('gq', 'ld'):
        f *= 0.93
    return f


# ---------------------------------------------------------------------------
# Events.  day multipliers are relative to what the day would otherwise be.
# shape: None | 'evening' (extra weight 17:00-23:30) | 'flat' (round the clock) |
#        dict(slot_index -> multiplier) for outages
# ---------------------------------------------------------------------------
EVENTS = []
def ev(city, a, b, kind, desc, mults, shape=None, aht=0.0, warning='', level_shift=False):
    EVENTS.append(dict(city=city, a=a, b=b, kind=kind, desc=desc, mults=mults, shape=shape,
                       aht=aht, warning=warning, level_shift=level_shift))


def ramp_decay(n, peak, first=None):
    """n days: day 0 = peak (or `first`), then geometric decay toward 1."""
    out = []
    for i in range(n):
        v = 1 + (peak - 1) * (0.62 ** i)
        out.append(v)
    if first is not None:
        out[0] = first
    return out


# ---- City A --------------------------------------------------------------
ev('A', D(2024, 12, 16), D(2024, 12, 31), 'deadline',
   '城乡居民医保 2025 年度缴费截止 (12-31) 前咨询高峰 resident medical-insurance payment deadline rush; builds up over the last two weeks',
   [1.03 + 0.012 * i for i in range(16)], aht=-6, warning='recurring, known in advance')
ev('A', D(2025, 1, 19), D(2025, 1, 23), 'cold_wave',
   '寒潮 cold wave (-18 °C): heating-temperature complaints (供暖不达标), frozen/burst pipes',
   [1.08, 1.22, 1.25, 1.15, 1.07], aht=18, warning='weather forecast 2-3 days ahead')
ev('A', D(2025, 3, 12), D(2025, 3, 12), 'system_outage',
   'telephony (IVR/ACD) outage 09:40-11:50: very few calls reach the queue 09:30-11:30, callback surge in the afternoon',
   [1.0], shape={18: 0.25, 19: 0.04, 20: 0.03, 21: 0.05, 22: 0.45, 23: 1.6, 24: 1.5, 25: 1.4,
                 26: 1.35, 27: 1.3, 28: 1.25, 29: 1.2}, aht=4, warning='none')
ev('A', D(2025, 5, 20), D(2025, 5, 24), 'news_surge',
   'chain gym / prepaid-card (预付卡) operator closes overnight, local news goes viral: refund complaints',
   ramp_decay(5, 1.38), aht=34, warning='none')
ev('A', D(2025, 7, 10), D(2025, 7, 18), 'heat_wave',
   '高温 heat wave (38-41 °C): power cuts in old residential compounds, water pressure, AC noise; evenings heavy',
   [1.06, 1.12, 1.18, 1.22, 1.24, 1.20, 1.16, 1.10, 1.05], shape='evening', aht=12,
   warning='weather forecast ~3 days ahead')
ev('A', D(2025, 7, 29), D(2025, 8, 1), 'rainstorm',
   '特大暴雨 extreme rainstorm: waterlogged roads/underpasses, flooded basements, power/water outages',
   [1.15, 1.48, 1.30, 1.12], shape='flat', aht=22, warning='red rainstorm warning ~1 day ahead')
ev('A', D(2025, 9, 1), D(2025, 9, 19), 'policy_change',
   'new local housing-provident-fund (公积金) withdrawal and social-insurance contribution rules take effect 09-01: policy questions',
   ramp_decay(19, 1.20), aht=28, warning='announced ~4 weeks ahead')
ev('A', D(2025, 11, 13), D(2025, 11, 30), 'heating_start',
   '供暖季开始 heating season starts 11-15: no-heat / low-temperature complaints, peak in first week',
   [1.03, 1.06, 1.18, 1.30, 1.34, 1.30, 1.24, 1.20, 1.16, 1.13, 1.10, 1.08, 1.06, 1.05, 1.04, 1.03, 1.02, 1.02],
   aht=15, warning='recurring, known in advance (size depends on weather)')
ev('A', D(2025, 12, 15), D(2025, 12, 31), 'deadline',
   '城乡居民医保 2026 年度缴费截止 (12-31) 前咨询高峰 medical-insurance payment deadline rush',
   [1.03 + 0.011 * i for i in range(17)], aht=-6, warning='recurring, known in advance')
ev('A', D(2026, 1, 22), D(2026, 1, 26), 'cold_wave',
   '寒潮 cold wave: heating complaints, icy roads',
   [1.10, 1.20, 1.14, 1.09, 1.04], aht=16, warning='weather forecast 2-3 days ahead')
ev('A', D(2026, 3, 2), D(2026, 11, 30), 'level_shift',
   'water / gas utility service lines (水务、燃气热线) merged into 12345 from 03-02 (热线归并): permanent +7 % volume, small AHT increase',
   None, aht=5, warning='announced ~1 month ahead', level_shift=1.07)
ev('A', D(2026, 6, 29), D(2026, 7, 10), 'campaign',
   '义务教育招生报名 + 12345 "夏季供水供电保障" campaign publicity: school-enrolment and summer supply questions',
   [1.06] * 12, aht=10, warning='announced')
ev('A', D(2026, 8, 18), D(2026, 8, 20), 'water_outage',
   'water-main burst, two districts without water ~30 h (unplanned)',
   [1.45, 1.22, 1.06], shape='flat', aht=10, warning='none')
ev('A', D(2026, 11, 5), D(2026, 11, 25), 'heating_start',
   '供暖季提前至 11-08 开始 (early cold), no-heat complaints',
   [1.02, 1.04, 1.12, 1.26, 1.32, 1.28, 1.22, 1.18, 1.14, 1.11, 1.09, 1.07, 1.06, 1.05, 1.04, 1.03, 1.03,
    1.02, 1.02, 1.02, 1.01], aht=15, warning='early start announced 11-05 (3 days ahead)')

# ---- City B --------------------------------------------------------------
ev('B', D(2024, 12, 16), D(2024, 12, 31), 'deadline',
   '城乡居民医保 2025 年度缴费截止前咨询高峰 medical-insurance payment deadline rush',
   [1.02 + 0.009 * i for i in range(16)], aht=-6, warning='recurring, known in advance')
ev('B', D(2025, 4, 1), D(2026, 11, 30), 'level_shift',
   '12345 WeChat mini-program / online channel launched 04-01: voice calls drift down ~6 % over ~3 months and stay down',
   None, aht=6, warning='launch announced; size of channel shift uncertain', level_shift='channel')
ev('B', D(2025, 5, 11), D(2025, 5, 13), 'rainstorm',
   '龙舟水 pre-summer rainstorm (short-notice): flooded streets and underground car parks',
   [1.25, 1.14, 1.04], shape='evening', aht=18, warning='~6 h (orange warning same day)')
ev('B', D(2025, 7, 19), D(2025, 7, 22), 'typhoon',
   '台风 typhoon close pass / landfall 07-20: fallen trees, power cuts, flooding',
   [1.18, 1.42, 1.28, 1.10], shape='flat', aht=25, warning='typhoon track known ~3 days ahead')
ev('B', D(2025, 7, 25), D(2025, 8, 31), 'public_health',
   '蚊媒传染病 (chikungunya/dengue) outbreak in the region: mosquito control, stagnant-water reports, testing questions',
   [1.0 + 0.10 * math.sin(math.pi * min(1.0, (i + 1) / 38)) for i in range(38)], aht=14,
   warning='none at start; evolves')
ev('B', D(2025, 9, 22), D(2025, 9, 27), 'typhoon',
   '超强台风 super typhoon landfall 09-24: city-wide suspension of work/classes 09-24, widespread power and water outages',
   [1.12, 1.25, 1.72, 1.55, 1.28, 1.10], shape='flat', aht=32, warning='typhoon track known ~3-4 days ahead')
ev('B', D(2025, 11, 18), D(2025, 11, 23), 'news_surge',
   'off-campus training company (教培机构) collapse reported in local media: prepaid-fee refund complaints',
   ramp_decay(6, 1.30), aht=30, warning='none')
ev('B', D(2025, 12, 15), D(2025, 12, 31), 'deadline',
   '城乡居民医保 2026 年度缴费截止前咨询高峰 medical-insurance payment deadline rush',
   [1.02 + 0.009 * i for i in range(17)], aht=-6, warning='recurring, known in advance')
ev('B', D(2026, 1, 5), D(2026, 1, 16), 'policy_change',
   'new tiered water tariff (阶梯水价) from 01-01 shows on first bills: billing questions',
   ramp_decay(12, 1.12), aht=20, warning='announced after price hearing, ~2 months ahead')
ev('B', D(2026, 3, 9), D(2026, 3, 9), 'system_outage',
   'carrier trunk failure 14:00-15:30: almost no calls delivered, callback surge afterwards',
   [1.0], shape={28: 0.03, 29: 0.02, 30: 0.05, 31: 1.7, 32: 1.5, 33: 1.35, 34: 1.25, 35: 1.15},
   aht=3, warning='none')
ev('B', D(2026, 5, 21), D(2026, 5, 22), 'rainstorm',
   '特大暴雨 extreme overnight rainstorm (red warning issued 02:00): flooded districts, traffic',
   [1.36, 1.12], shape='flat', aht=20, warning='~4 h')
ev('B', D(2026, 7, 20), D(2026, 7, 28), 'heat_wave',
   '高温 heat wave + grid load: power cuts in urban villages (城中村), AC noise complaints at night',
   [1.05, 1.10, 1.14, 1.16, 1.16, 1.13, 1.10, 1.06, 1.03], shape='evening', aht=10,
   warning='weather forecast ~3 days ahead')
ev('B', D(2026, 8, 12), D(2026, 8, 15), 'typhoon',
   '台风 typhoon landfall 08-13 west of the city: rain bands, power cuts',
   [1.14, 1.48, 1.30, 1.10], shape='flat', aht=24, warning='typhoon track known ~3 days ahead')
ev('B', D(2026, 9, 7), D(2026, 9, 11), 'news_surge',
   'viral video about a food-safety incident at a school canteen (校园食品安全): complaints and inquiries',
   ramp_decay(5, 1.22), aht=22, warning='none')


def event_effects(city, d):
    mult, shapes, aht = 1.0, [], 0.0
    for e in EVENTS:
        if e['city'] != city or not (e['a'] <= d <= e['b']):
            continue
        if e['level_shift'] == 'channel':
            t = (d - e['a']).days
            mult *= 1.0 - 0.06 * (1 - math.exp(-t / 35.0))
            aht += e['aht'] * (1 - math.exp(-t / 35.0))
            continue
        if e['level_shift']:
            mult *= e['level_shift']
            aht += e['aht']
            continue
        i = (d - e['a']).days
        m = e['mults'][i]
        mult *= m
        aht += e['aht'] * min(1.0, max(0.0, (m - 1.0) / 0.15)) if e['aht'] > 0 else e['aht']
        if e['shape'] is not None:
            shapes.append((e['shape'], m))
    return mult, shapes, aht


def apply_shape(w, shapes):
    w = w.copy()
    for s, m in shapes:
        if isinstance(s, dict):
            for k, v in s.items():
                w[k] *= v
        elif s == 'evening':
            w[34:48] *= 1 + 1.4 * (m - 1)
            w[0:2] *= 1 + 1.2 * (m - 1)
        elif s == 'flat':
            # surges driven by damage reports run round the clock: blend toward uniform
            a = min(0.5, 1.1 * (m - 1))
            w = (1 - a) * w / w.sum() + a * np.full(48, 1 / 48)
    return w


# AHT intraday profile (seconds added): nights longer (fewer, harder calls), peaks a bit shorter
AHT_SLOT = np.array([18, 20, 22, 22, 22, 22, 22, 20, 18, 16, 14, 10,
                     6, 4, 2, 0, -2, -4, -6, -7, -7, -6, -4, -2,
                     2, 4, 2, -2, -4, -5, -5, -4, -3, -1, 2, 4,
                     6, 8, 8, 8, 8, 10, 12, 14, 15, 16, 17, 18], dtype=float)


def generate(city, rng):
    p = CITY[city]
    rows, daily = [], []
    ar = 0.0
    for d in drange(START, END):
        years = (d - START).days / 365.25
        trend = (1 + p['trend']) ** years
        season = month_factor(city, d)
        h = holiday_factor(city, d)
        if h is not None:
            dayf, skind = h
        elif d in MAKEUP:
            dayf, skind = 0.96 * float(np.mean(p['dow'][:5])), 'work'
        else:
            wd = d.weekday()
            dayf = p['dow'][wd]
            skind = 'work' if wd < 5 else 'weekend'
        dayf *= pre_post_holiday(city, d)
        emult, eshapes, eaht = event_effects(city, d)
        ar = p['ar_phi'] * ar + rng.normal(0, p['ar_sigma'] * math.sqrt(1 - p['ar_phi'] ** 2))
        noise = math.exp(rng.normal(0, p['noise_day']) - p['noise_day'] ** 2 / 2 + ar)
        expected = p['base'] * trend * season * dayf * emult * noise

        w = SHAPES[city][skind].copy()
        s = summerness(d)
        w *= 1 + 0.35 * s * NIGHT_W
        w = apply_shape(w, eshapes)
        w = norm(w)
        lam = expected * w * rng.gamma(150.0, 1 / 150.0, 48)   # slot over-dispersion (cv ~8 %)
        calls = rng.poisson(lam)

        # AHT
        heat = 0.0
        if p['heating'] and (d.month in (12, 1, 2) or (d.month == 11 and d.day >= 15) or
                             (d.month == 3 and d.day <= 15)):
            heat = 10.0
        aht_day = (p['aht_base'] + 5.0 * years + heat + 6.0 * s + eaht +
                   (6.0 if skind != 'work' else 0.0) + (8.0 if skind == 'holiday' else 0.0) +
                   rng.normal(0, 5.0))
        tot = int(calls.sum())
        daily.append((d, tot))
        # individual handle times: log-normal, CV 0.6, slot mean = aht_day + AHT_SLOT
        mu = aht_day + AHT_SLOT
        sig2 = math.log(1 + 0.6 ** 2)
        per_call_mu = np.repeat(mu, calls)
        ht = per_call_mu * np.exp(rng.normal(-sig2 / 2, math.sqrt(sig2), tot))
        ht = np.clip(ht, 20, None)
        sums = np.zeros(48)
        np.add.at(sums, np.repeat(np.arange(48), calls), ht)
        for k in range(48):
            n = int(calls[k])
            aht = 0 if n == 0 else int(round(sums[k] / n))
            rows.append((d.isoformat(), f'{k // 2:02d}:{30 * (k % 2):02d}', n, aht))
    return rows, daily


def main():
    rng = np.random.default_rng(SEED)
    for city in ('A', 'B'):
        rows, daily = generate(city, rng)
        fn = os.path.join(OUT, f'city-{city.lower()}-halfhour.csv')
        with open(fn, 'w', newline='') as f:
            wr = csv.writer(f, lineterminator='\n')
            wr.writerow(['date', 'slot', 'calls_offered', 'aht_seconds'])
            wr.writerows(rows)
        tots = [t for _, t in daily]
        print(city, len(rows), 'rows; daily min/median/mean/max',
              min(tots), int(np.median(tots)), int(np.mean(tots)), max(tots))
    with open(os.path.join(OUT, 'events.csv'), 'w', newline='') as f:
        wr = csv.writer(f, lineterminator='\n')
        wr.writerow(['city', 'date_from', 'date_to', 'kind', 'description'])
        for e in EVENTS:
            desc = e['desc'] + f" [advance warning: {e['warning']}]"
            wr.writerow([e['city'], e['a'].isoformat(), e['b'].isoformat(), e['kind'], desc])


if __name__ == '__main__':
    main()
