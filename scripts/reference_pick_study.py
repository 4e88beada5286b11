#!/usr/bin/env python3
"""What do the EASC references pick, and can a sentence model beat Lead out of fold?

Reads the shared data at run time (never copies it into the project):

    cargo run --release -q --example score_features -- ../shared/eval/easc/dev.jsonl > /tmp/feat.jsonl
    python3 -m venv /tmp/v && /tmp/v/bin/pip install numpy scikit-learn
    /tmp/v/bin/python scripts/reference_pick_study.py /tmp/feat.jsonl [../shared/eval]

Units are khulasa's sentences (from the example's dump, the same segmenter and
candidates as `khulasa summarize`). A reference "picks" a sentence when >= 50 %
of the tokens of its first 255 characters (newlines removed) are covered by
trigrams of the reference: the references were stored with every selected
sentence cut to 255 characters and with line breaks deleted (so hard-wrapped
words are glued), which this matching allows for. label = share of the 5
references that pick the sentence.

Models: logistic regression on the label (fractional, as weighted 0/1 rows),
applied per article as a ranking, packed by a replica of
`summarize::select` (best first; a sentence that overruns the budget only if it
comes last), truncated to budget_words and scored with rouge_ar.py's own
functions. Out-of-fold figures: leave-one-article-out (LOAO) and repeated
2-fold / 5-fold splits, against Lead on the same articles.
"""
import collections
import json
import os
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression

FEAT = sys.argv[1]
EVAL = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval")
if not os.path.exists(os.path.join(EVAL, "rouge_ar.py")):
    EVAL = "/work/shared/eval"
sys.path.insert(0, EVAL)
import rouge_ar as R  # noqa: E402

CUT = 255


def glued(s):
    return s.replace("\r", "").replace("\n", "")


def cover(st, ref, k=3):
    n = len(st)
    if n == 0:
        return 0.0
    if n < k:
        return 1.0 if any(ref[i:i + n] == st for i in range(len(ref) - n + 1)) else 0.0
    grams = {tuple(ref[i:i + k]) for i in range(len(ref) - k + 1)}
    cov = [0] * n
    for i in range(n - k + 1):
        if tuple(st[i:i + k]) in grams:
            cov[i:i + k] = [1] * k
    return sum(cov) / n


class Art:
    pass


data = {d["id"]: d for d in R.load_jsonl(os.path.join(EVAL, "easc", "dev.jsonl"))}
ARTS = []
for r in R.load_jsonl(FEAT):
    d = data[r["id"]]
    a = Art()
    a.id, a.budget = d["id"], d["budget_words"]
    a.units = [d["text"][s:e] for s, e in r["sentences"]]
    a.toks = [R.tokenize(u) for u in a.units]
    a.len = np.array([len(t) for t in a.toks])
    a.refs = [R.tokenize(x) for x in d["refs"]]
    grefs = [R.tokenize(glued(x)) for x in d["refs"]]
    cov, full = [], []
    for u in a.units:
        g = glued(u).lstrip()
        st = R.tokenize(g[:CUT])
        if len(g) > CUT and len(st) > 1:
            st = st[:-1]  # the cut may fall inside the last word
        cov.append([cover(st, x) for x in grefs])
        full.append([cover(R.tokenize(g), x) for x in grefs])
    a.cov, a.full = np.array(cov), np.array(full)
    a.lab = (a.cov >= 0.5).mean(1)
    a.cand = np.array(r["candidate"], dtype=bool)
    n = len(a.units)
    par = r["paragraph"]
    ps, pp, prev, k = np.zeros(n), np.zeros(n), None, -1
    for i in range(n):
        if a.cand[i]:
            if par[i] != prev:
                ps[i], k, prev = 1, k + 1, par[i]
            pp[i] = 1 / np.sqrt(1 + k)
    f = r["features"]
    cols = {
        "position": np.array(f["position"]),
        "para_start": ps,
        "para_position": pp,
        "centroid": np.array(f["centroid"]),
        "lexrank": np.array(f["lexrank"]),
        "textrank": np.array(f["textrank"]),
        "keywords": np.array(f["keywords"]),
        "length": np.array(f["length"]),
        "long255": np.array([1.0 if len(glued(u).strip()) > CUT else 0.0 for u in a.units]),
        "parity(artifact)": (np.arange(n) % 2 == 0).astype(float),
    }
    a.F = cols
    ARTS.append(a)


def rouge(a, idx):
    cand = [w for i in sorted(idx) for w in a.toks[i]][: a.budget]
    m = R.multi_ref([R.pair_scores(cand, x) for x in a.refs])
    return np.array([m["avg"][k][2] for k in R.METRICS])


def select(a, score):
    order = sorted((i for i in range(len(score)) if a.len[i] > 0 and score[i] > -1e8), key=lambda i: (-score[i], i))
    chosen, words, skipped = [], 0, []
    for i in order:
        if words >= a.budget:
            break
        if words + a.len[i] <= a.budget or not chosen or all(c < i for c in chosen):
            chosen.append(i)
            words += a.len[i]
        else:
            skipped.append(i)
    for i in skipped:
        if words >= a.budget:
            break
        chosen.append(i)
        words += a.len[i]
    return chosen


def lead(a):
    return rouge(a, select(a, -np.arange(len(a.units), dtype=float)))


LEAD = {a.id: lead(a) for a in ARTS}

# ------------------------------------------------------------------ data findings
print("== data")
print(f"articles {len(ARTS)}, sentences/article {np.mean([len(a.units) for a in ARTS]):.1f}")
pos = collections.defaultdict(list)
for a in ARTS:
    for i, v in enumerate(a.lab):
        pos[min(i, 10)].append(v)
print("share of references picking the sentence, by index (10 = 10+):",
      " ".join(f"{k}:{np.mean(v):.2f}" for k, v in sorted(pos.items())))
part = [(a.full[i, j], a.cov[i, j]) for a in ARTS for i in range(len(a.units)) for j in range(5)
        if len(glued(a.units[i]).strip()) > CUT + 20]
print(f"long sentences (>{CUT + 20} chars), (sentence, ref) pairs: {len(part)}; picked by the 255-char prefix:"
      f" {sum(c >= .5 for _, c in part)}, of these with < 85 % of the whole sentence in the ref:"
      f" {sum(c >= .5 and f < .85 for f, c in part)}")
kinds = collections.Counter()
for a in ARTS:
    for j in range(5):
        S = sorted(np.where(a.cov[:, j] >= 0.5)[0])
        if len(S) >= 3 and all(b - x == 2 for x, b in zip(S, S[1:])):
            kinds["every other sentence" + (" from the first" if S[0] == 0 else "")] += 1
        elif S and S == list(range(len(S))):
            kinds["a prefix (lead)"] += 1
        else:
            kinds["other"] += 1
print("reference patterns:", dict(kinds))
same = sum(any((a.cov[:, x] >= .5).tolist() == (a.cov[:, y] >= .5).tolist() for x in range(5) for y in range(x + 1, 5))
           for a in ARTS)
print(f"articles with two references picking identical sentence sets: {same}")
print("ceiling: rank by the true label ->", (100 * np.mean([rouge(a, select(a, a.lab - 1e-3 * np.arange(len(a.lab)))) for a in ARTS], 0)).round(2))


# ------------------------------------------------------------------ models
def fit(arts, names, C=1.0):
    X = np.vstack([np.column_stack([a.F[n] for n in names])[a.cand] for a in arts])
    y = np.concatenate([a.lab[a.cand] for a in arts])
    m = LogisticRegression(C=C, max_iter=2000)
    m.fit(np.vstack([X, X]), np.r_[np.ones(len(y)), np.zeros(len(y))], sample_weight=np.r_[y, 1 - y])
    return m


def run(names, k, seed):
    idx = np.arange(len(ARTS))
    np.random.default_rng(seed).shuffle(idx)
    res = {}
    for fold in np.array_split(idx, k):
        held = set(fold.tolist())
        m = fit([ARTS[i] for i in idx if i not in held], names)
        for i in fold:
            a = ARTS[i]
            s = m.decision_function(np.column_stack([a.F[n] for n in names]))
            res[a.id] = rouge(a, select(a, np.where(a.cand, s, -1e9)))
    return res


print("\n== out-of-fold ROUGE F1 x100 (R1/R2/RL); Lead on the same articles:",
      (100 * np.mean(list(LEAD.values()), 0)).round(2))
SETS = [
    ["position"],
    ["position", "para_start", "para_position"],
    ["position", "centroid"],
    ["position", "textrank"],
    ["position", "lexrank"],
    ["position", "keywords"],
    ["position", "length"],
    ["position", "long255"],
    ["position", "para_start", "para_position", "centroid", "lexrank", "textrank", "keywords", "length", "long255"],
    ["position", "parity(artifact)"],
]
for names in SETS:
    loao = run(names, len(ARTS), 0)
    d = np.array([loao[a.id][0] - LEAD[a.id][0] for a in ARTS]) * 100
    two = [np.mean(list(run(names, 2, s).values()), 0)[0] * 100 for s in range(10)]
    print(f"{'+'.join(names):95s} LOAO {(100 * np.mean(list(loao.values()), 0)).round(2)}"
          f" dR1 {d.mean():+.2f} (better/worse articles {(d > .01).sum()}/{(d < -.01).sum()})"
          f" | 2-fold x10 R1 mean {np.mean(two):.2f} min {np.min(two):.2f}")
