"""Every message, warning and hint HR can see is Danish and says things in HR's words: `check`'s
messages for the whole catalogue of broken postings (tests/bad_postings/), the hints and
messages of the editor's form (content/admin/config.yml, regler.js), and what `new` prints.
Field names HR writes in the file may stand in parentheses; English words, developer terms and
paths of files HR does not write may not."""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, run

BAD = ROOT / "tests" / "bad_postings"
# English words a message could fall back to (pydantic's, Python's, YAML parsers'), as whole words.
ENGLISH = {"the", "and", "is", "not", "must", "should", "field", "value", "error", "required", "invalid",
           "missing", "expected", "input", "string", "list", "type", "none", "null", "true/false", "object",
           "traceback", "exception", "found", "while", "could", "be", "of", "or", "least", "item", "items"}  # not "at": Danish
# Developer words and the paths of files HR does not write.
DEVELOPER = ("Markdown", "data/organisations.yml", "data/roles.yml", "og/eller asap", "punkt(er)", "pydantic",
             "schema", "regex", "JSON", "generator/", "mkdocs", "interviews nr.", "dict", "str ")
FIELD = re.compile(r"\([a-z_]+(?:: [a-z_]+)?\)|\b[a-z]+_[a-z_]+\b")  # "(deadline)", "(start: date)", employment_end
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|«[^»]*»|“[^”]*”|„[^“”]*[“”]|\[[^\]]*\]\([^)]*\)|<[^>]*>|\S+@\S+|https?://\S+")


def words_of(message: str) -> list[str]:
    """The message's own words: not what it quotes from the file, not field names, not addresses."""
    text = FIELD.sub(" ", QUOTED.sub(" ", message))
    return re.findall(r"[A-Za-zÆØÅæøå/]+", text)


def problems(message: str) -> list[str]:
    found = [w for w in words_of(message) if w.lower() in ENGLISH]
    found += [d for d in DEVELOPER if d in QUOTED.sub(" ", message)]
    return found


@pytest.fixture(scope="module")
def catalogue_messages(tmp_path_factory) -> list[str]:
    """check's report for every broken posting of the catalogue, each line without its file:line: place."""
    project = copy_project(tmp_path_factory.mktemp("wording") / "project")
    for path in BAD.glob("*.yml"):
        shutil.copy2(path, project / "jobs" / path.name)
    result = run([sys.executable, "-m", "generator", "check"], project, "2026-01-05")
    assert result.code == 1
    lines = [ln for ln in result.err.splitlines() if ln.strip()]
    assert len(lines) > 50, result.err
    return [re.sub(r"^jobs/[^:]+:\d+(?::\d+)?: (?:advarsel: )?", "", ln) for ln in lines]


def test_the_catalogues_messages_are_in_hrs_words(catalogue_messages):
    bad = {m: p for m in catalogue_messages if (p := problems(m))}
    assert bad == {}


def editor_texts() -> list[str]:
    config = yaml.safe_load((ROOT / "content" / "admin" / "config.yml").read_text("utf-8"))
    texts: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("label", "label_singular", "hint", "description") and isinstance(value, str):
                    texts.append(value)
                elif key == "pattern" and isinstance(value, list) and len(value) == 2:
                    texts.append(value[1])  # the message shown when the pattern does not match
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
    walk(config.get("collections", []))
    script = (ROOT / "content" / "admin" / "regler.js").read_text("utf-8")
    texts += [m.group(1) for m in re.finditer(r'(?:throw|=)\s*`([^`]*)`', script)]
    texts += [m.group(1) for m in re.finditer(r'"([A-ZÆØÅ][^"]{8,})"', script)]
    return texts


def test_the_editors_labels_hints_and_messages_are_in_hrs_words():
    texts = editor_texts()
    assert len(texts) > 30
    bad = {t: p for t in texts if (p := problems(t))}
    assert bad == {}


@pytest.mark.parametrize("message, words", [
    ("stillingstype (role): 'pedagog' er ikke en af de tilladte værdier", []),
    ("indledning (intro): skal være tekst (Markdown)", ["Markdown"]),
    ("aldersgrupper (age_groups): skal have mindst 1 punkt(er)", ["punkt(er)"]),
    ("ugentlige timer (hours): Input should be a valid number", ["Input", "should", "be"]),
    ("samtale nr. 1: interviews nr. 1 (1. samtale)", ["interviews nr."]),
])
def test_the_scan_finds_what_it_is_for(message, words):
    assert problems(message) == words
