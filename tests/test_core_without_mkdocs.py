"""The core knows nothing of MkDocs or Material: `check` and the core's modules
load neither, so the same content and pages could feed another site builder
(Material's successor runs no MkDocs plugins)."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

CORE = ["generator.content", "generator.listing", "generator.clock", "generator.model", "generator.validation",
        "generator.render.pages", "generator.render.files", "generator.render.feed", "generator.render.calendar",
        "generator.render.jobs_json", "generator.render.pdf", "generator.render.markup", "generator.render.csp",
        "generator.render.jobposting", "generator.__main__"]
PROBE = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
from generator.__main__ import main
code = main(["check", "--root", {root!r}])
loaded = sorted({{m.split('.')[0] for m in sys.modules}} & {{'mkdocs', 'material'}})
print('loaded:', loaded, 'check:', code)
"""


def test_the_core_and_check_load_no_mkdocs_or_material(cli):
    result = subprocess.run([sys.executable, "-c", PROBE.format(root=str(ROOT)), *CORE],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "loaded: [] check: 0" in result.stdout, result.stdout + result.stderr
