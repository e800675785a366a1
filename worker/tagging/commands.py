"""Click commands `tag` and `eval`, added to the `sahelwatch` CLI by its owner.

Run standalone too: `python -m worker.tagging.commands tag FILE`.
"""
from __future__ import annotations

import json
import sys

import click

from .evaluate import evaluate_file
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
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def eval_command(file: str) -> None:
    """Score the tagger against a labelled JSON Lines file (the dev corpus format).

    Prints per-field scores, each miss (id, field, expected, got), and ends
    with a one-line-per-field summary.
    """
    click.echo(evaluate_file(file).render())


@click.group()
def main() -> None:
    """The tagger's commands, runnable without the full CLI."""


main.add_command(tag_command)
main.add_command(eval_command)

if __name__ == "__main__":
    main()
