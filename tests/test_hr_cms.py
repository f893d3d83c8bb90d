"""The browser editor (/admin/, Decap CMS): its form is the content model (the same schema as
schema/posting.schema.json, the workplaces and role descriptions of data/), the committed
configuration is current, and the editor stays off the public site's surface."""
from __future__ import annotations

import filecmp
import json
import re
import shutil
import sys

import lxml.html
import yaml

from conftest import ROOT, mkdocs_build, run
from generator import cms
from generator.model import AGE_GROUPS, EMPLOYMENT, REQUIREMENTS, ROLE_TYPES
from generator.schema import SCHEMAS, schema_for

TODAY = "2026-01-05"


def committed() -> dict:
    return yaml.safe_load((ROOT / cms.CONFIG_FILE).read_text(encoding="utf-8"))


def form(config: dict, collection: str = "jobs") -> dict[str, dict]:
    """A form's fields by path ('contacts.phone'): the postings' by default."""
    (jobs,) = [c for c in config["collections"] if c["name"] == collection]
    found: dict[str, dict] = {}

    def walk(fields, parent=""):
        for field in fields:
            path = f"{parent}.{field['name']}" if parent else field["name"]
            found[path] = field
            walk(field.get("fields", []), path)

    walk(jobs["fields"])
    return found


def schema_paths(name: str = "posting.schema.json") -> dict[str, bool]:
    """Every field of a schema by path -> required (within its part)."""
    model, title, description = SCHEMAS[name]
    body = schema_for(model, title, description)
    defs = body.get("$defs", {})
    found: dict[str, bool] = {}

    def walk(part, parent=""):
        for name, prop in part["properties"].items():
            path = f"{parent}.{name}" if parent else name
            found[path] = name in part.get("required", [])
            refs = [prop.get("$ref"), prop.get("items", {}).get("$ref"),
                    *(o.get("$ref") for o in prop.get("anyOf", []))]
            for ref in filter(None, refs):
                walk(defs[ref.split("/")[-1]], path)

    walk(body)
    return found


def test_the_committed_configuration_matches_the_model_and_data():
    assert not cms.stale(ROOT), f"{cms.CONFIG_FILE} is out of date: run `python -m generator cms` and commit it"


def test_every_field_of_the_model_is_in_the_form_in_its_order_and_required_as_in_the_model():
    fields = form(committed())
    paths = schema_paths()
    assert list(fields) == list(paths)
    # an optional part (withdrawn) has its fields optional in the form: check asks for both when it is there
    optional_parts = {p for p, required in paths.items()
                      if "." not in p and not required and fields[p]["widget"] == "object"}
    for path, required in paths.items():
        in_optional_part = path.split(".")[0] in optional_parts and "." in path
        expected = required and not in_optional_part
        assert fields[path].get("required", True) == expected, path
        assert fields[path]["hint"] and fields[path]["label"], path


def test_the_leaflet_form_is_its_front_matter_and_its_text():
    fields = form(committed(), "foldere")
    paths = schema_paths("leaflet.schema.json")
    assert list(fields) == [*paths, "body"]
    # a translation may leave out its contact (it has its source's): the contact's fields are optional in the form
    optional_parts = {p for p, required in paths.items() if "." not in p and not required
                      and fields[p]["widget"] == "object"}
    assert all(fields[p].get("required", True) == (required and p.split(".")[0] not in optional_parts)
               for p, required in paths.items()), paths
    assert fields["updated"]["widget"] == "datetime" and fields["body"]["widget"] == "markdown"
    assert fields["body"]["editor_components"] == []  # headings and lists, no images or HTML
    (leaflets,) = [c for c in committed()["collections"] if c["name"] == "foldere"]
    assert leaflets["folder"] == "content/foldere" and leaflets["format"] == "frontmatter"


def test_choices_are_the_models_values_and_the_known_workplaces():
    fields = form(committed())
    assert fields["role"]["options"] == list(ROLE_TYPES)
    assert fields["employment"]["options"] == list(EMPLOYMENT)
    assert fields["age_groups"]["options"] == list(AGE_GROUPS) and fields["age_groups"]["multiple"]
    assert fields["requirements"]["options"] == list(REQUIREMENTS)
    assert fields["withdrawn.reason"]["options"] == ["besat", "annulleret"]
    orgs = yaml.safe_load((ROOT / "data" / "organisations.yml").read_text(encoding="utf-8"))

    def units(org):
        for unit in org.get("units", []):
            yield unit
            yield from units(unit)

    workplaces = {u["id"]: u["name"] for k in orgs["kommuner"] for u in units(k)}
    options = fields["workplace"]["options"]
    assert [o["value"] for o in options] == list(workplaces)
    assert all(o["label"].startswith(workplaces[o["value"]]) and o["label"].endswith("Kommune") for o in options)
    roles = yaml.safe_load((ROOT / "data" / "roles.yml").read_text(encoding="utf-8"))["roles"]
    assert fields["role_description"]["options"] == [{"label": r["name"], "value": r["id"]} for r in roles]


def test_widgets_write_what_check_reads():
    fields = form(committed())
    for path in ("published", "deadline", "employment_end", "start.date", "interviews.date", "withdrawn.date"):
        assert fields[path]["widget"] == "datetime" and fields[path]["format"] == "YYYY-MM-DD", path
        assert fields[path]["time_format"] is False, path
    for path in ("deadline_time", "interviews.time"):
        pattern = re.compile(fields[path]["pattern"][0])
        assert pattern.match("12:00") and not pattern.match("25:00"), path
    hours = re.compile(fields["hours"]["pattern"][0])
    assert all(hours.match(v) for v in ("37", "32.5", "uden øvre arbejdstid")) and not hours.match("61")
    assert fields["start.asap"]["widget"] == "boolean"
    for path in ("intro", "sections.text", "apply.text", "terms"):
        assert fields[path]["widget"] == "markdown", path
        assert set(fields[path]["buttons"]) <= {"bold", "italic", "link", "bulleted-list", "numbered-list"}
        assert fields[path]["editor_components"] == [], path  # no images, no code blocks
    assert fields["title"]["comment"].startswith("yaml-language-server: $schema=../schema/posting.schema.json")
    config = committed()
    assert config["publish_mode"] == "editorial_workflow" and config["locale"] == "da"
    assert config["local_backend"] is True and config["backend"]["name"] == "github"
    assert config["collections"][0]["folder"] == "jobs" and config["collections"][0]["extension"] == "yml"
    assert all(f.get("widget") != "text" for f in fields.values())  # no line breaks where check refuses them


def add_workplace(project, name: str) -> None:
    orgs = project / "data" / "organisations.yml"
    orgs.write_text(orgs.read_text(encoding="utf-8").replace(
        "        units:\n          - id: stjernehuset\n",
        "        units:\n          - id: solsikken\n            kind: børnehus\n"
        f"            name: {name}\n          - id: stjernehuset\n", 1), encoding="utf-8")


def test_cms_check_fails_until_the_configuration_is_written_again(project):
    (project / "cms.yml").write_text("repo: kommune/job\nbranch: main\n", encoding="utf-8")
    add_workplace(project, """'Børnehuset "Solsikken": #1 & venner'""")  # characters YAML and HTML care about
    stale = run([sys.executable, "-m", "generator", "cms", "--check"], project)
    assert stale.code == 1 and "content/admin/config.yml passer ikke" in stale.err
    assert "make cms-config" in stale.err
    written = run([sys.executable, "-m", "generator", "cms"], project)
    assert written.code == 0 and "Skrev content/admin/config.yml" in written.out
    assert run([sys.executable, "-m", "generator", "cms", "--check"], project).code == 0
    config = yaml.safe_load((project / cms.CONFIG_FILE).read_text(encoding="utf-8"))
    assert config["backend"]["repo"] == "kommune/job"
    assert {"label": 'Børnehuset "Solsikken": #1 & venner · Distrikt Baltorp · Ballerup Kommune',
            "value": "solsikken"} in form(config)["workplace"]["options"]


def test_markup_in_a_workplace_name_never_reaches_the_form(project):
    add_workplace(project, "'Solsikken <img src=x onerror=alert(1)>'")
    result = run([sys.executable, "-m", "generator", "cms"], project)
    assert result.code == 1 and "Traceback" not in result.err
    assert "er ikke skrevet, fordi data/ har fejl" in result.err and "data/organisations.yml:" in result.err
    assert "solsikken" not in (project / cms.CONFIG_FILE).read_text(encoding="utf-8")


def test_the_built_editor_has_the_workplaces_of_data_without_another_step(project, tmp_path):
    add_workplace(project, "Solsikken")
    result = mkdocs_build(project, tmp_path / "site", TODAY)
    assert result.code == 0, result.text
    served = yaml.safe_load((tmp_path / "site" / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert "solsikken" in [o["value"] for o in form(served)["workplace"]["options"]]


def test_admin_is_off_the_public_surface_and_loads_only_local_code(built_site):
    site = built_site(TODAY)
    page = (site.root / "admin" / "index.html").read_text(encoding="utf-8")
    tree = lxml.html.fromstring(page)
    assert tree.xpath('//meta[@name="robots"]/@content') == ["noindex, nofollow"]
    (policy,) = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    assert directives["default-src"] == ["'none'"] and directives["object-src"] == ["'none'"]
    assert directives["script-src"] == ["'self'", "'unsafe-eval'"]  # Decap compiles its config schema (ajv)
    # blob: the editor reads a picture chosen for upload through its own blob: URL (nothing leaves the page)
    assert set(directives["connect-src"]) == {"'self'", "blob:", "https://api.github.com", "http://localhost:8081"}
    assert all(not h.startswith("http") or h.endswith("githubusercontent.com") for h in directives["img-src"])
    scripts = tree.xpath("//script/@src")
    assert scripts == ["decap-cms.js", "regler.js"] and not tree.xpath("//script[not(@src)]")
    bundle = site.root / "admin" / "decap-cms.js"
    assert filecmp.cmp(bundle, ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js", shallow=False)
    chunks = sorted(p.name for p in (site.root / "admin").glob("*.decap-cms.js"))
    assert chunks and not list((site.root / "admin").glob("*.map"))  # the chunks it loads itself, no source maps
    assert "Content-Security-Policy" not in page.split("<title>")[1]  # one policy, the page's own: not the site's
    assert "admin/" not in (site.root / "sitemap.xml").read_text(encoding="utf-8")
    from search_project import indexed

    index = indexed(site.root)
    assert index and not [url for url in index if url.startswith("/admin")]
    for feed in ("job/feed.xml", "job/jobs.json", "job/kalender.ics"):
        assert "/admin" not in (site.root / feed).read_text(encoding="utf-8"), feed
    served = yaml.safe_load((site.root / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert served == committed()


def test_the_preview_opened_from_disk_has_no_editor(project, tmp_path):
    shutil.copy2(ROOT / "mkdocs.preview.yml", project / "mkdocs.preview.yml")
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.preview.yml", "-d",
                  str(tmp_path / "preview")], project, TODAY, JOBSITE_PREVIEW="true")
    assert result.code == 0, result.text
    assert (tmp_path / "preview" / "index.html").is_file() and not (tmp_path / "preview" / "admin").exists()


def test_the_guide_shows_the_editor_with_pictures_that_exist():
    guide = (ROOT / "HR.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Skriv opslaget i en formular i browseren"):]
    images = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", section)
    assert len(images) >= 4 and all((ROOT / image).is_file() for image in images), images
    assert "## Til kommunens IT: login til redigeringen" in section and "OAuth" in section and "cms.yml" in section
