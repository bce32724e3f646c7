"""CLI commands of the assessment: ``assess``, ``timeline``, ``review ...``, ``question ...``.

Register them on the main group::

    from foothold.assess.commands import register
    register(cli)          # adds assess, timeline, review, question

They read and write through :class:`foothold.store.Store` (``--db URL``;
default ``$FOOTHOLD_DB`` or ``sqlite:///foothold.db``).  Tests swap the store
with :func:`set_store_factory`.  Data goes to standard output, messages to
standard error; a usage error exits with status 2, a missing store object
(unknown claim, decision or question) or a refused change (undoing an undone
decision, re-resolving a question without ``--force``) with status 1.  A
``--db`` that names a SQLite file that does not exist is a usage error: every
command here needs stored claims, and opening the store would otherwise create
an empty database silently.
"""

from __future__ import annotations

import json
import logging
import math
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import click

from foothold.case import Case, CaseError, load_case
from foothold.model import Decision, Forecast, Question

from . import icd203
from .admiralty import parse_grade
from .bayes import ach_matrix, assess, timeline
from .questions import question_probability, score_questions
from .types import Assessment

__all__ = ["assess_command", "question", "register", "render_explanation", "render_text", "review", "set_store_factory", "timeline_command"]

log = logging.getLogger(__name__)


def _default_factory(url: str | None) -> Any:
    from foothold.store import Store

    return Store(url)


_store_factory: Callable[[str | None], Any] = _default_factory


def set_store_factory(factory: Callable[[str | None], Any] | None) -> None:
    """Use ``factory(url)`` to open stores (None restores :class:`foothold.store.Store`)."""
    global _store_factory
    _store_factory = factory or _default_factory


def _sqlite_path(url: str | None) -> str | None:
    """The file path of a SQLite ``url`` (``sqlite:///path`` or a plain path), else None.

    None for in-memory databases and for other drivers (PostgreSQL ...).  ``url``
    None means ``$FOOTHOLD_DB`` or the store's default URL, as :class:`foothold.store.Store` reads it.
    """
    if url is None:
        try:
            from foothold.store import DEFAULT_URL
        except ImportError:  # pragma: no cover - the store is part of foothold
            DEFAULT_URL = "sqlite:///foothold.db"
        url = os.environ.get("FOOTHOLD_DB") or DEFAULT_URL
    url = os.fspath(url).strip()
    if not url:
        return None
    if "://" not in url:
        path = url
    elif url.startswith("sqlite:///") or url.startswith("sqlite+pysqlite:///"):
        path = url.split(":///", 1)[1].split("?", 1)[0]
    else:
        return None
    if not path or path == ":memory:" or path.startswith("file:"):
        return None
    return path


def _require_db(url: str | None) -> None:
    """Usage error (exit 2) when ``url`` names a SQLite file that does not exist.

    Opening a :class:`foothold.store.Store` creates a missing SQLite file; every
    command here needs stored claims, so a typo in ``--db`` must not silently
    give an empty database and an assessment from priors alone.
    """
    path = _sqlite_path(url)
    if path is not None and not os.path.exists(path):
        raise click.UsageError(f"no database at {path}: run `foothold ingest` first")


def _open(url: str | None) -> Any:
    if _store_factory is _default_factory:
        _require_db(url)
    try:
        return _store_factory(url)
    except Exception as exc:  # StoreError and driver errors: report, don't trace
        raise click.ClickException(f"cannot open the store: {exc}") from None


def _close(store: Any) -> None:
    close = getattr(store, "close", None)
    if close:
        close()


def _case(path: str | None) -> Case:
    try:
        return load_case(path)
    except CaseError as exc:
        raise click.UsageError(str(exc)) from None


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _pct(p: float) -> str:
    pct = 100 * p
    if pct < 1:
        return "<1%"
    if pct > 99:
        return ">99%"
    return f"{pct:.0f}%"


def word_range_text(p: float, word_range: tuple[float, float]) -> str:
    """The ICD 203 range of a word, as shown next to it: "1–5%".

    ICD 203 clamps values below 1 % to the first band and above 99 % to the
    last, so a value can lie outside its word's range; then the range would
    contradict the number, and "below 1%" / "above 99%" is shown instead.
    """
    lo, hi = word_range
    if p < lo:
        return f"below {100 * lo:.0f}%"
    if p > hi:
        return f"above {100 * hi:.0f}%"
    return f"{100 * lo:.0f}–{100 * hi:.0f}%"


def _lr_number(lr: float) -> str:
    """A likelihood ratio with two significant digits ("0.29", "3.1", "12")."""
    if lr >= 10:
        return f"{lr:,.0f}"
    return f"{lr:.2g}"


db_option = click.option("--db", "db", metavar="URL", default=None, help="Store URL or SQLite path (default: $FOOTHOLD_DB or foothold.db).")
case_option = click.option("--case", "case_path", type=click.Path(dir_okay=False), default=None, help="A case YAML file (default: the bundled case).")


def _parse_priors(values: tuple[str, ...], case: Case) -> dict[str, float]:
    out: dict[str, float] = {}
    for v in values:
        hyp, sep, num = v.partition("=")
        if not sep:
            raise click.BadParameter(f"expected h=p, got {v!r}", param_hint="--prior")
        try:
            p = float(num)
        except ValueError:
            raise click.BadParameter(f"not a number: {num!r}", param_hint="--prior") from None
        if hyp.strip() not in case.hypothesis_ids:
            raise click.BadParameter(f"unknown hypothesis {hyp!r} (one of {', '.join(case.hypothesis_ids)})", param_hint="--prior")
        if not (0.0 < p < 1.0):
            raise click.BadParameter(f"a prior must be in (0, 1), got {p}", param_hint="--prior")
        out[hyp.strip()] = p
    return out


def _inputs(store: Any, as_of: str | None) -> tuple[list, dict[str, str], list[Decision]]:
    evidence = store.load_evidence(as_of=as_of, relevant_only=True)
    grades = dict(store.source_grades())
    decisions = list(store.decisions(active_only=True))
    return evidence, grades, decisions


# ---------------------------------------------------------------------------
# rendering


def confidence_level(a: Assessment) -> tuple[str, str]:
    """(high|moderate|low, reason): a heuristic from the number and weight of independent origins.

    high: >= 10 origins with mean weight >= 0.6; moderate: >= 4 origins; low otherwise.
    """
    n = a.n_origins
    mean_w = sum(c.weight for c in a.contributions) / len(a.contributions) if a.contributions else 0.0
    if n >= 10 and mean_w >= 0.6:
        level = "high"
    elif n >= 4:
        level = "moderate"
    else:
        level = "low"
    reason = f"it rests on {n} independent origin{'s' if n != 1 else ''} with a mean trust weight of {mean_w:.2f}"
    return level, reason


def _hyp_label(case: Case, hyp: str) -> str:
    try:
        return case.hypothesis(hyp).label
    except KeyError:
        return hyp


def _lr_text(c: Any, hyp: str, case: Case | None = None) -> str:
    """"LR 0.29 against Stall" / "LR 3.1 for Industrial foothold": the ratio, direction and hypothesis."""
    log_lr = c.log_lr[hyp]
    direction = "for" if log_lr >= 0 else "against"
    label = _hyp_label(case, hyp) if case is not None else hyp
    return f"LR {_lr_number(math.exp(log_lr))} {direction} {label}"


def _claim_ref(c: Any) -> str:
    """"[claim c0123...]": the first claim id (for ``foothold review claim``), and how many more."""
    ids = list(getattr(c, "claim_ids", None) or [])
    if not ids:
        return ""
    more = f" +{len(ids) - 1} more" if len(ids) > 1 else ""
    return f" [claim {ids[0]}{more}]"


def _evidence_line(c: Any, hyp: str | None = None, case: Case | None = None) -> str:
    head = f"[{c.grade}] {c.indicator} ({c.polarity})"
    if hyp is not None:
        head = f"{_lr_text(c, hyp, case)}: {head}"
    where = ", ".join(x for x in (c.outlet or "unknown outlet", c.published or "undated") if x)
    copies = f"; {c.n_reports} reports" if c.n_reports > 1 else ""
    return f'{head} "{c.sentence.strip()}" ({where}; origin {c.origin}{copies}){_claim_ref(c)}'


def render_text(a: Assessment, case: Case, *, top: int = 5) -> str:
    """The plain-text assessment: hypotheses with probability and ICD 203 word, counts, top evidence."""
    lines = [f"{case.title}: assessment as of {a.as_of or 'all evidence'}"]
    lines.append(f"{a.n_reports} reports / {a.n_origins} independent origins ({a.n_claims} claims)")
    lines.append("")
    width = max(len(h.label) for h in a.hypotheses)
    words = [f"{h.word} ({word_range_text(h.probability, h.word_range)})" for h in a.hypotheses]
    wwidth = max(len(w) for w in words)
    for h, w in zip(a.hypotheses, words, strict=True):
        lines.append(f"  {h.label:<{width}}  {_pct(h.probability):>5}  {w:<{wwidth}}  (prior {_pct(h.prior)})")
    lines.append("")
    level, reason = confidence_level(a)
    lines.append(icd203.confidence_sentence(level, reason))
    if a.contributions:
        lines.append("")
        lines.append("Evidence that moved it most:")
        for i, c in enumerate(a.contributions[:top], 1):
            best = max(c.log_lr, key=lambda h: abs(c.log_lr[h]))
            lines.append(f"  {i}. {_evidence_line(c, best, case)}")
    return "\n".join(lines)


def render_explanation(a: Assessment, case: Case, *, per_hypothesis: int = 10) -> str:
    """Per hypothesis: the likelihood sentence, then evidence in order of influence on it, then leave-one-out.

    Likelihood words and confidence phrases are never in one sentence (ICD 203).
    """
    lines = [f"{case.title}: explanation as of {a.as_of or 'all evidence'}"]
    lines.append(f"{a.n_reports} reports / {a.n_origins} independent origins ({a.n_claims} claims).")
    for h in a.hypotheses:
        lines.append("")
        lines.append(icd203.likelihood_sentence(h.label, h.probability) + f" Prior {_pct(h.prior)}.")
        ranked = sorted(a.contributions, key=lambda c: -abs(c.log_lr[h.id]))[:per_hypothesis]
        for c in ranked:
            lines.append(f"  {_evidence_line(c, h.id, case)}")
        if not ranked:
            lines.append("  (no evidence)")
    lines.append("")
    if a.leave_one_out:
        top = a.leave_one_out[0]
        hyp = top["hypothesis"]
        label = case.hypothesis(hyp).label
        now = a.probability(hyp)
        without = top["probabilities_without"][hyp]
        lines.append(
            f"Leave-one-out: without origin {top['origin']} ({', '.join(top['indicators'])}; "
            f"{top['outlet'] or 'unknown outlet'}, {top['published'] or 'undated'}) {label} would be "
            f"{_pct(without)} instead of {_pct(now)}; no other origin moves any hypothesis more "
            f"({100 * top['change']:.1f} points)."
        )
    level, reason = confidence_level(a)
    lines.append(icd203.confidence_sentence(level, reason))
    return "\n".join(lines)


def render_matrix(rows: list[dict[str, Any]], case: Case) -> str:
    """Heuer's ACH matrix as text: one row per origin and indicator, one column per hypothesis."""
    hyps = case.hypothesis_ids
    head = f"{'origin':<18} {'indicator (polarity)':<38} {'grade':<5} {'w':>5}  " + "  ".join(f"{h[:14]:>14}" for h in hyps)
    out = [head, "-" * len(head)]
    for r in rows:
        ind = f"{r['indicator']} ({r['polarity'][:3]})"
        marks = "  ".join(f"{r['marks'][h]:>14}" for h in hyps)
        out.append(f"{r['origin'][:18]:<18} {ind[:38]:<38} {r['grade']:<5} {r['weight']:5.2f}  {marks}")
    out.append("")
    out.append("CC/C: consistent (LR >= 2 / >= 1.25); N: neutral; I/II: inconsistent (LR <= 0.8 / <= 0.5).")
    return "\n".join(out)


# ---------------------------------------------------------------------------
# assess / timeline


@click.command("assess")
@click.option("--as-of", "as_of", metavar="DATE", default=None, help="Only evidence published on or before DATE (YYYY[-MM[-DD]]).")
@click.option("--explain", is_flag=True, help="Per hypothesis, the evidence in order of influence and the leave-one-out line.")
@click.option("--prior", "prior", multiple=True, metavar="H=P", help="Override a hypothesis prior (repeatable; renormalised).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--matrix", is_flag=True, help="Print the ACH matrix (origin x hypothesis).")
@click.option("--top", type=int, default=5, show_default=True, help="Evidence lines in the text summary.")
@db_option
@case_option
def assess_command(as_of: str | None, explain: bool, prior: tuple[str, ...], fmt: str, matrix: bool, top: int, db: str | None, case_path: str | None) -> None:
    """Weigh the stored evidence against the case's hypotheses (Bayesian ACH)."""
    the_case = _case(case_path)
    priors = _parse_priors(prior, the_case)
    store = _open(db)
    try:
        try:
            evidence, grades, decisions = _inputs(store, as_of)
            a = assess(evidence, the_case, as_of=as_of, grades=grades, decisions=decisions, priors=priors or None)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
    finally:
        _close(store)
    if fmt == "json":
        out = a.to_json()
        out["hypotheses"] = [
            {"id": h.id, "label": h.label, "probability": h.probability, "word": h.word, "prior": h.prior,
             "word_range": list(h.word_range)}
            for h in a.hypotheses
        ]
        if matrix:
            out["matrix"] = ach_matrix(a, the_case)
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    click.echo(render_explanation(a, the_case) if explain else render_text(a, the_case, top=top))
    if matrix:
        click.echo("")
        click.echo(render_matrix(ach_matrix(a, the_case), the_case))


@click.command("timeline")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--as-of", "as_of", metavar="DATE", default=None, help="Stop at DATE.")
@db_option
@case_option
def timeline_command(fmt: str, as_of: str | None, db: str | None, case_path: str | None) -> None:
    """The posterior at each date evidence arrived (cumulative)."""
    the_case = _case(case_path)
    store = _open(db)
    try:
        evidence, grades, decisions = _inputs(store, as_of)
    finally:
        _close(store)
    try:
        points = timeline(evidence, the_case, grades=grades, decisions=decisions, as_of=as_of)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps([p.to_json() for p in points], ensure_ascii=False, indent=2))
        return
    hyps = the_case.hypothesis_ids
    labels = [_hyp_label(the_case, h) for h in hyps]
    widths = [max(len(lab), 5) for lab in labels]
    click.echo(f"{'date':<10}  " + "  ".join(f"{lab:>{w}}" for lab, w in zip(labels, widths, strict=True))
               + "  reports/origins")
    for p in points:
        click.echo(f"{p.date:<10}  " + "  ".join(f"{_pct(p.probabilities[h]):>{w}}" for h, w in zip(hyps, widths, strict=True))
                   + f"  {p.n_reports}/{p.n_origins}")
    if not points:
        click.echo("(no dated relevant evidence)", err=True)


# ---------------------------------------------------------------------------
# review


@click.group("review")
def review() -> None:
    """Analyst judgement on claims and sources (auditable, undoable)."""


def _stored_claim_ids(store: Any) -> set[str]:
    """Ids of every stored claim (relevant or not)."""
    return {c.claim_id for e in store.load_evidence() for c in e.claims}


def _cited_source(store: Any, case: Case, name: str) -> bool:
    """True when a case actor or a stored claim's source (first attribution, else outlet) is ``name``.

    Names compare as :class:`~foothold.assess.admiralty.SourceRegistry` does:
    through the case's aliases, case- and punctuation-folded.
    """
    from foothold.names import fold_name

    from .admiralty import SourceRegistry

    registry = SourceRegistry(case)
    target = fold_name(registry.canonical(name))
    if any(fold_name(a.name) == target for a in case.actors):
        return True
    for e in store.load_evidence():
        for c in e.claims:
            src = c.attributions[0] if c.attributions else e.document.outlet
            if src and fold_name(registry.canonical(src)) == target:
                return True
    return False


def _record(store: Any, d: Decision) -> Decision:
    try:
        return store.add_decision(d)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


@review.command("claim")
@click.argument("claim_id")
@click.option("--accept", "action", flag_value="accept", help="Keep the claim; credibility at least 2.")
@click.option("--reject", "action", flag_value="reject", help="Exclude the claim from the assessment.")
@click.option("--grade", "grade", metavar="B2", default=None, help="Set the claim's Admiralty grade (letter, digit or both).")
@click.option("--analyst", required=True)
@click.option("--reason", default="", help="Why (kept with the decision).")
@db_option
def review_claim(claim_id: str, action: str | None, grade: str | None, analyst: str, reason: str, db: str | None) -> None:
    """Accept, reject or grade one claim."""
    if (action is None) == (grade is None):
        raise click.UsageError("give exactly one of --accept, --reject or --grade")
    reliability = credibility = None
    if grade is not None:
        try:
            reliability, credibility = parse_grade(grade)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--grade") from None
        action = "grade"
    store = _open(db)
    try:
        if claim_id not in _stored_claim_ids(store):
            raise click.ClickException(f"no stored claim with id {claim_id}")
        d = _record(store, Decision("claim", claim_id, action or "grade", analyst, reason=reason,
                                    reliability=reliability, credibility=credibility, created_at=_now()))
    finally:
        _close(store)
    click.echo(d.decision_id)
    click.echo(f"recorded: {d.action} claim {claim_id} by {analyst}", err=True)


@review.command("source")
@click.argument("name")
@click.option("--grade", "grade", required=True, metavar="B", help="Reliability letter A-F.")
@click.option("--analyst", required=True)
@click.option("--reason", default="")
@db_option
@case_option
def review_source(name: str, grade: str, analyst: str, reason: str, db: str | None, case_path: str | None) -> None:
    """Grade a source's reliability (A-F) for all its claims.

    A name that no stored claim cites and no case actor bears is still
    recorded (claims citing it may come later), with a warning on stderr.
    """
    try:
        reliability, credibility = parse_grade(grade)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--grade") from None
    if reliability is None or credibility is not None:
        raise click.BadParameter("a source grade is one letter A-F", param_hint="--grade")
    the_case = _case(case_path)
    store = _open(db)
    try:
        cited = _cited_source(store, the_case, name)
        d = _record(store, Decision("source", name, "grade", analyst, reason=reason, reliability=reliability, created_at=_now()))
    finally:
        _close(store)
    if not cited:
        click.echo(f"warning: no stored claim cites {name} yet (recorded anyway)", err=True)
    click.echo(d.decision_id)
    click.echo(f"recorded: source {name} graded {reliability} by {analyst}", err=True)


@review.command("undo")
@click.argument("decision_id")
@click.option("--analyst", required=True)
@db_option
def review_undo(decision_id: str, analyst: str, db: str | None) -> None:
    """Withdraw a decision (it stays in the record, marked undone)."""
    store = _open(db)
    try:
        for old in store.decisions(active_only=False):
            if old.decision_id == decision_id and old.undone_at:
                raise click.ClickException(
                    f"decision {decision_id} was already undone on {old.undone_at[:10]} by {old.undone_by}")
        try:
            d = store.undo_decision(decision_id, analyst)
        except KeyError:
            raise click.ClickException(f"no decision {decision_id}") from None
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
    finally:
        _close(store)
    click.echo(f"undone: {d.decision_id} ({d.action} {d.target_kind} {d.target_id}) by {d.undone_by} at {d.undone_at}")


@review.command("list")
@click.option("--all", "show_all", is_flag=True, help="Include undone decisions.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
def review_list(show_all: bool, fmt: str, db: str | None) -> None:
    """List decisions (active ones unless --all)."""
    store = _open(db)
    try:
        items = store.decisions(active_only=not show_all)
    finally:
        _close(store)
    if fmt == "json":
        from dataclasses import asdict

        click.echo(json.dumps([asdict(d) for d in items], ensure_ascii=False, indent=2))
        return
    if not items:
        click.echo("no decisions" if show_all else "no decisions (use --all to include undone ones)")
        return
    for d in items:
        grade = f"{d.reliability or ''}{d.credibility or ''}"
        state = f" UNDONE {d.undone_at} by {d.undone_by}" if d.undone_at else ""
        click.echo(f"{d.decision_id}  {d.created_at}  {d.analyst}: {d.action} {d.target_kind} {d.target_id} {grade} {d.reason}{state}".rstrip())


# ---------------------------------------------------------------------------
# questions


@click.group("question")
def question() -> None:
    """Forecast questions: add, list, resolve, record the tool's forecasts, score."""


@question.command("add")
@click.argument("question_id")
@click.option("--text", required=True, help="The question.")
@click.option("--criteria", required=True, help="How it resolves.")
@click.option("--resolution-date", "resolution_date", required=True, metavar="DATE")
@click.option("--hypothesis", default=None, help="Tie to the case: h_id, h1+h2, !h_id or indicator:polarity.")
@db_option
@case_option
def question_add(question_id: str, text: str, criteria: str, resolution_date: str, hypothesis: str | None, db: str | None, case_path: str | None) -> None:
    """Add a binary question."""
    from .dates import check_date, on_or_before

    try:
        check_date(resolution_date, "--resolution-date")
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--resolution-date") from None
    today = _now()[:10]
    past = not on_or_before(today, resolution_date)
    if hypothesis:
        the_case = _case(case_path)
        probe = assess([], the_case, leave_one_out=False)
        try:
            question_probability(probe, hypothesis, the_case)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--hypothesis") from None
    store = _open(db)
    try:
        store.add_question(Question(question_id, text, criteria, resolution_date, created_at=_now(), hypothesis=hypothesis))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    except Exception as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        _close(store)
    if past:
        click.echo(f"warning: the resolution date {resolution_date} is in the past (today is {today})", err=True)
    click.echo(question_id)


@question.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
def question_list(fmt: str, db: str | None) -> None:
    """List questions with their state."""
    store = _open(db)
    try:
        qs = store.questions()
    finally:
        _close(store)
    if fmt == "json":
        from dataclasses import asdict

        click.echo(json.dumps([asdict(q) for q in qs], ensure_ascii=False, indent=2))
        return
    for q in qs:
        state = "open" if q.outcome is None else (f"resolved {'YES' if q.outcome else 'NO'} {q.resolved_at or ''}")
        tie = f" [{q.hypothesis}]" if q.hypothesis else ""
        click.echo(f"{q.question_id}  by {q.resolution_date}  {state}{tie}  {q.text}")


@question.command("resolve")
@click.argument("question_id")
@click.option("--yes/--no", "outcome", required=True, default=None)
@click.option("--resolved-at", "resolved_at", metavar="DATE", default=None, help="Default: today (UTC).")
@click.option("--force", is_flag=True, help="Overwrite the outcome of an already resolved question.")
@db_option
def question_resolve(question_id: str, outcome: bool, resolved_at: str | None, force: bool, db: str | None) -> None:
    """Record a question's outcome (an already resolved question only with --force)."""
    store = _open(db)
    try:
        old = next((q for q in store.questions() if q.question_id == question_id), None)
        if old is not None and old.outcome is not None and not force:
            raise click.ClickException(
                f"question {question_id} was already resolved {'YES' if old.outcome else 'NO'}"
                f" at {old.resolved_at or 'an unknown date'}; give --force to change it")
        try:
            q = store.resolve_question(question_id, outcome, resolved_at or _now()[:10])
        except KeyError:
            raise click.ClickException(f"no question {question_id}") from None
    finally:
        _close(store)
    click.echo(f"{q.question_id} resolved {'YES' if q.outcome else 'NO'} at {q.resolved_at}")


@question.command("record")
@click.argument("question_ids", nargs=-1)
@click.option("--as-of", "as_of", metavar="DATE", default=None, help="Assess as of DATE (default: today, all evidence).")
@db_option
@case_option
def question_record(question_ids: tuple[str, ...], as_of: str | None, db: str | None, case_path: str | None) -> None:
    """Record the tool's forecast for tied questions (all open tied questions by default)."""
    the_case = _case(case_path)
    store = _open(db)
    try:
        qs = [q for q in store.questions() if (q.question_id in question_ids if question_ids else q.outcome is None)]
        missing = set(question_ids) - {q.question_id for q in qs}
        if missing:
            raise click.ClickException(f"no question {', '.join(sorted(missing))}")
        evidence, grades, decisions = _inputs(store, as_of)
        try:
            a = assess(evidence, the_case, as_of=as_of, grades=grades, decisions=decisions, leave_one_out=False)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
        stamp = as_of or _now()[:10]
        n = 0
        for q in qs:
            if not q.hypothesis:
                click.echo(f"{q.question_id}: not tied to the case (no --hypothesis); skipped", err=True)
                continue
            try:
                p = question_probability(a, q, the_case)
            except ValueError as exc:
                click.echo(f"{q.question_id}: {exc}; skipped", err=True)
                continue
            store.add_forecast(Forecast(q.question_id, stamp, p, method="foothold-assess", created_at=_now()))
            click.echo(f"{q.question_id}  {stamp}  {p:.3f}")
            n += 1
    finally:
        _close(store)
    if n == 0:
        click.echo("no forecast recorded", err=True)


@question.command("score")
@click.option("--method", default=None, help="Only forecasts of this method (e.g. foothold-assess).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
def question_score(method: str | None, fmt: str, db: str | None) -> None:
    """Brier, log and Metaculus baseline scores of the forecasts on resolved questions."""
    store = _open(db)
    try:
        scores = score_questions(store.questions(), store.forecasts(), method=method)
    finally:
        _close(store)
    if fmt == "json":
        n = len(scores)
        summary = {
            "n": n,
            "mean_brier": sum(s.brier for s in scores) / n if n else None,
            "mean_log": sum(s.log for s in scores) / n if n else None,
            "mean_baseline": sum(s.baseline for s in scores) / n if n else None,
        }
        click.echo(json.dumps({"scores": [s.to_json() for s in scores], **summary}, ensure_ascii=False, indent=2))
        return
    if not scores:
        click.echo("no resolved question with a forecast made before it resolved", err=True)
        return
    click.echo(f"{'question':<14} {'p':>6} {'outcome':>7} {'Brier':>7} {'log':>7} {'baseline':>9}")
    for s in scores:
        click.echo(f"{s.question_id:<14} {s.probability:6.3f} {'YES' if s.outcome else 'NO':>7} {s.brier:7.3f} {s.log:7.3f} {s.baseline:9.2f}")
    n = len(scores)
    click.echo(f"{'mean':<14} {'':>6} {'':>7} {sum(s.brier for s in scores) / n:7.3f} {sum(s.log for s in scores) / n:7.3f} {sum(s.baseline for s in scores) / n:9.2f}")


def register(group: click.Group) -> None:
    """Add ``assess``, ``timeline``, ``review`` and ``question`` to a click group."""
    for cmd in (assess_command, timeline_command, review, question):
        group.add_command(cmd)


if __name__ == "__main__":  # pragma: no cover
    @click.group()
    def _main() -> None:
        pass

    register(_main)
    sys.exit(_main())
