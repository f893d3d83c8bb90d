"""Fuzzing: whatever lands in jobs/, `check` ends in success or a clean list of
problems (file:line: message), never an exception."""
from __future__ import annotations

import io
import os
import re
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import copy_project
from generator.__main__ import main
from generator.model import Posting

GOOD = (Path(__file__).resolve().parent / "good_posting.yml").read_text(encoding="utf-8")
PROBLEM_LINE = re.compile(r"^(jobs|data|content)/[^:]+:\d+(:\d+)?: \S")
HEADLINE = re.compile(r"^\d+ fejl( og (1 advarsel|\d+ advarsler))? i indholdet:$")

FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")), deadline=None, derandomize=os.environ.get("CI") == "true",
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Values HR might plausibly (or implausibly) write.
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["2026-02-30", "2026-01-05", "12:00", "25:61", "uden øvre arbejdstid", "fast",
                     "tidsbegrænset", "pædagog", "0-3", "stjernehuset", "ballerup", "javascript:alert(1)",
                     "<script>alert(1)</script>", "[x](javascript:x)", "https://ballerup.dk", "4477 1847",
                     "helle@example.dk", "UDFYLD", "besat", "annulleret", "", " ", "~", "null"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(["date", "time", "label", "name", "phone", "email", "url", "text",
                                     "heading", "asap", "reason"]) | st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)
postings = st.dictionaries(st.sampled_from(sorted(Posting.model_fields)) | st.text(max_size=10), values,
                           max_size=len(Posting.model_fields) + 2)
# Typing mistakes: characters that mean something to YAML, put anywhere in a good posting.
mistakes = st.lists(st.tuples(st.integers(0, len(GOOD)), st.integers(0, 3),
                              st.sampled_from(list(':"\'\t-[]{}#&*!%@`|>\n æ\x00\x07\ufeff\\,?'))),
                    min_size=1, max_size=6)


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("fuzz") / "project")
    shutil.rmtree(root / "jobs")
    (root / "jobs").mkdir()
    return root


def assert_clean_outcome(project: Path, data: bytes) -> None:
    path = project / "jobs" / "fuzz.yml"
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["check", "--root", str(project)])  # an exception fails the test
    assert path.read_bytes() == data
    if code == 0:
        assert out.getvalue().startswith("OK: "), out.getvalue()
        return
    assert code == 1
    lines = err.getvalue().splitlines()
    assert HEADLINE.match(lines[0]), lines
    assert lines[1:] and all(PROBLEM_LINE.match(line) for line in lines[1:]), lines
    assert "Traceback" not in err.getvalue()


@FUZZ
@given(document=postings)
def test_generated_yaml_documents(fuzz_project, document):
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    assert_clean_outcome(fuzz_project, text.encode("utf-8"))


@FUZZ
@given(edits=mistakes)
def test_typing_mistakes_in_a_good_posting(fuzz_project, edits):
    text = GOOD
    for at, delete, char in edits:
        at = min(at, len(text))
        text = text[:at] + char + text[at + delete:]
    assert_clean_outcome(fuzz_project, text.encode("utf-8"))


@FUZZ
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes(fuzz_project, data):
    assert_clean_outcome(fuzz_project, data)
