"""Click commands `tag` and `eval`, added to the `sahelwatch` CLI by its owner.

Run standalone too: `python -m worker.tagging.commands tag FILE`.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .evaluate import evaluate_file, summary_table
from .jsonl import tag_lines


@click.command("tag")
@click.argument("file", required=False, default="-", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--explain", is_flag=True, help="Add, per event field, the sentence and the rule that decided it.")
def tag_command(file: str, explain: bool) -> None:
    """Tag articles: JSON Lines in (FILE or stdin), JSON Lines out (stdout).

    A malformed line gives an error object on its line and the rest goes on;
    the exit status is non-zero only when FILE cannot be opened.
    """
    try:
        handle = sys.stdin if file == "-" else open(file, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise click.FileError(file, hint=exc.strerror or str(exc)) from exc
    with handle:
        for result in tag_lines(handle, explain=explain):
            click.echo(json.dumps(result, ensure_ascii=False))


@click.command("eval")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--summary", is_flag=True, help="Only the table of scores, one line per file.")
def eval_command(files: tuple[str, ...], summary: bool) -> None:
    """Score the tagger against labelled JSON Lines files (the dev corpus format).

    Prints, per file, per-field scores and each miss (id, field, expected, got);
    with several files, ends with a table of one line per file and one for all
    items together.
    """
    reports = {Path(f).stem: evaluate_file(f) for f in files}
    if not summary:
        for name, report in reports.items():
            if len(reports) > 1:
                click.echo(f"== {name}")
            click.echo(report.render())
            if len(reports) > 1:
                click.echo("")
    if summary or len(reports) > 1:
        click.echo(summary_table(reports))


@click.group()
def main() -> None:
    """The tagger's commands, runnable without the full CLI."""


main.add_command(tag_command)
main.add_command(eval_command)

if __name__ == "__main__":
    main()
