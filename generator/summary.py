"""The pull request's job summary: what the change touches, and the facts of each changed posting.

A reviewer reads, on the pull request's page and without downloading the
preview: first, whether the change touches anything but content (code,
templates, workflows, settings), which a developer must review; then, for
each added or changed posting, its title, workplace, deadline, interviews
and hours, where it sends applicants (apply address, links, e-mail
addresses, each with its host spelled out and marked when hosts.py warns
about it), and the check's errors and warnings.

GitHub renders the summary as Markdown and drops a summary over 1 MiB whole,
so it has a budget: a few problems and addresses per posting, then "og N
flere"; a number of postings in detail, then their names; the whole well
under the limit however many postings or warnings there are. The text comes
from content, so every value is escaped for Markdown (`md`): it reads as the
text HR wrote, never as a link, an image, HTML or a mention.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from . import clock, jobnet, kinds, retention
from .content import load_site
from .hosts import Address, addresses, kommune_domains, link_warnings
from .kinds import DEVELOPERS, ORGANISATIONS, kind_of
from .model import Organisation, Posting
from .problems import ContentError, Problem, headline, one_line, people, relative
from .read_data import load_occupations, load_organisations
from .read_postings import read_posting
from .readability import readability
from .render import danish
from .site import Content, Unit

# The budget. GitHub drops a step summary over 1 MiB; this one stays far below it.
MAX_POSTINGS = 25  # postings shown in detail; the rest by file name
MAX_NAMES = 100  # file names listed (the postings not detailed, the files outside content)
MAX_PROBLEMS = 5  # errors and warnings shown per posting
MAX_ADDRESSES = 10  # addresses shown per posting
MAX_INTERVIEWS = 5
MAX_VALUE = 300  # characters of one value from content
BUDGET = 300_000  # bytes: no further posting is detailed once the summary is this long
PER_POSTING = 20_000  # bytes: one posting's part, so one long posting cannot push the others out


def _within(lines: list[str], budget: int) -> list[str]:
    """The lines that fit in `budget` bytes, then one line saying that the rest is left out."""
    kept, size = [], 0
    for i, line in enumerate(lines):
        size += len(line.encode()) + 1
        if size > budget:
            return kept + ["", f"… og {len(lines) - i} linjer mere om dette opslag; se dem i loggen for trinnet "
                               "**Tjek indholdet**\\.", ""]
        kept.append(line)
    return kept

# Every ASCII punctuation character may be backslash-escaped in CommonMark, and then it is
# only text: no emphasis, link, image, HTML, entity, table cell, heading, emoji (':x:').
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# What GitHub would make a link of although its punctuation is escaped: cmark-gfm's autolink
# extension still links 'helle\@ballerup\.dk' (tests/test_hr_summary.py shows it), and GitHub
# links mentions ('@team') and references ('#12') after rendering. Such a word goes in a code
# span, where nothing is a link.
_LINKABLE = re.compile(r"(?i)@|://|www\.|#\d")


def code(text: str, limit: int = MAX_VALUE) -> str:
    """Text as a code span that shows exactly it, on one line (a line break would end the span and
    start a block of its own) and cut at `limit`: the fence is longer than any run of ` inside."""
    text = " ".join(one_line(str(text)).split())
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md(text: object, limit: int = MAX_VALUE) -> str:
    """Text from content as one line of Markdown that renders as exactly that text (cut at `limit`)."""
    flat = " ".join(one_line(str(text)).split())  # no line breaks (a new block), controls shown as \x..
    if len(flat) > limit:
        flat = flat[:limit - 1] + "…"
    return " ".join(_word(word) for word in flat.split(" "))


_AROUND = re.compile(r"([(\[{'\"«]*)(.*?)([)\]}'\"».,;:!?]*)")  # punctuation before and after a word


def _word(word: str) -> str:
    """One word of content as Markdown: escaped, or, when GitHub would link it, in a code span
    (with the punctuation around it outside, as the reader reads it: '(helle@ballerup.dk);')."""
    if not _LINKABLE.search(word):
        return _PUNCTUATION.sub(r"\\\1", word)
    before, core, after = _AROUND.fullmatch(word).groups()
    if not _LINKABLE.search(core):
        before, core, after = "", word, ""
    return _PUNCTUATION.sub(r"\\\1", before) + code(core) + _PUNCTUATION.sub(r"\\\1", after)


def _day(day: date) -> str:
    return danish.long_date(day)


def _more(n: int, one: str, many: str) -> str:
    """'- … og 1 fil mere', '- … og 12 flere filer'."""
    return f"- … og 1 {one} mere" if n == 1 else f"- … og {n} flere {many}"


# --- what the change touches ------------------------------------------------------------------------

def needs_developer(rel: str) -> bool:
    """True for a file outside content: no kind of kinds.py, or a kind developers review
    (hand-written pages, the theme's files, the editor, cms.yml). .github/CODEOWNERS routes the same."""
    kind = kind_of(rel)
    return kind is None or kind.owner == DEVELOPERS


def _outside_content(changed: list[str]) -> list[str]:
    code_files = [rel for rel in changed if needs_developer(rel)]
    out: list[str] = []
    if code_files:
        n = len(code_files)
        out += ["## Ændringer uden for indholdet", "",
                f"**En udvikler skal gennemgå denne pull request, før den godkendes.** Den ændrer {n} "
                f"{'fil' if n == 1 else 'filer'}, som ikke er opslag, data, foldere eller billeder, men kode, "
                "skabeloner, workflows, opsætning eller håndskrevne sider \\(de kan ændre hele sitet\\):", ""]
        out += [f"- {code(one_line(rel)[:200])}" for rel in code_files[:MAX_NAMES]]
        if n > MAX_NAMES:
            out.append(_more(n - MAX_NAMES, "fil", "filer"))
        out.append("")
    if ORGANISATIONS.example in changed:
        out += [f"{code(ORGANISATIONS.example)} er ændret: tjek kommunernes domæner \\(domains\\), som advarslerne "
                "om adresser nedenfor bygger på\\.", ""]
    return out


# --- one posting ------------------------------------------------------------------------------------

def _workplace(posting: Posting, units: dict[str, Unit]) -> str:
    unit = units.get(posting.workplace)
    if unit is None:
        return md(posting.workplace)
    return md(" · ".join(o.name for o in reversed(unit.chain)))


def _facts(posting: Posting, units: dict[str, Unit]) -> list[str]:
    deadline = danish.moment_text(clock.at(posting.deadline, posting.deadline_time), bool(posting.deadline_time))
    shown = posting.interviews[:MAX_INTERVIEWS]
    interviews = "; ".join(
        f"{interview.label or 'Samtale'} "
        f"{danish.moment_text(clock.at(interview.date, interview.time), bool(interview.time))}"
        for interview in shown) or "ingen angivet"
    if len(posting.interviews) > len(shown):
        interviews += f" og {len(posting.interviews) - len(shown)} flere"
    facts = [
        ("Arbejdssted", _workplace(posting, units)),
        ("Vises på sitet fra", md(_day(posting.published))),
        ("Ansøgningsfrist", md(deadline)),
        ("Samtaler", md(interviews)),
        ("Timer", md(danish.hours_text(posting))),
        ("Læsbarhed", md(posting_readability(posting))),
    ]
    if posting.withdrawn:
        facts.append(("Trukket tilbage", md(f"{posting.withdrawn.reason} {_day(posting.withdrawn.date)}")))
    if unit := units.get(posting.workplace):  # the retention rule, so HR knows when the contacts leave
        limits = retention.limits(posting, retention.rule_of(unit.kommune))
        facts.append(("Efter fristen", md(f"kontaktpersoner og tekst fjernes fra sitet efter "
                                          f"{_day(limits.whole_until)}; siden forsvinder efter "
                                          f"{_day(limits.short_until)}")))
    return [f"- **{label}:** {value}" for label, value in facts]


def posting_readability(posting: Posting) -> str:
    """'LIX 52 (svær)': how hard the posting's running text is to read, a figure for the reviewer (no warning:
    a posting is read by trained professionals, not by every parent)."""
    texts = [posting.intro, *(s.text for s in posting.sections), posting.terms or "", posting.apply.text or ""]
    found = readability("\n\n".join(t for t in texts if t))
    return f"LIX {found.lix} ({found.level})"


def _host(address: Address) -> str:
    """The host as the reviewer must read it: a look-alike also as DNS writes it."""
    shown = code(address.host)
    try:
        dns = address.host.encode("idna").decode("ascii")
    except UnicodeError:
        dns = address.host
    return shown + (f" \\(i DNS: {code(dns)}\\)" if dns != address.host else "")


def _address_line(address: Address) -> str:
    where = re.sub(r" \([^()]*\)$", "", people(address.path))  # 'ansøgning, adresse (url)' -> 'ansøgning, adresse'
    label = f"**{address.role}** \\({md(where)}\\):" if address.role != "Søg" else "**Søg:**"
    if address.kind == "email":
        shown = f"{code(address.written[:120])} på domænet {_host(address)}"
    else:
        rest = address.rest if len(address.rest) <= 60 else address.rest[:59] + "…"
        shown = _host(address) + (f" › {code(rest)}" if rest not in ("", "/") else "")
    if not address.notes:
        return f"- {label} {shown}: kommunens eget domæne"
    return f"- ⚠️ {label} {shown}: **tjek:** {md('; '.join(address.notes), 2 * MAX_VALUE)}"


def _addresses(posting: Posting, kommune: Organisation | None) -> list[str]:
    found = addresses(posting, kommune)
    domains = kommune_domains(kommune)
    whose = f"{kommune.name}s domæner" if kommune else "Kommunens domæner"
    out = [f"**Hvor ansøgerne sendes hen** \\({md(whose)}: "
           + (", ".join(code(d) for d in domains) if domains else "ingen angivet") + "\\):", ""]
    if not found:
        return out + ["- Opslaget har ingen adresse til ansøgning, link eller e-mail\\.", ""]
    # The apply address first, then the ones warned about, then the rest, each in the order written.
    order = sorted(range(len(found)), key=lambda i: (found[i].path != ("apply", "url"), not found[i].notes, i))
    seen: set[tuple] = set()
    lines = []
    for i in order:
        key = (found[i].role, found[i].written)
        if key not in seen:  # a text that repeats a link shows it once
            seen.add(key)
            lines.append(_address_line(found[i]))
    out += lines[:MAX_ADDRESSES]
    if len(lines) > MAX_ADDRESSES:
        out.append(_more(len(lines) - MAX_ADDRESSES, "adresse", "adresser"))
    return out + [""]


def _problem_lines(problems: list[Problem]) -> list[str]:
    lines = []
    for p in sorted(problems, key=lambda p: (p.severity != "error", p.line, p.column, p.message))[:MAX_PROBLEMS]:
        kind = "Fejl" if p.severity == "error" else "Advarsel"
        where = f"linje {p.line}" + (f", {p.field}" if p.field else "")
        lines.append(f"- **{kind}** \\({md(where)}\\): {md(p.message)}")
    if len(problems) > MAX_PROBLEMS:
        lines.append(_more(len(problems) - MAX_PROBLEMS, "fejl eller advarsel", "fejl og advarsler") + ": se dem alle i loggen for "
                     "trinnet **Tjek indholdet**, eller kør `make check FILER=<filen>` på din egen computer")
    return lines


def _jobnet(rel: str, posting: Posting, units: dict[str, Unit], occupations: dict) -> str:
    """'- **Jobnet:** klar' or what Jobnet would refuse, and where the preview has the posting's sheet."""
    line = f"- **Jobnet:** {md(jobnet.readiness(posting, units.get(posting.workplace), occupations))}"
    if jobnet.applies(posting, clock.today()):
        sheet = kinds.jobnet_sheet(Path(rel).stem).removesuffix(".md") + ".html"  # the preview opened from disk
        line += f" \\(felterne til Jobnet: {code(sheet)} i forhåndsvisningen\\)"
    return line


def _posting(root: Path, rel: str, problems: list[Problem], units: dict[str, Unit],
             occupations: dict | None = None) -> list[str]:
    # The text checks' warnings are in `problems` already (the whole site was loaded).
    source, posting, own = read_posting(root, rel, None, text_checks=False) if (root / rel).is_file() \
        else (None, None, [])
    found = sorted(set(own) | {p for p in problems if p.file == rel})
    out = [f"### {md(posting.title) if posting else code(one_line(rel)[:200])}", "", f"Fil: {code(one_line(rel))}", ""]
    if posting:
        out += _facts(posting, units) + [_jobnet(rel, posting, units, occupations or {}), ""]
        unit = units.get(posting.workplace)
        kommune = unit.kommune if unit else None
        out += _addresses(posting, kommune)
        # The host warnings are shown with their address above, not again in the list below.
        shown = set(link_warnings(posting, source, kommune)) if source is not None else set()
        listed = [p for p in found if p not in shown]
    elif not (root / rel).is_file():
        out += ["- Filen findes ikke \\(slettet\\)\\.", ""]
        listed = found
    else:
        listed = found
    if found:
        out += [f"**{md(headline(found))}**", ""] + _problem_lines(listed) + [""]
    else:
        out += ["Tjekket fandt ingen fejl eller advarsler\\.", ""]
    return out


# --- the whole summary ------------------------------------------------------------------------------

def summary(root: Path, files: list[str], day: date | None = None, changed: list[str] | None = None) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: the files outside content among `changed` (all the files
    the pull request changes), the preview's day, then each posting in `files`."""
    content: Content | None = None
    try:
        named = frozenset(relative(Path(f) if Path(f).is_absolute() else Path.cwd() / f, root) for f in files)
        content = load_site(root, today=clock.today(), read_in_full=named)  # as check reads it
        problems = list(content.warnings)
        units = content.units
        occupations = content.occupations
    except ContentError as err:
        problems = list(err.problems)
        units = load_organisations(root, [])  # the kommuner's domains, when their file can be read
        occupations = load_occupations(root, [])
    rels = sorted({relative(Path(f) if Path(f).is_absolute() else Path.cwd() / f, root) for f in files})

    out = _outside_content(sorted(changed or []))
    out += ["## Forhåndsvisning", ""]
    if day:
        out += [f"Forhåndsvisningen viser sitet, som det ser ud {md(_day(day))}\\. Hent den under **Artifacts** "
                "nederst på siden \\(**forhaandsvisning**\\), pak den ud, og åbn `index.html`\\.", ""]
    if not rels:
        return "\n".join(out + ["Ingen opslag i `jobs/` er tilføjet eller ændret.", ""])
    n = len(rels)
    out += [f"{n} opslag er tilføjet eller ændret:", ""]
    size = sum(len(line.encode()) + 1 for line in out)
    detailed = 0
    for rel in rels:
        if detailed == MAX_POSTINGS or size > BUDGET:
            break
        part = _within(_posting(root, rel, problems, units, occupations), PER_POSTING)
        size += sum(len(line.encode()) + 1 for line in part)
        out += part
        detailed += 1
    if detailed < n:
        rest = rels[detailed:]
        out += [f"### {len(rest)} opslag mere", "",
                f"Oversigten viser de første {detailed} opslag; disse er også tilføjet eller ændret "
                "\\(se dem i forhåndsvisningen og i loggen for trinnet **Tjek indholdet**\\):", ""]
        out += [f"- {code(one_line(rel)[:200])}" for rel in rest[:MAX_NAMES]]
        if len(rest) > MAX_NAMES:
            out.append(_more(len(rest) - MAX_NAMES, "opslag", "opslag"))
        out.append("")
    return "\n".join(out)
