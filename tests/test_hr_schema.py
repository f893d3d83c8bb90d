"""The JSON Schemas that let an editor autocomplete and check a posting while
HR types: committed, up to date with the model, referenced from every posting,
and agreeing with `check` on the example content and on common mistakes."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import ROOT
from generator import schema
from generator.frontmatter import FRONT_MATTER
from generator.model import Posting
from generator.validation import validate
from generator.yamlsource import load, parse

HERE = Path(__file__).resolve().parent
HEADER = re.compile(r"^# yaml-language-server: \$schema=(\S+)\n")


def validator(name: str) -> Draft202012Validator:
    body = json.loads((ROOT / "schema" / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(body)
    return Draft202012Validator(body, format_checker=Draft202012Validator.FORMAT_CHECKER)


def yaml_data(path: Path):
    source, problems = load(path, path.name)
    assert not problems, problems
    return source.data


def test_the_committed_schemas_match_the_model():
    assert schema.stale(ROOT) == [], "schema/ is out of date: run `python -m generator schema` and commit it"


@pytest.mark.parametrize("path", sorted((ROOT / "jobs").glob("*.yml")) + [ROOT / "data" / "organisations.yml",
                                                                         ROOT / "data" / "roles.yml"],
                         ids=lambda p: p.name)
def test_every_content_file_names_its_schema_and_passes_it(path):
    text = path.read_text(encoding="utf-8")
    match = HEADER.match(text)
    assert match, f"{path.name} must start with a '# yaml-language-server: $schema=...' line"
    target = (path.parent / match[1]).resolve()
    assert target.is_file() and target.parent == (ROOT / "schema")
    errors = list(validator(target.name).iter_errors(yaml_data(path)))
    assert not errors, [e.message for e in errors]


def test_the_leaflets_front_matter_passes_its_schema():
    for path in (ROOT / "content" / "foldere").glob("*.md"):
        if path.name == "index.md":
            continue
        front = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
        source, problems = parse(front[1], path.name)
        assert not problems
        assert not list(validator("leaflet.schema.json").iter_errors(source.data))


@pytest.mark.parametrize("case, complaint", [
    ("misspelt-field", "'deadlin' was unexpected"),
    ("misspelt-value", "'pedagog' is not one of"),
    ("wrong-type-number", "is not valid under any of the given schemas"),
    ("impossible-time", "'25:00' is not valid"),
    ("bad-phone", "'4477 18' is not valid"),
    ("date-wrong-format", "is not a 'date'"),
    ("missing-deadline", "'deadline' is a required property"),
])
def test_the_editor_flags_common_mistakes(case, complaint):
    errors = [e.message for e in validator("posting.schema.json").iter_errors(
        yaml_data(HERE / "bad_postings" / f"{case}.yml"))]
    assert any(complaint in e for e in errors), errors


def test_what_hr_writes_is_accepted_by_the_editor():
    """Quoted and unquoted phone numbers, "9.30" for a time, 'uden øvre arbejdstid' for hours."""
    good = (HERE / "good_posting.yml").read_text(encoding="utf-8")
    text = (good.replace("phone: 4477 1847", "phone: 44771847").replace('time: "09:00"', 'time: "9.30"')
            .replace("hours: 37", "hours: uden øvre arbejdstid"))
    source, problems = parse(text, "x.yml")
    assert not problems
    assert not [e.message for e in validator("posting.schema.json").iter_errors(source.data)]
    assert validate(Posting, source)[1] == []  # and `check` agrees
