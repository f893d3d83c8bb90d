"""Command line for the people who publish postings and the CI that checks them.

  python -m generator check [FILES] [--strict] [--jobnet]   every problem as file:line:column: field: message
  python -m generator new [--title T] [--workplace W] [--id ID] [--from ID]   start jobs/<id>.yml from the
                                                 template, or from an existing posting without its dates and texts
  python -m generator retire [--dry-run]         delete the posting files the retention rule has taken off the site
  python -m generator schema [--check]           write (or verify) the JSON Schemas in schema/
  python -m generator preview date|summary       the preview's day; the pull request's summary (preview.py)

`check` exits 1 on any error (and, with --strict, on any warning). Under
GitHub Actions it also prints ::error/::warning annotations so each problem
shows on the pull request's diff.
"""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from . import clock, preview, schema
from .content import JOBS_DIR, load_site
from .kinds import kind_of
from .listing import gone_files
from .problems import ContentError, Problem, headline, people, relative
from .readability import DEFAULT_MAX_LIX, readability, too_hard
from .scaffold import ScaffoldError, load_base, load_workplaces, new_posting


def _escape(value: str, properties: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if properties else value


def _annotate(problem: Problem) -> str:
    """A GitHub Actions annotation, so the problem shows on the pull request's diff."""
    level = "error" if problem.severity == "error" else "warning"
    message = f"{problem.where}: {problem.message}" if problem.field else problem.message
    where = f"file={_escape(problem.file, True)},line={problem.line}"
    if problem.column:
        where += f",col={problem.column}"
    return f"::{level} {where},title={_escape('Fejl i opslaget' if level == 'error' else 'Advarsel', True)}" \
           f"::{_escape(message)}"


MAX_ANNOTATIONS = 10  # GitHub shows 10 error and 10 warning annotations per step, and drops the rest


def annotations(problems: list[Problem]) -> list[str]:
    """The annotations for GitHub, within its limit: at most 10 errors and 10 warnings, taken in
    turn from each file (its first problem, then each file's second, ...), and within a file in
    turn from each field, so one file's or one text's many warnings do not push the others off
    the diff; then one notice saying how many are left out and where they all are. The text
    output of `check` lists every problem."""
    out: list[str] = []
    left = 0
    for severity in ("error", "warning"):
        by_field: dict[str, dict[str, list[Problem]]] = {}
        for problem in sorted(p for p in problems if (p.severity == "error") == (severity == "error")):
            by_field.setdefault(problem.file, {}).setdefault(problem.field, []).append(problem)
        by_file = {file: _in_turn(list(fields.values())) for file, fields in by_field.items()}
        chosen: list[Problem] = []
        for turn in range(MAX_ANNOTATIONS):
            chosen += [found[turn] for found in by_file.values() if turn < len(found)]
            if len(chosen) >= MAX_ANNOTATIONS:
                break
        chosen = sorted(chosen[:MAX_ANNOTATIONS])
        out += [_annotate(p) for p in chosen]
        left += sum(map(len, by_file.values())) - len(chosen)
    if left:
        message = (f"{left} {'fejl eller advarsel mere' if left == 1 else 'fejl og advarsler mere'} vises ikke som "
                   f"markeringer i ændringen (GitHub viser højst {MAX_ANNOTATIONS} af hver slags). Se dem alle i "
                   "loggen for trinnet, og opslagenes oversigt under Summary.")
        out.append(f"::notice title={_escape('Flere fejl og advarsler', True)}::{_escape(message)}")
    return out


def _in_turn(groups: list[list[Problem]]) -> list[Problem]:
    """The first of each group, then the second of each, ...: [[a1, a2, a3], [b1]] -> [a1, b1, a2, a3]."""
    out: list[Problem] = []
    for turn in range(max(map(len, groups), default=0)):
        out += [group[turn] for group in groups if turn < len(group)]
    return out


def _is_source(rel: str) -> bool:
    """A file `check` reads: one of the registry's kinds (kinds.py)."""
    return kind_of(rel) is not None


def leaflet_readability(content, leaflet) -> tuple[str, int, str, bool]:
    """How easy a leaflet is to read, as check reports it beside its OK: (file, line, message, too hard).
    Above the kommune's limit it names the longest sentences by line; a notice, never an error or a
    warning (--strict does not count it): an old leaflet need not stop a posting's pull request."""
    found = readability(leaflet.body)
    kommune = content.units.get(leaflet.leaflet.kommune)
    limit = (kommune.org.max_lix if kommune else None) or DEFAULT_MAX_LIX
    line_of = lambda s: leaflet.body_line + leaflet.body.count("\n", 0, s.offset)  # noqa: E731
    if found.lix > limit:
        return leaflet.file, line_of(found.longest(1)[0]), too_hard(found, limit, line_of), True
    return leaflet.file, leaflet.body_line, (f"LIX {found.lix} ({found.level}); grænsen for tekster til forældre "
                                             f"er {limit}"), False


def check(root: Path, files: list[Path] | None = None, strict: bool = False, jobnet: bool = False) -> int:
    """Validate everything; report the problems (of `files`, when given). Returns the exit code."""
    problems: list[Problem] = []
    counts = ""
    readable: list[tuple[str, int, str, bool]] = []  # leaflet file, line, its readability, above the limit
    # Named postings are read alone (a posting is checked against the data files, not other postings);
    # a named data file or page is checked with every posting that depends on it.
    named = frozenset(relative(p if p.is_absolute() else Path.cwd() / p, root) for p in files or ())
    gone: list[str] = []
    try:  # a large jobs/ is read side by side; a file HR names is read whatever its age
        content = load_site(root, processes=os.cpu_count() or 1, today=clock.today(), read_in_full=named,
                            only=named if named and all(r.startswith(JOBS_DIR + "/") for r in named) else None)
        problems = list(content.warnings) + [_gone_warning(root, rel) for rel in gone_files(content) if rel in named]
        gone = gone_files(content)
        n = len(content.leaflets)
        counts = (f"{len(content.postings)} opslag, {len(content.units)} organisationer og "
                  f"{n} {'folder' if n == 1 else 'foldere'}")
        readable = [leaflet_readability(content, leaflet) for leaflet in content.leaflets
                    if leaflet.leaflet.language.split("-")[0] == "da"]  # LIX is measured for Danish
    except ContentError as err:
        problems = list(err.problems)
    except clock.ClockError as err:
        print(str(err), file=sys.stderr)
        return 1
    if strict or jobnet:  # what Jobnet would refuse counts with --jobnet only (a kommune that sends every
        from .jobnet import is_jobnet  # posting there); --strict counts the site's own warnings
        problems = [replace(p, severity="error") if (jobnet if is_jobnet(p) else strict) else p for p in problems]

    others = 0
    if files:
        wanted: set[str] = set()
        for path in files:
            rel = relative(path if path.is_absolute() else Path.cwd() / path, root)
            if not (root / rel).is_file():
                problems.append(Problem(rel, 1, 0, "", "filen findes ikke"))
            elif not _is_source(rel):
                problems.append(Problem(rel, 1, 0, "", f"filen er ikke en del af indholdet; et opslag skal ligge "
                                        f"i mappen {JOBS_DIR}/ og hedde noget med .yml"))
            wanted.add(rel)
        others = sum(p.severity == "error" for p in problems if p.file not in wanted)
        problems = [p for p in problems if p.file in wanted]

    if problems:
        print("\n".join([headline(problems), *(p.format() for p in sorted(problems))]), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print("\n".join(annotations(problems)))
    errors = sum(p.severity == "error" for p in problems)
    if others:
        print(f"(Der er også {others} fejl i andre filer; kør make check (uden FILER) "
              "for at se dem.)", file=sys.stderr)
    if files and not errors and not others:
        print("(Kun de nævnte filer er tjekket; make check uden FILER tjekker alt indhold.)", file=sys.stderr)
    if errors:
        return 1
    if files:
        print("OK: " + ", ".join(sorted({relative(p if p.is_absolute() else Path.cwd() / p, root)
                                         for p in files})) + " er i orden.")
    else:
        print(f"OK: {counts} er i orden.")
        if gone:
            print(f"Ikke på sitet: {len(gone)} lukkede opslag er ældre end reglen for lukkede opslag og blev ikke "
                  "tjekket; de slettes af den daglige oprydning (eller med make retire).")
    wanted_files = {relative(p if p.is_absolute() else Path.cwd() / p, root) for p in files} if files else None
    for rel, line, message, hard in sorted(readable):
        if wanted_files is None or rel in wanted_files:
            print(f"Læsbarhed: {rel}:{line}: {message}")
            if hard and os.environ.get("GITHUB_ACTIONS") == "true":
                print(f"::notice file={_escape(rel, True)},line={line},title={_escape('Læsbarhed', True)}::"
                      f"{_escape(message)}")
    return 0


def _gone_warning(root: Path, rel: str) -> Problem:
    """A posting HR named that the site no longer shows: it closed longer ago than the retention rule keeps it."""
    line = next((n for n, text in enumerate((root / rel).read_text(encoding="utf-8", errors="replace").splitlines(), 1)
                 if text.startswith("deadline")), 1)
    return Problem(rel, line, 0, "deadline", "opslaget er lukket for længere tid siden, end lukkede opslag bliver på "
                   "sitet, så det vises ikke; er det et nyt opslag, så ret ansøgningsfristen (og published)",
                   severity="warning", label=people(("deadline",)))


def retire(root: Path, dry_run: bool = False) -> int:
    """Delete the posting files whose page the retention rule has taken off the site (retention.py),
    so jobs/ and the editor hold the open, coming and recently closed postings, not years of them."""
    try:
        gone = gone_files(load_site(root, text_checks=False, today=clock.today()))
    except ContentError as err:
        print("Intet er slettet, fordi indholdet har fejl:\n" + err.report(), file=sys.stderr)
        return 1
    except clock.ClockError as err:
        print(str(err), file=sys.stderr)
        return 1
    for rel in gone:
        if not dry_run:
            (root / rel).unlink()
        print(f"{'Ville slette' if dry_run else 'Slettet'}: {rel}")
    if not gone:
        print("Ingen opslag er ældre end reglen for lukkede opslag.")
    return 0


def new(root: Path, title: str | None, workplace: str | None, posting_id: str | None,
        from_id: str | None = None) -> int:
    try:
        if from_id:
            load_base(root, from_id)  # say at once when there is nothing to start from
        if title is None:
            title = _ask("Stillingens titel (fx Pædagog til Børnehuset Stjernehuset): ")
        if workplace is None and not from_id:
            workplace = _ask_workplace(load_workplaces(root))
        path = new_posting(root, title, workplace, posting_id, from_id)
    except (ScaffoldError, clock.ClockError) as err:
        print(f"Ingen fil er oprettet: {err}", file=sys.stderr)
        return 1
    except ContentError as err:
        print("Ingen fil er oprettet, fordi data/organisations.yml har fejl:\n" + err.report(), file=sys.stderr)
        return 1
    rel = relative(path, root)
    print(f"Oprettet {rel}. Udfyld felterne (se forklaringerne i filen og HR.md), og tjek den med:\n"
          f"  make check FILER={rel}")
    return 0


def _ask_workplace(workplaces) -> str:
    """Ask until the answer is a known workplace (its id or its name), showing the choices again after a miss."""
    print("Arbejdssteder:\n" + workplaces.listing())
    while True:
        answer = _ask("Arbejdsstedets id (fra listen ovenfor): ")
        try:
            return workplaces.find(answer).org.id
        except ScaffoldError as err:
            print(f"Det kender jeg ikke: {err}\nPrøv igen; vælg et af disse:\n{workplaces.listing()}")


def _ask(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        raise ScaffoldError("der kom intet svar; skriv titel og arbejdssted i kommandoen, fx make new TITEL=\"Pædagog til Solsikken\" ARBEJDSSTED=solsikken") from None


def main(argv: list[str] | None = None) -> int:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=Path.cwd(), help="projektets mappe (standard: den aktuelle)")
    parser = argparse.ArgumentParser(prog="python -m generator", description="jobsite: tjek og opret indhold.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", parents=[common],
                             help="tjek opslag, organisationer, stillingsbeskrivelser og foldere")
    p_check.add_argument("files", nargs="*", type=Path, metavar="FIL",
                         help="tjek kun disse filer (et opslag tjekkes mod organisationerne og sitets sider)")
    p_check.add_argument("--strict", action="store_true", help="advarsler tæller som fejl (undtagen Jobnets)")
    p_check.add_argument("--jobnet", action="store_true", help="det, Jobnet ville afvise, tæller som fejl")
    p_new = sub.add_parser("new", parents=[common], help="opret et nyt opslag i jobs/ ud fra skabelonen")
    p_new.add_argument("--title", help="stillingens titel")
    p_new.add_argument("--workplace", help="arbejdsstedets id fra data/organisations.yml")
    p_new.add_argument("--id", dest="posting_id", help="filnavn uden .yml (standard: lavet ud fra titlen)")
    p_new.add_argument("--from", dest="from_id", metavar="ID",
                       help="start fra et eksisterende opslag (filnavn uden .yml); datoer og fritekst tømmes")
    p_retire = sub.add_parser("retire", parents=[common],
                              help="slet opslag, som reglen for lukkede opslag har taget af sitet")
    p_retire.add_argument("--dry-run", action="store_true", help="vis hvad der ville blive slettet; slet intet")
    p_schema = sub.add_parser("schema", parents=[common], help="skriv JSON Schema-filerne i schema/ ud fra modellen")
    p_schema.add_argument("--check", action="store_true", help="skriv intet; fejl hvis filerne er forældede")
    p_cms = sub.add_parser("cms", parents=[common], help="skriv redigeringens opsætning (content/admin/config.yml)")
    p_cms.add_argument("--check", action="store_true", help="skriv intet; fejl hvis filen er forældet")
    preview.add_parser(sub, common)  # preview date | preview summary [FILES] (generator/preview.py)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "check":
        return check(root, args.files, args.strict, args.jobnet)
    if args.command == "retire":
        return retire(root, args.dry_run)
    if args.command == "new":
        return new(root, args.title, args.workplace, args.posting_id, args.from_id)
    if args.command == "preview":
        return preview.main(args)
    if args.command == "cms":  # the editor's configuration from the model (generator/cms.py)
        from . import cms
        try:
            if args.check and cms.stale(root):
                print(f"{cms.CONFIG_FILE} passer ikke med modellen og data/; kør make cms-config",
                      file=sys.stderr)
                return 1
            if not args.check and cms.write(root):
                print(f"Skrev {cms.CONFIG_FILE}")
        except ContentError as err:
            print(f"{cms.CONFIG_FILE} er ikke skrevet, fordi data/ har fejl:\n" + err.report(), file=sys.stderr)
            return 1
        return 0
    if args.command == "schema":
        if args.check:
            old = schema.stale(root)
            for name in old:
                print(f"{schema.SCHEMA_DIR}/{name} passer ikke med modellen; kør .venv/bin/python -m generator schema",
                      file=sys.stderr)
            return 1 if old else 0
        for name in schema.write_all(root):
            print(f"Skrev {schema.SCHEMA_DIR}/{name}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
