"""Score the tagger against a labelled JSON Lines file (the dev corpus format).

The scoring rules are the corpus README's: relevance P/R/F1 over all items;
on items whose gold is relevant, each gold key is compared with the primary
event (the one with "primary": true, else the first); lists hold every
acceptable answer; admin1/location compare after normalisation; actors are
micro-averaged F1, a sub-unit being accepted with or without its parent.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .gazetteer import normalise_name
from .tagger import tag_article

INPUT_KEYS = ("id", "title", "text", "published", "url", "language")
# Sub-units the README accepts with or without their parent.
SUB_UNITS = {"katiba_macina": "jnim", "ansarul_islam": "jnim"}
FIELDS = ("country", "event_type", "sub_event_type", "fatalities", "fatalities_20pct",
          "actors", "admin1", "location", "date")


@dataclass(frozen=True, slots=True)
class Miss:
    id: str
    field: str
    expected: Any
    got: Any


@dataclass
class EvalReport:
    items: int = 0
    relevance: dict[str, int] = field(default_factory=lambda: {"tp": 0, "fp": 0, "fn": 0, "tn": 0})
    counts: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in FIELDS})
    actors: dict[str, int] = field(default_factory=lambda: {"tp": 0, "fp": 0, "fn": 0})
    misses: list[Miss] = field(default_factory=list)

    def relevance_prf(self) -> tuple[float, float, float]:
        tp, fp, fn = self.relevance["tp"], self.relevance["fp"], self.relevance["fn"]
        return _prf(tp, fp, fn)

    def actors_prf(self) -> tuple[float, float, float]:
        return _prf(self.actors["tp"], self.actors["fp"], self.actors["fn"])

    def accuracy(self, name: str) -> float | None:
        correct, total = self.counts[name]
        return correct / total if total else None

    def summary(self) -> dict[str, float | None]:
        """One figure per field: F1 for relevance and actors, accuracy for the rest."""
        out: dict[str, float | None] = {"relevance_f1": self.relevance_prf()[2]}
        for name in FIELDS:
            out[name + "_f1" if name == "actors" else name] = (
                self.actors_prf()[2] if name == "actors" and any(self.actors.values())
                else self.accuracy(name))
        return out

    def render(self) -> str:
        p, r, f1 = self.relevance_prf()
        lines = [f"{self.items} items", "",
                 f"{'field':<18}{'score':>8}  detail",
                 f"{'relevance':<18}{f1:>8.3f}  precision {p:.3f}  recall {r:.3f}  "
                 f"(tp {self.relevance['tp']}, fp {self.relevance['fp']}, fn {self.relevance['fn']})"]
        for name in FIELDS:
            correct, total = self.counts[name]
            if name == "actors":
                ap, ar, af = self.actors_prf()
                lines.append(f"{'actors (F1)':<18}{af:>8.3f}  precision {ap:.3f}  recall {ar:.3f}  "
                             f"(items exact {correct}/{total})")
            else:
                acc = correct / total if total else float("nan")
                lines.append(f"{name:<18}{acc:>8.3f}  {correct}/{total}")
        lines += ["", f"misses ({len(self.misses)}):"]
        for miss in self.misses:
            lines.append(f"  {miss.id:<8} {miss.field:<16} expected {_show(miss.expected)}  got {_show(miss.got)}")
        lines += ["", "summary:"]
        for name, value in self.summary().items():
            lines.append(f"{name:<18}{'n/a' if value is None else f'{value:.3f}'}")
        return "\n".join(lines)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def primary_event(output: Mapping[str, Any]) -> Mapping[str, Any] | None:
    events = output.get("events") or []
    return next((e for e in events if e.get("primary")), events[0] if events else None)


def _actor_sets(gold: Iterable[str], got: Iterable[str]) -> tuple[set[str], set[str]]:
    gold_set, got_set = set(gold), set(got or ())
    for unit, parent in SUB_UNITS.items():
        if unit in gold_set and unit in got_set:
            gold_set.discard(parent)
            got_set.discard(parent)
    return gold_set, got_set


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def score_item(report: EvalReport, item_id: str, gold: Mapping[str, Any], output: Mapping[str, Any]) -> None:
    """Add one item's comparison to `report`."""
    report.items += 1
    want, got_relevant = bool(gold.get("relevant")), bool(output.get("relevant"))
    key = ("tp" if got_relevant else "fn") if want else ("fp" if got_relevant else "tn")
    report.relevance[key] += 1
    if want != got_relevant:
        report.misses.append(Miss(item_id, "relevant", want, got_relevant))
    if not want:
        return
    event = primary_event(output) or {}

    def check(name: str, ok: bool, expected: Any, got: Any) -> None:
        report.counts[name][1] += 1
        report.counts[name][0] += ok
        if not ok:
            report.misses.append(Miss(item_id, name, expected, got))

    if "country" in gold:
        check("country", event.get("country") == gold["country"], gold["country"], event.get("country"))
    if gold.get("event", True) is None:
        return
    for name in ("event_type", "sub_event_type"):
        if name in gold:
            check(name, event.get(name) in _as_list(gold[name]), gold[name], event.get(name))
    if "fatalities" in gold:
        want_n, got_n = gold["fatalities"], event.get("fatalities")
        check("fatalities", want_n == got_n, want_n, got_n)
        close = (want_n is None and got_n is None) or (
            want_n is not None and got_n is not None and abs(got_n - want_n) <= 0.2 * want_n)
        report.counts["fatalities_20pct"][1] += 1
        report.counts["fatalities_20pct"][0] += close
    for name in ("admin1", "location"):
        if name in gold:
            wanted = {normalise_name(v) for v in _as_list(gold[name]) if v}
            got_name = event.get(name)
            check(name, bool(got_name) and normalise_name(str(got_name)) in wanted, gold[name], got_name)
    if "date" in gold:
        got_date = (event.get("date") or "")[:10] or None
        check("date", got_date == gold["date"], gold["date"], got_date)
    if "actors" in gold:
        gold_set, got_set = _actor_sets(gold["actors"], event.get("actors") or [])
        report.actors["tp"] += len(gold_set & got_set)
        report.actors["fp"] += len(got_set - gold_set)
        report.actors["fn"] += len(gold_set - got_set)
        check("actors", gold_set == got_set, sorted(gold_set), sorted(got_set))


def evaluate_items(items: Iterable[Mapping[str, Any]]) -> EvalReport:
    report = EvalReport()
    for item in items:
        article = {k: item[k] for k in INPUT_KEYS if k in item}
        try:
            output = tag_article(article)
        except ValueError as exc:     # an unreadable item scores as tagged nothing
            report.misses.append(Miss(str(item.get("id")), "error", None, str(exc)))
            output = {"relevant": False, "events": []}
        score_item(report, str(item.get("id")), item.get("gold") or {}, output)
    return report


SUMMARY_COLUMNS = (("relevance_f1", "relevance"), ("country", "country"), ("sub_event_type", "sub_type"),
                   ("fatalities", "fatalities"), ("actors_f1", "actors"), ("admin1", "admin1"),
                   ("location", "location"), ("date", "date"))


def summary_table(reports: Mapping[str, EvalReport]) -> str:
    """One line per labelled file, and all items together: the figures to compare sets by."""
    rows = dict(reports)
    if len(reports) > 1:
        rows["all"] = merge(reports.values())
    width = max([len(name) for name in rows] + [5])
    lines = [f"{'file':<{width}}  {'items':>5}" + "".join(f"  {title:>10}" for _, title in SUMMARY_COLUMNS)]
    for name, report in rows.items():
        summary = report.summary()
        lines.append(f"{name:<{width}}  {report.items:>5}" + "".join(
            f"  {'n/a' if summary[key] is None else f'{summary[key]:.3f}':>10}" for key, _ in SUMMARY_COLUMNS))
    return "\n".join(lines)


def merge(reports: Iterable[EvalReport]) -> EvalReport:
    """The report of all the items of several reports scored together (micro-averaged)."""
    total = EvalReport()
    for r in reports:
        total.items += r.items
        for key, value in r.relevance.items():
            total.relevance[key] += value
        for name, (correct, count) in r.counts.items():
            total.counts[name][0] += correct
            total.counts[name][1] += count
        for key, value in r.actors.items():
            total.actors[key] += value
        total.misses += r.misses
    return total


def evaluate_file(path: str | Path) -> EvalReport:
    """Tag every labelled line of `path` and score it; blank lines are skipped."""
    with open(path, encoding="utf-8") as handle:
        items = [json.loads(line) for line in handle if line.strip()]
    return evaluate_items(items)
