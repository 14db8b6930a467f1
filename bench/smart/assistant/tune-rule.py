#!/usr/bin/env python3
"""Chooses the abstention rule on the development sets only, from signals.tsv (written by bench/smart/search/run.sh):
the original in-base set, spoken-dev.tsv (round s9) and outside-dev.tsv. A rule: confident when the cosine of question and best article is at
least NEAR and either the article mentions at least COVER of the question's words (rarity-weighted, see
KnowledgeSearch.keyTerms) or the cosine is at least SURE. Among the rules answering at most 10 % of the dev outside
questions, the one answering the most dev in-base questions right wins. The held-out sets (spoken, outside) are
printed for the chosen rule and the previous one only, never used to choose.
Usage: bench/smart/assistant/tune-rule.py [signals.tsv]"""
import csv, sys

path = sys.argv[1] if len(sys.argv) > 1 else 'bench/smart/assistant/signals.tsv'
rows = list(csv.DictReader(open(path, encoding='utf-8'), delimiter='\t'))
by = {}
for r in rows:
    by.setdefault(r['set'], []).append((float(r['similarity']), float(r['coverage']), r['correct'] == 'true'))

def rates(rule, s, shift=0.0):
    qs = by.get(s, [])
    conf = [rule(sim + shift, cov) for sim, cov, _ in qs]
    right = sum(1 for c, (_, _, ok) in zip(conf, qs) if c and ok)
    return right / len(qs), sum(conf) / len(qs)

def rule_of(near, cover, sure):
    return lambda sim, cov: sim >= near and (cov >= cover or sim >= sure)

def in_base_dev(rule):
    n = sum(len(by.get(s, [])) for s in DEV_IN_BASE)
    return sum(rates(rule, s)[0] * len(by.get(s, [])) for s in DEV_IN_BASE) / n

SHIFT = 0.01
DEV_IN_BASE = [s for s in ['original', 'spoken-dev'] if s in by]
grid = []
for near in [x / 100 for x in range(48, 63)]:
    for cover in [0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]:
        for sure in [x / 100 for x in range(56, 76, 2)] + [1.01]:
            if sure < near:
                continue
            rule = rule_of(near, cover, sure)
            _, out = rates(rule, 'outside-dev')
            _, shifted = rates(rule, 'outside-dev', SHIFT)
            grid.append((near, cover, sure, in_base_dev(rule), out, shifted))
ok = [g for g in grid if g[4] <= 0.10 and g[5] <= 0.10]
best = max(ok, key=lambda g: (round(g[3], 3), -g[4], -g[1], g[0]))
print('dev: NEAR COVER SURE -> ' + '+'.join(DEV_IN_BASE) + ' answered-and-right, outside-dev confident (rules with outside-dev <= 10 %, also shifted, best 15)')
for g in sorted(ok, key=lambda g: (-g[3], g[4]))[:15]:
    print(f'  {g[0]:.2f} {g[1]:.1f} {g[2]:.2f} -> {g[3]:.3f} {g[4]:.3f}')
print(f'chosen on dev: NEAR {best[0]:.2f}, COVER {best[1]:.1f}, SURE {best[2]:.2f}')
for name, rule in [('previous (cosine >= 0.60)', rule_of(0.60, 0.0, 1.01)), ('chosen', rule_of(*best[:3]))]:
    print(f'{name}:')
    for s in [s for s in ['original', 'spoken-dev', 'outside-dev', 'spoken', 'outside'] if s in by]:
        right, conf = rates(rule, s)
        print(f'  {s:12s} answered and right {right:.3f}, confident {conf:.3f} ({len(by.get(s, []))} questions)')
