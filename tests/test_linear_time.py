"""Every text rule runs in time linear in its input: each is fed 200 KB of its
own worst case (a text built from its own pattern) and must finish within a
budget relative to a plain text of the same size.

Content is untrusted and a check that is quadratic is a way to stop the
build with a small file (`den 1/2 ` × 8000, 64 KB, once took 40 s; 20 000
unknown keys 2 minutes). The patterns are found by reading the rule modules
(the compiled patterns they define and every pattern written in a call to
`re`), so a new pattern without its adversarial text fails here. Times are
process time; the budget is generous (RATIO × plain + SLACK): a quadratic
rule on 200 KB takes minutes, a linear one milliseconds.
"""
from __future__ import annotations

import ast
import inspect
import re
import time
from pathlib import Path

import pytest

from conftest import ROOT
from generator import (consistency, fieldtypes, frontmatter, glyphs, hosts, kinds, lint, media, read_data,
                       read_leaflets, read_pages, read_postings, readability, structure, summary, textchecks,
                       validation, yamlsource)
from generator.content import load_site
from generator.fieldtypes import text_problem
from generator.model import Posting
from generator.problems import ContentError
from generator.render import danish
from generator.validation import validate

MODULES = (fieldtypes, consistency, validation, yamlsource, lint, glyphs, structure,  # the text rules
           kinds, frontmatter, read_data, read_postings, read_leaflets, read_pages, textchecks, media,  # loading
           hosts, summary, readability,  # what the reviewer is shown, and how easy a text is to read
           danish)  # phone numbers found in the texts as they are shown
SIZE = 200_000
RATIO, SLACK = 20, 1.0  # seconds of process time


def fill(unit: str, size: int = SIZE) -> str:
    """`unit` repeated to `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


PLAIN = fill("Vi søger en engageret pædagog til Børnehuset Stjernehuset fra 1. marts 2026, 37 timer om ugen.\n\n"
             "- Du har erfaring med børn i alderen 0-6 år\n- **Du** kan lide [musik](/vaer-med/) og *leg*\n\n")


def cost(run, *args) -> float:
    started = time.process_time()
    run(*args)
    return time.process_time() - started


def assert_linear(run, adversarial, plain=PLAIN, slack: float = SLACK) -> None:
    spent, baseline = cost(run, adversarial), cost(run, plain)
    assert spent <= RATIO * baseline + slack, f"{spent:.2f} s against {baseline:.3f} s for a plain text"


# --- the patterns --------------------------------------------------------------------------------------

def module_patterns() -> dict[str, re.Pattern]:
    """Every compiled pattern a rule module defines (lists of them too), by its name."""
    found = {}
    for module in MODULES:
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found[f"{module.__name__}.{name}"] = value
            elif isinstance(value, (list, tuple)) and value and all(isinstance(v, re.Pattern) for v in value):
                found.update({f"{module.__name__}.{name}[{i}]": v for i, v in enumerate(value)})
    for tag, resolvers in yamlsource._Loader.yaml_implicit_resolvers.items():
        for _, regexp in resolvers:
            found[f"generator.yamlsource._Loader resolver {regexp.pattern}"] = regexp
    return found


def written_patterns() -> set[str]:
    """Every pattern written as a literal in a call to `re` in the rule modules."""
    found = set()
    for module in MODULES:
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                    and node.func.attr != "escape" and node.args and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found - {p.pattern for p in module_patterns().values()}


# Each pattern's worst cases: the characters it repeats, what it looks for without its end, its
# separators over and over. A unit is repeated to 200 KB.
ADVERSARIAL: dict[str, list[str]] = {
    "generator.fieldtypes._EMAIL": ["a@" + fill("a-"), fill("a" * 10 + ".") + "@1", fill("a.") + "@"],
    "generator.fieldtypes.URL_UNSAFE": [fill("a"), fill(" ")],
    "generator.fieldtypes._IGNORED_IN_SCHEME": [fill(" "), fill("a ")],
    "generator.fieldtypes.TAG": [fill("<"), fill("<!"), fill("</")],
    "generator.fieldtypes.ATTRIBUTE_LIST": [fill("{"), fill("{a"), "{" + fill("a")],
    "generator.fieldtypes.TOO_DEEP": [fill(" "), fill("\n"), fill(" " * 12 + "\n")],
    "generator.fieldtypes.CODE_LIKE": [fill("javascript"), "javascript" + fill(" "), fill("data:"),
                                       "data:" + fill("a"), fill("data:a"), fill("vbscript\t")],
    "generator.fieldtypes.MD_LINK": [fill("]("), "](" + fill(" "), fill("]( "), fill("](<")],
    "generator.fieldtypes.MD_REFERENCE": [fill("[a\n"), fill("[a]: "), "[" + fill("a"), "[a]:" + fill(" "),
                                          "[a]: <" + fill("a"), fill(" [a]:\n"), fill("- "), fill("> "),
                                          fill("1. "), fill(" -"), fill("-\n"), fill("- [a]:")],
    "generator.fieldtypes.AUTOLINK": [fill("<a:"), fill("<a"), "<" + fill("a") + ":", fill("<a:b")],
    "generator.fieldtypes.INVISIBLE": [fill("\u200b"), fill("a\u200b"), fill("a")],
    "generator.fieldtypes.PASTED": [fill("\u00a0"), fill("a\u201c"), fill("a")],
    "generator.readability.WORD": [fill("a"), fill("a1")],
    "generator.readability.SENTENCE_END": [fill("."), fill(". "), fill(" "), fill(". a"), fill('. "'), fill(".\n")],
    "generator.readability.TEXT_AT": [fill(" "), fill("a")],
    "generator.readability.LINK": [fill("]("), "](" + fill("a"), fill("](\n")],
    "generator.readability.BLOCK_START": [fill(" "), fill("#"), fill("1"), fill("\t")],
    "generator.fieldtypes.PASTED_BULLET": [fill(" "), fill("\u00a0"), fill("•"), fill(" •"), fill("o "), fill("• \n"),
                                           " " * 1000 + fill("•")],
    "generator.fieldtypes._HREF": [fill('<a href="'), '<a href="' + fill("a")],
    "generator.consistency._MONTHS_RE": [fill("januar"), fill("jan"), fill("j")],
    "generator.consistency.DATE_PATTERNS[0]": [fill("1. "), "1." + fill(" "), fill("10. januar "), fill("1.januar.")],
    "generator.consistency.DATE_PATTERNS[1]": [fill("1.1."), fill("1.1.2"), fill("11.")],
    "generator.consistency.DATE_PATTERNS[2]": [fill("1-1-"), fill("1-1-202")],
    "generator.consistency.DATE_PATTERNS[3]": [fill("1/1-"), fill("1/2 "), "1/1" + fill(" ")],
    "generator.consistency.DATE_PATTERNS[4]": [fill("2026-1-"), fill("2026-")],
    "generator.consistency.DAY_WORD": [fill("a"), fill("den "), fill("mandag"), fill(" ")],
    "generator.consistency.WEEKLY": [fill(" "), fill(" om "), fill("/ ")],
    "generator.consistency.NOT_WEEKLY": [fill(" "), fill(" i "), fill("pr. ")],
    "generator.consistency.HOURS": [fill("37 "), "37" + fill(" "), fill("37 - ")],
    "generator.consistency.FULL_PART": [fill("fuld"), fill("deltid "), fill("fuld ")],
    "generator.consistency.BOTH": [fill("fuld- eller deltid "), "fuld" + fill(" "), fill("fuld eller ")],
    "generator.consistency._NUMBER": [fill("1"), fill("1 ")],
    "generator.consistency._SENTENCE_START": ["\n" + fill(" "), "." + fill(" "), fill("\n \n"), fill(". a")],
    "generator.validation.INVISIBLE": [fill("\u200b"), fill("a")],
    "generator.validation.PASTED": [fill("\u00a0"), fill("a")],
    "generator.yamlsource.PASTED": [fill("\u00a0"), fill("a")],
    "generator.yamlsource._WRITTEN_LINE": [fill(" "), fill(" \n"), fill("#\n")],
    "generator.yamlsource._TAB_IN_INDENT": [fill(" "), fill(" \n"), " " * 100 + fill(" \n")],
    "generator.yamlsource._OPENING_QUOTE": [fill("a:"), "- " + fill("a: "), fill(" ")],
    # the literal patterns in calls to re (fullmatch on short values mostly; fed 200 KB all the same)
    r"(\d{1,2}):(\d{2})": [fill("1"), fill("1:")],
    r"[\s\-]": [fill(" -")],
    r"\d{8}": [fill("1")],
    r"\s": [fill("a")],
    r"(?:^|@)\.|\.(?:@|$)|\.\.": [fill("."), fill("@")],
    r"\d{4}-\d{1,2}-\d{1,2}": [fill("1"), fill("2026-")],
    "[^\\x00-\\x7fæøåÆØÅ]": [fill("a")],
    r"<[^<>\n]{0,60}>?": [fill("<a")],
    "\n": [fill("\n")],
    r"^([a-z_]+): (.*)$": [fill("a"), "a: " + fill(":")],
    r"'([^']*)'": [fill("'"), "'" + fill("a")],
    r"[\[\]'\s]": [fill("a")],
    r"[:#]": [fill("a")],
    r"ukendt felt; mente du '([^']+)'\?": [fill("ukendt felt; mente du 'a")],
    r"\S+": [fill("a"), fill(" ")],
    r'(?<!\\)"': [fill("\\\""), fill("a")],
    r"'(?!')": [fill("''")],
    # the loading stage: names and paths (matched on one path or name), front matter, headings
    "generator.kinds.ID_PATTERN": [fill("a"), fill("a-")],
    "generator.media.NAME": [fill("a"), fill("a_")],
    r"cms\.yml": [fill("cms.")],
    r"data/organisations\.yml": [fill("data/")],
    r"data/roles\.yml": [fill("data/")],
    r"data/occupations\.yml": [fill("data/")],
    r"content/(?:(?P<id>[^/]*)\.md|(?P<section>[^/]*)/index\.md)": [fill("content/"), "content/" + fill("a.md")],
    r"content/admin/(?:index\.html|regler\.js|config\.yml)": [fill("content/admin/")],
    r"content/assets/[a-z0-9-]+\.(?:css|js|xsl)": [fill("content/assets/a"), "content/assets/" + fill("a.")],
    "generator.frontmatter.FRONT_MATTER": ["---\n" + fill("a\n"), fill("---\n"), "---\n" + fill("--\n")],
    "generator.read_leaflets.HEADING": ["# a" + fill(" "), "# a" + fill(" #"), fill("#"), "# " + fill("a \t")],
    r"[^a-z0-9]+": [fill("-"), fill("a-")],
    # the host audit and the job summary
    "generator.hosts._LABEL": [fill("a."), fill("a" * 62 + "-"), fill("a-."), fill("a"), fill("-")],
    "generator.hosts._HREF": [fill('<a href="'), '<a href="' + fill("a")],
    "generator.hosts._SPECIAL": [fill("a"), fill("%")],
    "generator.summary._AROUND": [fill("("), fill("a."), "(" + fill("a") + ")"],
    "generator.summary._LINKABLE": [fill("www"), fill("#"), fill(":/")],
    "generator.summary._PUNCTUATION": [fill("!"), fill("a")],
    r" \([^()]*\)$": [fill(" ("), " (" + fill("a"), fill(" (a)")],
    "`+": [fill("`"), fill("a`")],
    # a sentence that promises a link (textchecks.promised_links)
    "generator.textchecks.SENTENCE_END": [fill(". "), fill("."), fill("\n"), fill("\n \n"), "\n" + fill(" "),
                                          fill("\n- "), fill("\n" + " " * 50 + "-"), fill("!?")],
    "generator.textchecks.WORD": [fill("a"), fill("a1"), fill("æ_"), fill(" ")],
    # phone numbers in a shown text (render/danish.py)
    "generator.render.danish.PHONE_IN_TEXT": [fill("1"), fill("12 "), fill("+45 "), fill("12 34 56 7"),
                                              fill("1234 567"), fill("+4512 34 56 7"), fill("\u00a01")],
    "generator.render.danish._YEARS": [fill("2025 "), fill("20"), fill("1")],
    "generator.render.danish._TAG": [fill("<"), "<" + fill("a"), fill("<a>")],
}
for _pattern, _regexp in module_patterns().items():  # yamlsource's resolvers: anchored, bounded
    if "resolver" in _pattern:
        ADVERSARIAL[_pattern] = [fill("1"), fill("t"), fill("-1."), fill("~")]

# How a pattern is applied where running it over a whole text is not what the rule does: these
# are only ever run on a short piece of text, so that piece is what they get here too.
PIECES = {
    "generator.consistency.DAY_WORD": consistency.DAY_WORD_BEFORE,  # the characters before a date
    "generator.consistency.WEEKLY": 20,  # the characters after '37 timer'
    "generator.consistency.NOT_WEEKLY": 20,
    "generator.consistency._SENTENCE_START": 160,  # the sentence before a date (_context)
    "generator.yamlsource._OPENING_QUOTE": None,  # matched on each line
    "generator.read_leaflets.HEADING": None,
    "generator.readability.BLOCK_START": None,  # matched at the start of each line
    "generator.fieldtypes.PASTED_BULLET": None,  # matched at the start of each line (fieldtypes.listed)
}


def apply(name: str, pattern: re.Pattern, text: str) -> None:
    if name not in PIECES:
        for _ in pattern.finditer(text):
            pass
    elif PIECES[name] is None:
        for line in text.split("\n"):
            pattern.match(line)
    else:
        size = PIECES[name]
        for start in range(0, len(text), size):
            pattern.search(text[start:start + size])


def test_every_pattern_of_the_rules_has_its_worst_cases():
    """A new pattern in a rule module needs its adversarial texts above."""
    named = set(module_patterns()) | written_patterns()
    assert named - set(ADVERSARIAL) == set()
    assert set(ADVERSARIAL) - named == set()  # no stale entries


@pytest.mark.parametrize("name", sorted(module_patterns()) + sorted(written_patterns()))
def test_each_pattern_runs_in_linear_time(name):
    pattern = module_patterns().get(name) or re.compile(name)
    for text in ADVERSARIAL[name]:
        assert_linear(lambda t: apply(name, pattern, t), text)


# --- the text rules as a whole (text_problem: the patterns, the images, the structure) -------------------

def table_text(columns: int) -> str:
    head = "|" + "a|" * columns + "\n|" + "-|" * columns + "\n"
    return head + fill("x\n", SIZE - len(head))


REFUSED = [  # (adversarial Markdown, the Danish message's beginning, where it points)
    (fill("ressourcepædagog"), "teksten har 200000 tegn i træk uden mellemrum", 0),
    (fill(">"), "citater inde i citater i mere end 2 niveauer", 2),
    (fill("> "), "citater inde i citater i mere end 2 niveauer", 4),
    (fill("- ") + "x", "punktlister inde i hinanden i mere end tre niveauer", 6),
    (fill("1. ") + "x", "punktlister inde i hinanden i mere end tre niveauer", 9),
    ("*a _b " * 16_000 + "x" + " c_ d*" * 16_000, "fed, kursiv, gennemstregning og links står inde i hinanden", 9),
    (table_text(33_000), "tabellen har 33000 kolonner", 0),
    (table_text(8), "tabellen har over 50 rækker med 8 kolonner", len("|a|a|a|a|a|a|a|a|\n|-|-|-|-|-|-|-|-|\n") + 49 * 2),
    (fill(" " * 13 + "x\n"), "linje 1 af teksten er rykket mere end 12 mellemrum ind", 0),
    (fill("[a](javascript:x) "), "linket 'javascript:x' er ikke tilladt", 4),
    (fill("<a:b "), "HTML (<a:b ", 0),
    (fill("![a](https://e.example/p.gif) "), "billedet 'https://e.example/p.gif' ligger på et andet website", 5),
    ("x" + fill("\u200b"), "usynligt tegn U+200B", 1),
]
ACCEPTED = [  # adversarial Markdown the rules let through: still linear
    fill("*_"), fill("*_") + "x" + fill("_*"), fill("**a "), fill("~~a "), fill("["), fill("!["), fill("![]("),
    fill("]("), fill("[a]: "), fill("[a\n"), fill("<"), fill("<<a:"), fill("`a"), fill("`"), fill("&#"), fill("&amp;"),
    fill("www.a.dk "), fill("a@b.dk "), fill("https://"), fill("{"), fill("- >>\n* >>\n"), fill("a"), fill(" "),
    fill("\n"), fill("|"), fill("|a"), fill("\\"), fill("#"), fill("-"), fill("den 1/2 "), fill("![a](/b.png) "),
    fill("![a][r] ") + "\n\n[r]: /b.png", fill("![a](&#47;b.png) "), "- a\n\n" + fill("    [r]: javascript:x\n"),
    fill("javascript "), fill("data:a"), "[" + fill("a") + "]: /x",
]


@pytest.mark.parametrize("text, message, index", REFUSED, ids=[m[:30] for _, m, _ in REFUSED])
def test_refused_worst_cases_are_refused_quickly_where_they_are(text, message, index):
    found = text_problem(text, multiline=True)
    assert found is not None and found[1].startswith(message), found
    assert found[0] == index
    assert_linear(lambda t: text_problem(t, multiline=True), text)


@pytest.mark.parametrize("text", ACCEPTED, ids=[repr(t[:12]) for t in ACCEPTED])
def test_accepted_worst_cases_are_checked_in_linear_time(text):
    for multiline in (True, False):
        assert_linear(lambda t: text_problem(t, multiline=multiline), text)


# --- the checks of a posting: text against fields, unknown keys, pasted characters ------------------------

GOOD = (Path(__file__).resolve().parent / "good_posting.yml").read_text(encoding="utf-8")
INTRO = "intro: |\n  Vi søger en pædagog.\n"


@pytest.fixture(scope="module")
def units():
    return load_site(ROOT).units


def warnings_of(intro: str, units) -> list:
    text = GOOD.replace(INTRO, "intro: |\n" + "".join(f"  {line}\n" for line in intro.split("\n")))
    source, problems = yamlsource.parse(text, "jobs/ny.yml")
    assert source is not None, problems
    posting, problems = validate(Posting, source)
    assert posting is not None, problems
    return consistency.text_warnings(posting, source, units)


@pytest.mark.parametrize("intro", [
    fill("den 1/2 "), fill("1/2 "), fill("fuld- eller deltid "), fill("fuldtid "), fill("37 timer "),
    fill("10. januar "), fill("15.01.2026 "), fill("mandag "), fill("Børnehuset "), fill("Ballerup Kommune "),
    fill("ansøgningsfrist senest den 1/2 og samtale den 3/2.\n\n"),
], ids=lambda t: repr(t[:12]))
def test_text_against_fields_warnings_are_linear(intro, units):
    assert_linear(lambda t: warnings_of(t, units), intro, PLAIN.replace("\n\n", "\n").strip())


def test_every_date_a_text_mentions_is_warned_about_at_its_place(units):
    found = warnings_of(fill("den 1/2 ", 8000 * 8), units)
    assert len(found) == 8000
    assert found[1].line == 17 + 1 and found[1].column == 3 + len("den 1/2 den ")
    assert found[0].message.startswith("Teksten nævner 1/2, som ikke er en af opslagets datoer")


@pytest.mark.parametrize("text", [
    fill("Læs mere her. "), fill("Læs mere her "), fill("klik her "), fill("læs mere på "), fill("information på "),
    fill("her "), fill("se "), fill("Se a her.\n\n"), fill("læs "), fill("[a](https://a.dk) her. "), fill("Læs mere.\n- "),
], ids=lambda t: repr(t[:12]))
def test_a_promised_link_is_found_in_linear_time(text):
    assert_linear(textchecks.promised_links, text)


def test_every_phone_number_in_a_text_is_formatted_in_linear_time():
    assert_linear(danish.phones_in_html, "<p>" + fill("4477 1847 ") + "</p>")
    assert_linear(danish.phones_in_html, fill("<p>1</p>"))
    assert danish.phones_in_text(fill("4477 1847 ", 100_000)).count("44\u00a077\u00a018\u00a047") == 10_000


def posting_project(tmp_path: Path, text: str) -> Path:
    from project_copy import copy_project
    project = copy_project(tmp_path / "project")
    (project / "jobs" / "ny.yml").write_text(text, encoding="utf-8")
    return project


LIMIT = kinds.POSTING.max_bytes - 2_000  # the largest posting check reads


def load_problems(project: Path) -> list:
    try:
        load_site(project)
    except ContentError as err:
        return [p for p in err.problems if p.file == "jobs/ny.yml"]
    return []


def test_thousands_of_unknown_keys_are_refused_in_linear_time(tmp_path):
    keys = "".join(f"ukendt{i}: x\n" for i in range(LIMIT // 14))
    adversarial = posting_project(tmp_path / "a", GOOD + keys + "url: /vaer-med/\n")  # belongs under links
    plain = posting_project(tmp_path / "b", GOOD.replace(INTRO, "intro: |\n" + "".join(
        f"  {line}\n" for line in fill("Vi søger en pædagog.\n", LIMIT - len(GOOD)).split("\n"))))
    spent, baseline = cost(load_problems, adversarial), cost(load_problems, plain)
    assert spent <= RATIO * baseline + 2 * SLACK, f"{spent:.2f} s against {baseline:.3f} s"
    found = load_problems(adversarial)
    assert len(found) == LIMIT // 14 + 1
    first = GOOD.count("\n") + 1
    assert (found[0].line, found[0].field, found[0].message) == (
        first, "ukendt0", found[0].message) and found[0].message.startswith("ukendt felt")
    lost = next(p for p in found if p.field == "url")
    assert lost.line == first + LIMIT // 14
    assert "linjen står helt ude til venstre, men url hører til under links" in lost.message


def test_thousands_of_pasted_characters_are_refused_in_linear_time(tmp_path):
    items = "".join("  - \"0-3\u00a0\"\n" for _ in range(LIMIT // 12))
    text = GOOD.replace('age_groups: ["0-3"]\n', "age_groups:\n" + items)
    adversarial = posting_project(tmp_path / "a", text)
    plain = posting_project(tmp_path / "b", GOOD.replace('age_groups: ["0-3"]\n', "age_groups:\n" + "".join(
        "  - \"0-3\"\n" for _ in range(LIMIT // 12))))
    spent, baseline = cost(load_problems, adversarial), cost(load_problems, plain)
    assert spent <= RATIO * baseline + 2 * SLACK, f"{spent:.2f} s against {baseline:.3f} s"
    found = load_problems(adversarial)
    line = text.index("\u00a0")
    assert found[0].line == text.count("\n", 0, line) + 1 and "hårdt mellemrum" in found[0].message


def test_a_leaflet_of_worst_cases_is_checked_in_linear_time(tmp_path):
    from project_copy import copy_project
    project = copy_project(tmp_path / "project")
    path = project / "content" / "foldere" / "ressourcegrupper-haderslev.md"
    text = path.read_text(encoding="utf-8")
    room = kinds.LEAFLET.max_bytes - len(text.encode()) - 1_000
    for body, message in ((fill("[a\n", room), None), (fill("<a:", room), "HTML (<a:"),
                          (fill("- >>\n* >>\n", room), None), (fill(">", room), "citater inde i citater")):
        path.write_text(text + "\n\n" + body + "\n", encoding="utf-8")
        started = time.process_time()
        try:
            load_site(project)
            problems = []
        except ContentError as err:
            problems = [p for p in err.problems if p.file.startswith("content/foldere/")]
        assert time.process_time() - started < 10 * SLACK, body[:10]
        if message:
            assert problems and problems[0].message.startswith(message), problems[:1]
            assert problems[0].line == text.count("\n") + 3
        else:
            assert problems == [], problems[:1]


# --- the role table: many roles and many rows ----------------------------------------------------------

def _roles_file(roles: int, rows: int, statement: str) -> str:
    """data/roles.yml with `roles` columns and `rows` rows of one statement each."""
    head = "kommune: ballerup\ntitle: Roller\nroles:\n" + "".join(f"  - {{id: r{i}, name: R{i}}}\n" for i in range(roles))
    return head + "areas:\n  - title: Alt\n    rows:\n" + "".join(f"      - [{statement}]\n" for _ in range(rows))


@pytest.mark.parametrize("statement", ["{text: t, roles: alle}", "{text: t, roles: [r0, r1, r2]}"])
def test_the_role_table_is_checked_in_time_linear_in_its_size(tmp_path, statement):
    """1500 roles by 3500 rows (under the file's 200 KB): each row's roles are looked up, not searched for."""
    from generator.read_data import load_roles
    big, small = tmp_path / "big", tmp_path / "small"
    for root, roles, rows in ((big, 1500, 3500), (small, 15, 35)):
        (root / "data").mkdir(parents=True)
        (root / "data" / "roles.yml").write_text(_roles_file(roles, rows, statement), encoding="utf-8")
    assert (big / "data" / "roles.yml").stat().st_size < kinds.ROLES.max_bytes

    def check(root):
        problems = []
        catalogue = load_roles(root, problems)
        assert catalogue is not None and problems == [], problems[:3]

    size = (big / "data" / "roles.yml").stat().st_size / (small / "data" / "roles.yml").stat().st_size
    spent, baseline = cost(check, big), cost(check, small)
    assert spent <= 2 * size * baseline + SLACK, f"{spent:.2f} s; {baseline:.4f} s for a file {size:.0f}x smaller"


@pytest.mark.parametrize("text", ["a" + fill(" ") + "b", "a" + fill("\u00a0") + "b", fill("Et ord. "), fill(". "),
                                  fill("# a\n"), fill("- a\n"), fill("bl.a. "), "a" + fill(".") + " B"])
def test_a_texts_readability_is_measured_in_linear_time(text):
    """LIX runs over every leaflet in check and every changed posting in the summary: a line of 200 KB
    of spaces (which the text rules accept) once took minutes."""
    assert_linear(readability.readability, text)
