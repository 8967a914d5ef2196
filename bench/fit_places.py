"""Fit the place model's weights (data/place_model.toml) on the development corpus.

Every municipality candidate partnerdash finds in the corpus (uncertain ones and those
below the floor included) becomes one row: its signals, and whether the corpus's answer
key lists it as that municipality. A logistic regression (L2-regularised, Newton's method)
gives one weight per signal — never one per word. The script prints the weights, the
threshold at which precision on the corpus reaches the target, and the same figures
cross-validated over five folds of items, which estimate what the fit does on text it
was not fitted on.

Run: .venv/bin/python bench/fit_places.py [--write]   (--write updates place_model.toml)
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path

# Run as a script, the checkout is not on the path; the bench package needs it there.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from bench.dev import dev_finder
from bench.devcorpus import Found, _match, corpus_dir, read_corpus
from partnerdash.geocode.resolve import PlaceFinder, default_model

ROOT = Path(__file__).resolve().parents[1]
MODEL_FILE = ROOT / "data" / "place_model.toml"
TARGET_PRECISION = 0.95
L2 = 1.0
FOLDS = 5


def rows(finder: PlaceFinder) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Signal names, the signal matrix, labels (1 = right) and each row's item number."""
    folder = corpus_dir(ROOT)
    if not folder.exists():
        sys.exit(f"needs the development corpus at {folder}")
    records: list[tuple[dict[str, float], int, int]] = []
    for number, item in enumerate(read_corpus(folder)):
        found = finder.find({"title": item.title, "summary": item.text}, None, item.lang)
        entries = [e for e in item.key.get("places", []) if e["kind"] == "municipality"]
        for place in found.places:
            chosen = place.place or place.candidate
            if chosen is None or chosen.kind != "municipality" or place.resolved_by == "override":
                continue
            probe = Found(place.name, chosen.name, chosen.kind, chosen.country, chosen.lat, chosen.lon)
            records.append((dict(place.signals), int(_match(probe, entries) is not None), number))
    names = sorted({name for signals, _, _ in records for name in signals})
    x = np.array([[signals.get(n, 0.0) for n in names] for signals, _, _ in records])
    y = np.array([label for _, label, _ in records], dtype=float)
    groups = np.array([number for _, _, number in records])
    return names, x, y, groups


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Intercept and weights of an L2-regularised logistic regression (intercept unpenalised)."""
    design = np.hstack([np.ones((len(x), 1)), x])
    beta = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-design @ beta))
        gradient = design.T @ (y - p) - penalty * beta
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta += step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def predict(beta: np.ndarray, x: np.ndarray) -> np.ndarray:
    result: np.ndarray = 1 / (1 + np.exp(-(beta[0] + x @ beta[1:])))
    return result


def precise_threshold(p: np.ndarray, y: np.ndarray, target: float) -> float:
    """The lowest threshold at which the places at or above it are right ``target`` of the time."""
    for t in np.arange(0.30, 0.96, 0.01):
        kept = p >= t
        if kept.any() and y[kept].mean() >= target:
            return float(round(t, 2))
    return 0.95


def best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    """The threshold of the best F1 over the candidates (``y.sum()`` are right)."""

    def f1(t: float) -> float:
        kept = p >= t
        tp = y[kept].sum()
        return 2 * tp / (kept.sum() + y.sum()) if kept.any() else 0.0

    return float(round(max(np.arange(0.30, 0.96, 0.01), key=f1), 2))


def report(label: str, p: np.ndarray, y: np.ndarray, threshold: float) -> None:
    kept = p >= threshold
    precision = y[kept].mean() if kept.any() else 1.0
    recall = y[kept].sum() / y.sum() if y.sum() else 1.0
    print(
        f"{label}: at threshold {threshold:.2f}: {kept.sum()} of {len(p)} candidates kept, "
        f"precision {precision:.3f}, share of the right candidates kept {recall:.3f}"
    )


def write(names: list[str], beta: np.ndarray) -> None:
    """Write intercept and weights; the threshold stays a choice made in the file."""
    text = MODEL_FILE.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^intercept = .*$", f"intercept = {beta[0]:.3f}", text)
    weights = "\n".join(f'"{name}" = {value:.3f}' for name, value in zip(names, beta[1:], strict=True))
    text = re.sub(r"(?ms)^\[weights\]\n.*?\n\n", f"[weights]\n{weights}\n\n", text)
    MODEL_FILE.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="write the fit into place_model.toml")
    args = parser.parse_args()
    base = dev_finder()
    everything = replace(default_model(), floor=0.0, threshold=0.0)
    finder = PlaceFinder(
        base.gazetteer, base.overrides, base.rules, everything, include_uncertain=True, registry=base.registry
    )
    names, x, y, groups = rows(finder)
    print(f"{len(y)} municipality candidates, {int(y.sum())} right, from {len(set(groups))} items")
    beta = fit(x, y)
    for name, value in sorted(zip(names, beta[1:], strict=True), key=lambda nv: -abs(nv[1])):
        print(f"  {name:18s} {value:+.3f}")
    print(f"  {'intercept':18s} {beta[0]:+.3f}")
    p = predict(beta, x)
    held_out = np.zeros_like(p)
    folds = groups % FOLDS
    for fold in range(FOLDS):
        train = folds != fold
        held_out[~train] = predict(fit(x[train], y[train]), x[~train])
    precise = precise_threshold(p, y, TARGET_PRECISION)
    threshold = best_threshold(held_out, y)
    chosen = default_model().threshold
    for label, t in (
        (f"precision {TARGET_PRECISION}", precise),
        ("best cross-validated F1", threshold),
        ("place_model.toml", chosen),
    ):
        print(f"threshold for {label}: {t:.2f}")
        report("  fitted on all items", p, y, t)
        report(f"  cross-validated ({FOLDS} folds of items)", held_out, y, t)
    if args.write:
        write(names, beta)
        print(f"wrote {MODEL_FILE}")


if __name__ == "__main__":
    main()
