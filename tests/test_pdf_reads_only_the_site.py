"""A PDF is public: WeasyPrint may read the built site's own files and nothing
else (no file of the build machine, no network), and embeds no attachments."""
from __future__ import annotations

import pytest

from generator.render import pdf

weasyprint = pdf.engine()
pytestmark = pytest.mark.skipif(not weasyprint, reason="WeasyPrint/Pango missing: make pdf-deps")


def test_the_fetcher_reads_the_site_and_refuses_everything_else(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "logo.txt").write_text("ok", encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("hemmeligt", encoding="utf-8")
    (site / "assets" / "link.txt").symlink_to(outside)
    fetcher = pdf.site_fetcher(weasyprint, site)

    response = fetcher.fetch((site / "assets" / "logo.txt").as_uri())
    assert response.read() == b"ok"
    response.close()
    for url in (outside.as_uri(), "file:///etc/passwd", (site / "assets" / "link.txt").as_uri(),
                (site / ".." / "secret.txt").as_uri(), "https://example.com/p.gif", "ftp://example.com/x"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_no_attachment_reaches_the_print_document():
    article = ('&lt;script&gt; tekst<p><a rel="attachment" href="file:///etc/passwd">bilag</a></p>'
               '<link rel="attachment" href="file:///etc/hostname">')
    doc = pdf.PdfDocument("foldere/x/index.html", "x.pdf", "leaflet", "Titel", "Kommune", "Emne")
    html = pdf.print_html(doc, article)
    assert "attachment" not in html and "/etc/hostname" not in html
    assert "&lt;script&gt; tekst" in html  # the article's own text stays text


def test_the_print_document_is_in_the_leaflets_language_and_direction():
    """The PDF's /Lang and direction come from the leaflet's language; the sender above it stays Danish."""
    arabic = pdf.PdfDocument("foldere/x/index.html", "x.pdf", "leaflet", "عنوان", "Haderslev Kommune", "Emne",
                             language="ar")
    html = pdf.print_html(arabic, "<p>نص</p>")
    assert '<html lang="ar" dir="rtl">' in html
    assert '<header class="jobsite-print__sender" lang="da">Haderslev Kommune</header>' in html
    danish = pdf.PdfDocument("foldere/x/index.html", "x.pdf", "leaflet", "Titel", "Kommune", "Emne")
    assert '<html lang="da" dir="ltr">' in pdf.print_html(danish, "<p>tekst</p>")
