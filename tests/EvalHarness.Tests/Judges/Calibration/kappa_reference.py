"""Reference values for the judge-check tests, computed independently of the C# code.

Python 3 standard library only. Run from anywhere:  python3 kappa_reference.py
It prints, for each confusion matrix the tests use (rows: human label, columns: judge's verdict):
Cohen's kappa, its large-sample standard error after Fleiss, Cohen & Everitt (1969), the 95% Wald
interval clipped to [-1, 1], and the Wilson 95% interval of the accuracy (the diagonal's share).

Unweighted kappa uses the paper's own three-term formula; weighted kappa uses its general formula
with agreement weights w = 1 - (i - j)^2 / (k - 1)^2. Both are written out here term by term rather
than shared with the C# implementation, which computes the general formula only.
"""
from statistics import NormalDist
import math

Z = NormalDist().inv_cdf(0.975)


def margins(table):
    n = sum(sum(row) for row in table)
    p = [[c / n for c in row] for row in table]
    rows = [sum(r) for r in p]
    cols = [sum(p[i][j] for i in range(len(p))) for j in range(len(p))]
    return n, p, rows, cols


def unweighted(table):
    n, p, rows, cols = margins(table)
    k = len(p)
    po = sum(p[i][i] for i in range(k))
    pe = sum(rows[i] * cols[i] for i in range(k))
    kappa = (po - pe) / (1 - pe)
    a = sum(p[i][i] * (1 - (rows[i] + cols[i]) * (1 - kappa)) ** 2 for i in range(k))
    b = (1 - kappa) ** 2 * sum(p[i][j] * (cols[i] + rows[j]) ** 2 for i in range(k) for j in range(k) if i != j)
    c = (kappa - pe * (1 - kappa)) ** 2
    return kappa, math.sqrt((a + b - c) / (n * (1 - pe) ** 2))


def quadratic(table):
    n, p, rows, cols = margins(table)
    k = len(p)
    w = [[1 - (i - j) ** 2 / (k - 1) ** 2 for j in range(k)] for i in range(k)]
    po = sum(w[i][j] * p[i][j] for i in range(k) for j in range(k))
    pe = sum(w[i][j] * rows[i] * cols[j] for i in range(k) for j in range(k))
    kappa = (po - pe) / (1 - pe)
    wi = [sum(cols[j] * w[i][j] for j in range(k)) for i in range(k)]
    wj = [sum(rows[i] * w[i][j] for i in range(k)) for j in range(k)]
    s = sum(p[i][j] * (w[i][j] - (wi[i] + wj[j]) * (1 - kappa)) ** 2 for i in range(k) for j in range(k))
    return kappa, math.sqrt((s - (kappa - pe * (1 - kappa)) ** 2) / (n * (1 - pe) ** 2))


def wilson(successes, n):
    p = successes / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)
    return centre - half, centre + half


def confusion(human, judge, labels):
    table = [[0] * len(labels) for _ in labels]
    for h, j in zip(human, judge):
        table[labels.index(h)][labels.index(j)] += 1
    return table


CASES = {
    "requirement, all": ([[9, 3], [3, 7]], unweighted),
    "requirement, ja": ([[5, 1], [1, 4]], unweighted),
    "requirement, en": ([[4, 2], [2, 3]], unweighted),
    "refusal": ([[1, 1, 0], [0, 1, 1], [0, 0, 2]], unweighted),
    "stats.json ordinal_0_to_4, quadratic": (confusion(
        [0, 1, 2, 3, 4, 2, 3, 1, 0, 4, 2, 3, 1, 4, 2, 0],
        [0, 2, 2, 4, 4, 1, 3, 1, 1, 3, 2, 2, 0, 4, 3, 0], [0, 1, 2, 3, 4]), quadratic),
}

for name, (table, method) in CASES.items():
    kappa, se = method(table)
    agree = sum(table[i][i] for i in range(len(table)))
    n = sum(map(sum, table))
    low, high = wilson(agree, n)
    print(f"{name}: kappa {kappa!r} se {se!r} ci [{max(-1.0, kappa - Z * se)!r}, {min(1.0, kappa + Z * se)!r}]"
          f" accuracy {agree}/{n} wilson [{low!r}, {high!r}]")
