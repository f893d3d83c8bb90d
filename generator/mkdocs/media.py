"""The pictures of the media folders as MkDocs publishes them: re-encoded, never the author's bytes.

MkDocs would copy every file of docs_dir to the site as it is. Each file it
found in a media folder (media.MEDIA_FOLDERS, a leaflet's .md aside) is
replaced by a generated file with the bytes `media.reencode` makes; a file
there that is not a picture `check` accepts fails the build with check's own
Danish message, so nothing in those folders is ever copied.

Under `mkdocs serve` the re-encoded bytes are kept by (mtime, size) between
rebuilds, so an edit to a posting does not re-encode every picture.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .. import media
from ..problems import ContentError, Problem


class MediaCache:
    """Re-encoded bytes by source file, kept while its (mtime, size) stays the same."""

    def __init__(self):
        self.entries: dict[str, tuple[tuple[int, int], bytes]] = {}

    def get(self, path: Path, rel: str) -> tuple[bytes | None, list[Problem]]:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        if (kept := self.entries.get(str(path))) and kept[0] == stamp:
            return kept[1], []
        data, problems = media.read_file(path, rel)
        if data is not None:
            data, problems = media.reencoded(data, rel)
        if data is not None:
            self.entries[str(path)] = (stamp, data)
        return data, problems

    def keep_only(self, paths: set[str]) -> None:
        """Forget the pictures no longer in the site (deleted or renamed)."""
        for gone in set(self.entries) - paths:
            del self.entries[gone]


def publish_media(files: Files, config, root: Path, cache: MediaCache | None = None) -> None:
    """Replace every file MkDocs found in a media folder by its re-encoded picture; refuse the rest."""
    docs = Path(config.docs_dir).resolve()
    try:
        docs_rel = docs.relative_to(root).as_posix()
    except ValueError:
        docs_rel = media.CONTENT_DIR
    cache = cache if cache is not None else MediaCache()
    problems: list[Problem] = []
    seen: set[str] = set()
    for file in sorted((f for f in files if f.abs_src_path and not f.generated_by), key=lambda f: f.src_uri):
        rel = f"{docs_rel}/{file.src_uri}"
        if media.media_folder(rel) is None or media.is_leaflet_text(rel):
            continue
        files.remove(file)  # whatever follows, the author's bytes are not published
        if message := media.name_problem(rel):
            problems.append(Problem(rel, 1, 0, "", message))
            continue
        path = Path(file.abs_src_path)
        seen.add(str(path))
        data, found = cache.get(path, rel)
        problems += found
        if data is not None:
            files.append(File.generated(config, file.src_uri, content=data))
    cache.keep_only(seen)
    if problems:
        raise PluginError(ContentError(problems).report())
