"""The editor at /admin/ (Decap CMS): its bundle from node_modules joins the site's files.

content/admin/index.html is not a MkDocs page (the CSP pass touches those only;
it carries its own policy): it is rendered here with the theme's footer
partial, so the editor names the accessibility statement and contact too. admin/config.yml is
made at build from the model and data/ (generator/cms.py), so a workplace
added to data/organisations.yml is in the form without another step.
The bundle is not committed: it comes from the npm package pinned in
package-lock.json (`npm ci`), never from a CDN. The preview opened from disk
gets no editor.
"""
from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from mkdocs.structure.files import File, Files

from .. import cms
from ..owner import operator

log = logging.getLogger("mkdocs.plugins.jobsite")
ADMIN_DIR = "admin"
# The generator's own checkout: where `npm ci` put node_modules when the site is a copy elsewhere.
HOME = Path(__file__).resolve().parents[2]


def bundle_dir(root: Path) -> Path | None:
    for base in (root, HOME):
        dist = base / "node_modules" / "decap-cms" / "dist"
        if (dist / "decap-cms.js").is_file():
            return dist
    return None


def bundle_files(dist: Path) -> list[Path]:
    """decap-cms.js, the chunks it loads on demand (N.decap-cms.js), their WebAssembly and licence notes."""
    return sorted(p for p in dist.iterdir() if p.is_file() and not p.name.endswith(".map") and (
        p.name.endswith("decap-cms.js") or p.suffix == ".wasm" or p.name == "decap-cms.js.LICENSE.txt"))


def page(config) -> str:
    """admin/index.html: the template in content/admin with the footer of every page (the site's operator's)."""
    env = Environment(loader=FileSystemLoader([config.docs_dir, *config.theme.dirs]), autoescape=True)
    owner = operator(config.extra.get("jobsite") or {})
    return env.get_template(f"{ADMIN_DIR}/index.html").render(jobsite_owner=owner)


def add_editor(files: Files, config, root: Path, preview: bool, kept: dict | None = None) -> None:
    """Add the bundle under admin/, or (in the preview) leave the editor out. `kept` (serve) holds
    the form made from the data files as they were (their time and size), so a rebuild after an edit
    to a posting does not make it again."""
    if preview:
        for file in [f for f in files if f.src_uri.startswith(ADMIN_DIR + "/")]:
            files.remove(file)
        return
    if not any(f.src_uri == f"{ADMIN_DIR}/index.html" for f in files):
        return
    # The form as the model and data/ are now (a workplace HR added on GitHub included); the
    # committed copy shows a change to the form in review, and a test keeps it current.
    made = {f"{ADMIN_DIR}/config.yml": _form(root, kept), f"{ADMIN_DIR}/index.html": page(config)}
    for file in [f for f in files if f.src_uri in made]:
        files.remove(file)
    for src_uri, text in made.items():
        files.append(File.generated(config, src_uri, content=text))
    dist = bundle_dir(root)
    if dist is None:
        log.warning("Redigeringen (/admin/) mangler Decap CMS: kør npm ci (make test gør det), "
                    "så node_modules/decap-cms findes")
        return
    for path in bundle_files(dist):
        files.append(File.generated(config, f"{ADMIN_DIR}/{path.name}", abs_src_path=str(path)))


def _form(root: Path, kept: dict | None) -> str:
    """cms.render(root), or the one made from the same versions of the files it reads."""
    if kept is None:
        return cms.render(root)
    stamps = []
    for rel in cms.READS:
        try:
            stat = (root / rel).stat()
            stamps.append((rel, stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append((rel, None, None))
    key = tuple(stamps)
    if kept.get("stamps") != key:
        kept["text"], kept["stamps"] = cms.render(root), key
    return kept["text"]
