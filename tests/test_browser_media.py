"""A picture uploaded in the browser editor (Decap CMS, its "Medier" button) against the local
backend, as HR would: Decap draws it on a canvas before it is committed (media_processing in
content/admin/config.yml), so a phone photo's GPS position never reaches the repository, and
the build publishes it re-encoded once more (media.py)."""
from __future__ import annotations

import io
import subprocess

from PIL import Image

from test_browser_cms import TODAY, decap_server, editor, git, repo  # noqa: F401 - the editor's fixtures
from waiting import patient_browser, until  # noqa: F401 - patient_browser: autouse


def test_an_uploaded_photo_is_committed_without_its_gps(editor, repo, tmp_path):  # noqa: F811
    exif = Image.Exif()
    exif[0x010F] = "Telefonmærke"
    exif[0x8825] = {1: "N", 2: (55.0, 40.0, 30.0), 3: "E", 4: (12.0, 34.0, 56.0)}
    photo = tmp_path / "Legepladsen.JPG"
    Image.linear_gradient("L").resize((64, 48)).convert("RGB").save(photo, "JPEG", exif=exif.tobytes())
    assert Image.open(photo).getexif().get_ifd(0x8825)

    editor.get_by_role("button", name="Medier").click()
    editor.locator('input[type="file"]').set_input_files(str(photo))
    committed = "content/assets/billeder/legepladsen.jpg"  # Decap writes the name in small letters
    # A picture uploaded outside a posting is committed straight to the branch.
    until(lambda: committed in git(repo, "ls-tree", "-r", "--name-only", "main"),
          lambda: "no picture committed: " + git(repo, "log", "--stat", "-3", "main"), interval=0.2)
    data = git_bytes(repo, f"main:{committed}")
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and image.size == (64, 48)
    assert not image.getexif() and b"GPS" not in data and "Telefonm".encode() not in data


def git_bytes(repo, spec: str) -> bytes:
    return subprocess.run(["git", "show", spec], cwd=repo, check=True, capture_output=True).stdout
