"""The ``foothold`` command: a thin layer over the library.

Exit codes (contract of ``spec/evidence-jsonl.md``): 0 when at least one
document was read, 1 when none was, 2 for a usage error.  Logs and progress go
to standard error; data goes to standard output.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable

import click

from foothold.case import Case, CaseError, load_case
from foothold.model import Document, ReadError, error_line

log = logging.getLogger("foothold")


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True)


def _setup_logging(verbose: int) -> None:
    from rich.logging import RichHandler

    level = logging.WARNING - 10 * min(verbose, 2)
    handler = RichHandler(console=_stderr_console(), show_path=False, show_time=False)
    logging.basicConfig(level=level, handlers=[handler], format="%(message)s", force=True)


def _load_case(path: str | None) -> Case:
    try:
        return load_case(path)
    except CaseError as exc:
        raise click.UsageError(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-v info, -vv debug).")
@click.version_option(package_name="foothold")
@click.pass_context
def cli(ctx: click.Context, verbose: int) -> None:
    """foothold: weigh the evidence on North Korea's push for an industrial foothold in Russia.

    It only watches: North Korean labour abroad is banned by UN Security
    Council resolutions 2375 and 2397.
    """
    _setup_logging(verbose)
    ctx.ensure_object(dict)


# ---------------------------------------------------------------------------
# case


@cli.group()
def case() -> None:
    """The analytic frame: hypotheses, indicators, sectors, actors."""


@case.command("show")
@click.option("--case", "case_path", type=click.Path(dir_okay=False), help="A case YAML file (default: the bundled case).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "yaml"]), default="text", show_default=True)
def case_show(case_path: str | None, fmt: str) -> None:
    """Print the case."""
    the_case = _load_case(case_path)
    if fmt == "json":
        click.echo(json.dumps(the_case.model_dump(), ensure_ascii=False, indent=2))
        return
    if fmt == "yaml":
        import yaml

        click.echo(yaml.safe_dump(the_case.model_dump(), allow_unicode=True, sort_keys=False))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]{the_case.title}[/bold]  ({the_case.id}, horizon {the_case.horizon})")
    console.print(the_case.question)
    t = Table(title="Hypotheses")
    t.add_column("id")
    t.add_column("prior", justify="right")
    t.add_column("statement")
    for h in the_case.hypotheses:
        t.add_row(h.id, f"{h.prior:.2f}", h.statement)
    console.print(t)
    t = Table(title="Indicators: P(evidence | hypothesis)")
    t.add_column("id")
    t.add_column("polarity")
    for h in the_case.hypotheses:
        t.add_column(h.id, justify="right")
    for ind in the_case.indicators:
        for pol in ("positive", "negative"):
            lk = the_case.likelihoods(ind.id, pol)
            t.add_row(ind.id if pol == "positive" else "", pol, *[f"{lk[h]:.2f}" for h in the_case.hypothesis_ids])
    console.print(t)
    console.print("Sectors: " + ", ".join(s.id for s in the_case.sectors))
    console.print("Units: " + ", ".join(the_case.units))
    t = Table(title=f"Actors ({len(the_case.actors)})")
    t.add_column("name")
    t.add_column("type")
    t.add_column("grade")
    t.add_column("aliases")
    for a in the_case.actors:
        t.add_row(a.name, a.type, a.reliability or "", ", ".join(a.aliases))
    console.print(t)


# ---------------------------------------------------------------------------
# extract


def _read(paths: Iterable[str]) -> list[Document | ReadError]:
    from foothold.ingest import iter_documents

    return list(iter_documents(paths))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True, help="Output format (the evidence JSONL contract).")
@click.option("--case", "case_path", type=click.Path(dir_okay=False), help="A case YAML file.")
@click.option("-j", "--jobs", type=int, default=1, show_default=True, help="Worker processes for reading and extraction (0: one per CPU).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write here instead of stdout.")
def extract(paths: tuple[str, ...], fmt: str, case_path: str | None, jobs: int, output) -> None:
    """Extract evidence from reports (files or folders) as JSON Lines on stdout."""
    from foothold.extract import extract_paths

    the_case = _load_case(case_path)
    if jobs < 1:
        jobs = os.cpu_count() or 1
    n_ok = 0
    for item in extract_paths(paths, the_case, jobs=jobs):
        if isinstance(item, ReadError):
            click.echo(f"error: {item}", err=True)
            output.write(error_line(item) + "\n")
        else:
            n_ok += 1
            output.write(item.to_jsonl() + "\n")
    output.flush()
    if n_ok == 0:
        sys.exit(1)



# ---------------------------------------------------------------------------
# ingest, report, demo

DB_HELP = "Database URL (SQLAlchemy; default: $FOOTHOLD_DB or sqlite:///foothold.db)."


def _open_store(db: str | None):
    from foothold.store import Store, StoreError

    try:
        return Store(db)
    except StoreError as exc:
        raise click.UsageError(str(exc)) from None


def _progress():
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=_stderr_console(), transient=False,
    )


def ingest_paths(paths: Iterable[str], store, case: Case, jobs: int = 1, show_progress: bool = True) -> dict[str, int]:
    """Read, extract and store reports; recluster everything stored.  Returns counts.

    Bad files are reported on stderr (one line each) and recorded in the store;
    the run goes on.  Documents already stored (same content hash) are not
    stored again.
    """
    from foothold.extract import Extractor
    from foothold.extract.syndication import assign_clusters

    items = _read(paths)
    errors = [x for x in items if isinstance(x, ReadError)]
    docs = [x for x in items if isinstance(x, Document)]
    for err in errors:
        click.echo(f"error: {err}", err=True)
        store.record_error(err.path, err.reason)
    known = store.stored_doc_ids(d.doc_id for d in docs)
    fresh = [d for d in docs if d.doc_id not in known]
    extractor = Extractor(case)
    evidence = []
    if show_progress:
        with _progress() as progress:
            task = progress.add_task("extracting", total=len(fresh))
            for doc in fresh:
                evidence.append(extractor.extract(doc))
                progress.advance(task)
    else:
        evidence = [extractor.extract(d) for d in fresh]
    # documents already stored are only re-registered (their path and last_seen), not re-extracted
    from foothold.model import Evidence

    result = store.add_evidence(evidence + [Evidence(document=d) for d in docs if d.doc_id in known])
    stored = store.load_evidence()
    assign_clusters(stored)
    store.set_clusters({ev.doc_id: ev.cluster for ev in stored if ev.cluster})
    return {
        "read": len(docs),
        "errors": len(errors),
        "new": result.new,
        "existing": result.existing,
        "stored": store.document_count(),
        "claims": store.claim_count(),
    }


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help=DB_HELP)
@click.option("--case", "case_path", type=click.Path(dir_okay=False), help="A case YAML file.")
def ingest(paths: tuple[str, ...], db: str | None, case_path: str | None) -> None:
    """Read reports, extract their evidence and store it (deduplicated by content)."""
    the_case = _load_case(case_path)
    with _open_store(db) as store:
        counts = ingest_paths(paths, store, the_case)
    click.echo(
        f"read {counts['read']} document{'s' if counts['read'] != 1 else ''} ({counts['errors']} errors): {counts['new']} new, "
        f"{counts['existing']} already stored; store holds {counts['stored']} documents, {counts['claims']} claims",
        err=True,
    )
    if counts["read"] == 0:
        sys.exit(1)


def build_report(store, case: Case, output: str, as_of: str | None = None, fan_runs: int = 2000, seed: int = 20260226) -> str:
    """Assess what the store holds and write the self-contained HTML report; returns its path."""
    from foothold.assess import assess, timeline
    from foothold.report import write_report

    evidence = store.load_evidence(as_of=as_of)
    grades = store.source_grades()
    decisions = store.decisions()
    assessment = assess(evidence, case, as_of=as_of, grades=grades, decisions=decisions)
    points = timeline(evidence, case, grades=grades, decisions=decisions)
    fan = None
    if fan_runs > 0:
        try:
            from foothold.scenario import fan_chart_data, simulate

            fan = fan_chart_data(simulate(runs=fan_runs, seed=seed))
        except Exception as exc:  # the report still has everything else
            log.warning("scenario fan chart skipped: %s", exc)
    errors = [(path, reason) for path, reason, _at in store.errors()]
    write_report(output, case=case, evidence=evidence, assessment=assessment, timeline=points, fan=fan, errors=errors)
    return output


@cli.command()
@click.option("-o", "--output", default="report.html", show_default=True, help="Where to write the HTML report.")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--case", "case_path", type=click.Path(dir_okay=False), help="A case YAML file.")
@click.option("--as-of", default=None, help="Use only evidence published by this date (YYYY[-MM[-DD]]).")
@click.option("--fan-runs", default=2000, show_default=True, help="Scenario runs for the fan chart (0 to leave it out).")
def report(output: str, db: str | None, case_path: str | None, as_of: str | None, fan_runs: int) -> None:
    """Write one self-contained HTML report of the stored evidence and assessment."""
    the_case = _load_case(case_path)
    with _open_store(db) as store:
        if store.document_count() == 0:
            raise click.UsageError("the store holds no documents: run `foothold ingest PATH...` first")
        path = build_report(store, the_case, output, as_of=as_of, fan_runs=fan_runs)
    click.echo(f"report written to {path}", err=True)


def sample_corpus_path() -> str:
    """Folder of the bundled sample corpus (inside the installed package)."""
    from importlib import resources

    return str(resources.files("foothold").joinpath("sample", "corpus"))


@cli.command()
@click.option("--out", "out_dir", default="out", show_default=True, help="Folder for the demo database, evidence and report.")
@click.option("--fan-runs", default=2000, show_default=True, help="Scenario runs for the fan chart.")
def demo(out_dir: str, fan_runs: int) -> None:
    """The main job on the bundled sample: ingest, extract, assess, report."""
    from pathlib import Path

    from foothold.assess import assess
    from foothold.case import default_case

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    db_path = out / "foothold-demo.db"
    if db_path.exists():
        db_path.unlink()
    the_case = default_case()
    corpus = sample_corpus_path()
    console = _stderr_console()
    console.print(f"[bold]foothold demo[/bold]: bundled sample corpus at {corpus}")
    with _open_store(f"sqlite:///{db_path}") as store:
        counts = ingest_paths([corpus], store, the_case)
        console.print(
            f"ingested {counts['read']} documents ({counts['errors']} unreadable), "
            f"{counts['claims']} claims stored in {db_path}"
        )
        evidence = store.load_evidence()
        with open(out / "evidence.jsonl", "w", encoding="utf-8") as fh:
            for ev in evidence:
                fh.write(ev.to_jsonl() + "\n")
        result = assess(evidence, the_case, grades=store.source_grades(), decisions=store.decisions())
        for h in result.hypotheses:
            console.print(f"  {h.id:<16} {h.probability:6.1%}  {h.word}")
        console.print(f"  from {result.n_reports} reports / {result.n_origins} independent origins")
        report_path = build_report(store, the_case, str(out / "report.html"), fan_runs=fan_runs)
    console.print(f"[bold green]report:[/bold green] {Path(report_path).resolve()}")
    click.echo(str(Path(report_path).resolve()))


def _register_stage_commands() -> None:
    """Attach the commands that live with their stage (assessment, review, questions, scenario)."""
    from foothold.assess.commands import register as register_assess
    from foothold.scenario.cli import simulate

    register_assess(cli)
    if "simulate" not in cli.commands:
        cli.add_command(simulate)


def main() -> None:
    """Entry point of the ``foothold`` console script."""
    _register_stage_commands()
    try:
        cli.main(prog_name="foothold", standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)
