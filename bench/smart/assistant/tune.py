#!/usr/bin/env python3
"""Offline tuning of the fusion and the abstention on lists.tsv (written by SemanticBenchmark with -Dbench.lists=true):
each question's first 40 articles by words (BM25 score) and by meaning (cosine). Prints recall@1/@5 per set for
weighted reciprocal rank fusion, and for abstention rules the in-base answered-and-right rate and the out-of-base
confident rate. Usage: bench/smart/assistant/tune.py [lists.tsv]"""
import csv, sys, collections, itertools

path = sys.argv[1] if len(sys.argv) > 1 else 'bench/smart/assistant/lists.tsv'
qs = collections.OrderedDict()
with open(path, encoding='utf-8') as f:
    for row in csv.DictReader(f, delimiter='\t'):
        q = qs.setdefault((row['set'], row['question']), {'W': [], 'M': [], 'right': set()})
        q['W' if row['mode'] == 'WORDS' else 'M'].append((int(row['article']), float(row['score'])))
        if row['correct'] == 'true':
            q['right'].add(int(row['article']))

def fuse(q, wt, wv, k=60, depth=40):
    s = collections.defaultdict(float)
    wr = {a: r for r, (a, _) in enumerate(q['W'][:depth], 1)}
    vr = {a: r for r, (a, _) in enumerate(q['M'][:depth], 1)}
    for a, r in wr.items(): s[a] += wt / (k + r)
    for a, r in vr.items(): s[a] += wv / (k + r)
    order = sorted(s, key=lambda a: (-s[a], wr.get(a, 999)))
    return order, wr, vr

def recall(setname, wt, wv, k=60):
    n = a1 = a5 = 0
    for (st, text), q in qs.items():
        if st != setname: continue
        # an answer counts when it is the right article (some in-base answers sit outside both lists)
        order, _, _ = fuse(q, wt, wv, k)
        n += 1
        a1 += bool(order[:1] and order[0] in q['right'])
        a5 += any(a in q['right'] for a in order[:5])
    return a1 / n, a5 / n

# a tuning run's lists hold the development sets (spoken-dev, outside-dev), an older run's the held-out ones
SPOKEN = 'spoken-dev' if any(st == 'spoken-dev' for st, _ in qs) else 'spoken'
print(f'fusion: text weight, vector weight, k -> recall@1/@5 original | {SPOKEN}')
for wt, wv, k in [(1, 0, 60), (0, 1, 60), (1, 1, 60), (1, 1.5, 60), (1, 2, 60), (1, 3, 60), (1, 2, 20), (1, 3, 20), (1, 2, 10), (1, 4, 60)]:
    o = recall('original', wt, wv, k); s = recall(SPOKEN, wt, wv, k)
    print(f'  {wt} {wv} {k:3d}: {o[0]:.3f} {o[1]:.3f} | {s[0]:.3f} {s[1]:.3f}')

WT, WV, K = [float(x) for x in (sys.argv[2:5] if len(sys.argv) > 4 else (1, 2, 60))]
def signals(q):
    order, wr, vr = fuse(q, WT, WV, int(K))
    top = order[0]
    cos = dict(q['M'])
    c = cos.get(top, min(cos.values()) if cos else 0)
    second = [cos.get(a, 0) for a in order[1:2]]
    return top, c, wr.get(top, 0), vr.get(top, 0), (q['M'][0][1] - q['M'][1][1]) if len(q['M']) > 1 else 0

print(f'abstention with fusion {WT} {WV} {K}: far, near -> in-base answered & right, in-base wrong confident, outside confident')
for far, near in itertools.product([0.45, 0.48, 0.5, 0.52, 0.55], [0.55, 0.58, 0.6, 0.62, 0.65, 0.7]):
    if near < far: continue
    ib = ir = iw = ob = oc = 0
    for (st, text), q in qs.items():
        top, c, tr, vr, margin = signals(q)
        agree = tr > 0 and vr > 0 and (tr <= 3 or vr == 1)
        confident = c >= near or (c >= far and agree)
        if st.startswith('outside'):
            ob += 1; oc += confident
        else:
            ib += 1
            ir += confident and top in q['right']
            iw += confident and top not in q['right']
    print(f'  {far:.2f} {near:.2f}: {ir/ib:.3f} right, {iw/ib:.3f} wrong | outside {oc}/{ob} = {oc/ob:.3f}')
