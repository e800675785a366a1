"""`sahelwatch tag`: JSON Lines in and out, one line each, errors on their own line."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from worker.tagging.commands import tag_command
from worker.tagging.jsonl import tag_lines

ROOT = Path(__file__).resolve().parents[2]
GOOD = json.dumps({"id": "a1", "title": "Gunmen kill 14 villagers in northern Burkina Faso",
                   "text": "Gunmen killed 14 civilians on Tuesday in an attack on Djibo in Burkina Faso's "
                           "Soum province.", "published": "2022-03-10T08:00:00Z"})


def test_malformed_line_gives_an_error_on_its_line_and_the_rest_goes_on():
    out = list(tag_lines([GOOD, "{not json", '{"id": "b", "title": "x"}', GOOD]))
    assert [o["id"] for o in out] == ["a1", None, "b", "a1"]
    assert "error" in out[1] and "line 2" in out[1]["error"]
    assert "missing" in out[2]["error"]
    assert out[3]["relevant"] is True


def test_blank_lines_are_skipped():
    assert len(list(tag_lines(["", GOOD, "   \n"]))) == 1


def test_bad_publication_date_is_an_error_object():
    line = json.dumps({"id": "c", "title": "t", "text": "x", "published": "yesterday"})
    (out,) = tag_lines([line])
    assert out["id"] == "c" and "published" in out["error"]


def test_language_is_guessed_when_absent():
    (out,) = tag_lines([GOOD])
    assert out["language"] == "en"


def test_tag_command_reads_a_file_and_writes_one_line_per_article(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(GOOD + "\n{oops\n", encoding="utf-8")
    result = CliRunner().invoke(tag_command, [str(path)])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 2 and "error" in lines[1]


def test_tag_command_reads_stdin_and_explains():
    result = CliRunner().invoke(tag_command, ["--explain"], input=GOOD + "\n")
    (line,) = [json.loads(x) for x in result.output.splitlines()]
    assert "explain" in line["events"][0]


def test_tag_command_fails_only_when_input_cannot_be_opened(tmp_path):
    result = CliRunner().invoke(tag_command, [str(tmp_path / "missing.jsonl")])
    assert result.exit_code != 0


def test_commands_module_runs_as_a_script(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(GOOD + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "worker.tagging.commands", "tag", str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == "a1"
