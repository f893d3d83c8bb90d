"""PDFs of the pages people print: each leaflet, and the role descriptions.

A PDF is made from the page as built: its article is lifted out of the
built HTML, wrapped in a small print document (templates/print_document.html.j2)
and laid out by WeasyPrint with the print stylesheet the site itself serves
(assets/print.css), so printing the page and printing the PDF look alike.
The PDF is tagged PDF/UA-1 with title, language and author set, and its fonts
embedded. It is reproducible: its dates come from the content (a leaflet's
`updated`), never from the clock.

WeasyPrint needs Debian's Pango (`make pdf-deps`). Without it no PDF is made
and `make_pdf` says why; the site builder decides whether that is a warning
(a build) or a note (a live preview).
"""
from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

import lxml.html
import tinycss2
from markupsafe import escape
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .. import languages, media
from ..model import RoleCatalogue
from ..problems import ContentError
from ..site import Content, LeafletFile

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
ENV = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                  trim_blocks=True, lstrip_blocks=True)

PRINT_CSS = "assets/print.css"  # among the site's files, beside jobsite.css
MISSING_ENGINE = ("PDF'er springes over: WeasyPrint kan ikke indlæses ({reason}). "
                  "Installer Debians Pango med `make pdf-deps`.")


@dataclass(frozen=True)
class PdfDocument:
    """One PDF: the built page it is made from, where it goes, and its metadata."""

    page: str  # the built page in site/, e.g. foldere/x/index.html
    name: str  # the PDF's file name, written beside the page
    kind: str  # "leaflet" or "roles": picks the layout in print.css
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...] = ()
    day: date | None = None  # creation and modification date; None: no date at all
    language: str = "da"  # BCP 47: the PDF's language tag (/Lang), and its direction (languages.direction)

    @property
    def direction(self) -> str:
        return languages.direction(self.language)

    @property
    def out(self) -> str:
        # In the page's folder as directory URLs have it (foldere/x/x.pdf), also when the page is
        # foldere/x.html (the preview, use_directory_urls: false), so the links to it hold in both.
        name = posixpath.basename(self.page)
        folder = posixpath.dirname(self.page) if name == "index.html" else self.page.removesuffix(".html")
        return posixpath.join(folder, self.name)


def leaflet_pdf_name(item: LeafletFile) -> str:
    return f"{item.id}.pdf"


def roles_pdf_name(catalogue: RoleCatalogue) -> str:
    return f"stillingsbeskrivelser-{catalogue.kommune}.pdf"


def leaflet_document(item: LeafletFile, page: str) -> PdfDocument:
    lf = item.leaflet
    return PdfDocument(page, leaflet_pdf_name(item), "leaflet", lf.title, item.kommune_name, lf.summary,
                       (lf.topic,), lf.updated, lf.language)


def roles_document(content: Content, page: str) -> PdfDocument:
    catalogue = content.roles
    assert catalogue is not None
    unit = content.units.get(catalogue.kommune)
    author = unit.org.name if unit else catalogue.kommune
    return PdfDocument(page, roles_pdf_name(catalogue), "roles", catalogue.title, author, catalogue.title,
                       ("stillingsbeskrivelser",))


# --- the engine -----------------------------------------------------------

@dataclass(frozen=True)
class _Missing:
    """No engine, and why (false in a boolean test)."""

    reason: str

    def __bool__(self) -> bool:
        return False


def engine():
    """The weasyprint module, or _Missing when it or Pango cannot be loaded."""
    try:
        import weasyprint
    except (ImportError, OSError) as err:  # OSError: Pango's shared library is missing
        return _Missing(str(err).splitlines()[0])
    return weasyprint


@dataclass(frozen=True)
class Made:
    """What making one PDF gave: its bytes (None when it was skipped) and WeasyPrint's warnings."""

    out: str
    data: bytes | None
    warnings: tuple[str, ...] = ()
    skipped: str = ""  # why no PDF was made (no engine, no print stylesheet)


def make_pdf(doc: PdfDocument, article_html: str, site_dir: Path, site_url: str = "") -> Made:
    """The PDF of one document from its page's content as HTML.

    `site_dir` is a folder with the site's files as they are published
    (the built site, or the source folder it is copied from, content/): the
    print stylesheet and the images are read there, and nothing else. A plain
    function of small, picklable values, so it can run in a worker process;
    it writes nothing, the caller puts the bytes into the site.
    """
    weasyprint = engine()
    if not weasyprint:
        return Made(doc.out, None, skipped=MISSING_ENGINE.format(reason=weasyprint.reason))
    if not (Path(site_dir) / PRINT_CSS).is_file():
        return Made(doc.out, None, skipped=f"PDF'er springes over: content/{PRINT_CSS} mangler; "
                                           "den lægger folderne op på A4.")
    warnings: list[str] = []
    data = render(weasyprint, doc, Path(site_dir), site_url, article_html, warnings)
    return Made(doc.out, data, tuple(warnings))


# --- one document ----------------------------------------------------------

def print_html(doc: PdfDocument, article_html: str, page_url: str = "") -> str:
    """The print document: the page's article in a plain HTML page with the PDF's metadata.

    Relative links become absolute (the PDF lives outside the site once it
    is mailed); a link whose text is its own address is marked so print.css
    does not write the address twice.
    """
    article = lxml.html.fragment_fromstring(article_html, create_parent="article")
    for img in article.iter("img"):  # an address from the site's root, as the PDF finds it in the built site
        src = img.get("src") or ""
        if src.startswith("/") and not src.startswith("//"):
            img.set("src", posixpath.relpath(src.lstrip("/"), posixpath.dirname(doc.page) or "."))
    for element in article.xpath(".//*[@rel] | .//link"):  # rel=attachment would embed a file in the PDF
        if element.tag == "link":
            element.drop_tree()
        else:
            del element.attrib["rel"]
    for a in article.iter("a"):
        href = a.get("href") or ""
        if page_url and not urlsplit(href).scheme and not href.startswith("#"):
            a.set("href", urljoin(page_url, href))
            href = a.get("href")
        if href.startswith(("http://", "https://")) and _same_address("".join(a.itertext()), href):
            a.set("class", ((a.get("class") or "") + " jobsite-url").strip())
    body = str(escape(article.text or "")) + "".join(lxml.html.tostring(child, encoding="unicode") for child in article)
    return ENV.get_template("print_document.html.j2").render(doc=doc, body=body)


def _same_address(text: str, href: str) -> bool:
    strip = lambda s: s.strip().lower().removeprefix("https://").removeprefix("http://").rstrip("/")  # noqa: E731
    return strip(text) == strip(href)


def render(weasyprint, doc: PdfDocument, site_dir: Path, site_url: str, article_html: str,
           warnings: list[str]) -> bytes:
    """The PDF of one document, as bytes; WeasyPrint's warnings are added to `warnings`."""
    page = site_dir / doc.page
    page_url = urljoin(site_url, posixpath.dirname(doc.page) + "/") if site_url else ""
    html = print_html(doc, article_html, page_url)
    fetcher = site_fetcher(weasyprint, site_dir)
    handler = _Collect(doc.out, warnings)
    wlog = logging.getLogger("weasyprint")
    wlog.addHandler(handler)
    try:
        document = weasyprint.HTML(string=html, base_url=str(page), url_fetcher=fetcher)
        css = weasyprint.CSS(string=print_stylesheet(site_dir), base_url=str(site_dir / PRINT_CSS),
                             url_fetcher=fetcher)
        return document.write_pdf(stylesheets=[css], pdf_variant="pdf/ua-1", pdf_identifier=False)
    finally:
        wlog.removeHandler(handler)


def print_stylesheet(site_dir: Path) -> str:
    """print.css as WeasyPrint gets it: without the selectors that look for something inside an
    element with :has().

    Those find a page printed from the browser by what it contains
    (`body:has(.jobsite-leaflet-meta) ...`); the print document carries
    `.jobsite-print` instead, which the same rules name beside them, so the
    PDF looks the same without them (the same bytes for the example leaflet).
    WeasyPrint matches such a :has() by walking the whole body for every
    element, which makes a long leaflet quadratic (2000 short paragraphs: 42 s
    with them, 1.4 s without). A :has() of a sibling (`h2:has(+ .x)`) stays.
    """
    text = (Path(site_dir) / PRINT_CSS).read_text(encoding="utf-8")
    return tinycss2.serialize(_without_has(tinycss2.parse_stylesheet(text)))


def _searches_below(token) -> bool:
    """True for a :has() whose argument is found among all descendants (`:has(.x)`, `:has(.x .y)`);
    a :has() of a sibling or child (`:has(+ .x)`, `:has(> .x)`) looks only next to the element."""
    if token.type != "function" or token.lower_name != "has":
        return False
    first = next((t for t in token.arguments if t.type not in ("whitespace", "comment")), None)
    return not (first is not None and first.type == "literal" and first.value in ("+", "~", ">"))


def _without_has(rules: list) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors, current = [], []
            for token in rule.prelude + [None]:  # the selector list, split at its top-level commas
                if token is None or (token.type == "literal" and token.value == ","):
                    selectors.append(current)
                    current = []
                else:
                    current.append(token)
            plain = [s for s in selectors if not any(map(_searches_below, s))]
            if not plain:
                continue
            rule.prelude = [t for i, s in enumerate(plain) for t in ([tinycss2.ast.LiteralToken(0, 0, ",")] if i else [])
                            + s]
        elif rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content is not None:
            inner = _without_has(tinycss2.parse_rule_list(rule.content))
            rule.content = tinycss2.parse_component_value_list(tinycss2.serialize(inner))
        kept.append(rule)
    return kept


def site_fetcher(weasyprint, site_dir: Path):
    """A URL fetcher that reads the built site's own files and nothing else, and the media folders'
    pictures as the site publishes them (re-encoded by media.py).

    A PDF is public: an image or stylesheet address in a page must never make
    WeasyPrint read a file of the build machine (file:///etc/…, a symbolic
    link out of the site) or fetch anything from the network. A refused
    address becomes WeasyPrint's warning, which fails the strict build.
    """
    root = Path(site_dir).resolve()

    class Published(weasyprint.urls.URLFetcherResponse):
        path = None  # for a file: URL WeasyPrint would embed the file at its path: the uploaded bytes

    class SiteFetcher(weasyprint.URLFetcher):
        def fetch(self, url, headers=None):
            scheme = urlsplit(url).scheme.lower()
            if scheme == "file":
                path = Path(url2pathname(urlsplit(url).path)).resolve()
                if path != root and root not in path.parents:
                    raise ValueError(f"only the site's own files may be read, not {url}")
                try:  # a picture of a media folder: the bytes the site publishes, never the uploaded ones
                    picture = media.site_image(root, path)
                except ContentError as err:
                    raise ValueError(err.report()) from None
                if picture:
                    return Published(url, picture[0], {"Content-Type": picture[1]})
            elif scheme != "data":
                raise ValueError(f"only the site's own files may be read, not {url}")
            return super().fetch(url, headers)

    return SiteFetcher(allowed_protocols={"file", "data"}, allow_redirects=False)


class _Collect(logging.Handler):
    """WeasyPrint's warnings (bad CSS, missing fonts or images), kept to report as the build's own.

    Properties only browsers know (print.css serves both) are not problems.
    """

    def __init__(self, out: str, warnings: list[str]):
        super().__init__(logging.WARNING)
        self.out, self.warnings = out, warnings

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.endswith("unknown property."):
            self.warnings.append(f"{self.out}: {message}")
