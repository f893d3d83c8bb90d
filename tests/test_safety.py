"""Markdown syntax in a title or heading stays text, and quotes in a title or
summary stay inside their meta tags."""
import re

from conftest import mkdocs_build

POSTING = """\
title: Pædagog til "Solsikken" [klik](https://x.example/)
workplace: stjernehuset
hours: 37
employment: fast
start:
  asap: true
published: 2026-01-01
deadline: 2026-01-31
role: pædagog
age_groups: ["3-6"]
summary: En "god" stilling & mere
intro: |
  Vi søger en pædagog.
sections:
  - heading: Om os [her](https://x.example/)
    text: Tekst.
contacts:
  - name: Helle Kristensen
    phone: 4477 1847
apply:
  url: https://ballerup.dk/job
"""


def test_no_javascript_links_and_escaped_meta_tags(project, tmp_path):
    (project / "jobs" / "solsikken.yml").write_text(POSTING, encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site, "2026-01-05")
    assert result.code == 0, result.text
    html = (site / "job" / "solsikken" / "index.html").read_text(encoding="utf-8")
    assert '>Pædagog til &#34;Solsikken&#34; [klik](https://x.example/)</h1>' in html
    assert '<a href="https://x.example/">' not in html  # the title's Markdown is text
    assert '<meta property="og:title" content="Pædagog til &#34;Solsikken&#34;' in html
    assert '<meta name="description" content="En &#34;god&#34; stilling &amp; mere">' in html
    feed = (site / "job" / "feed.xml").read_text(encoding="utf-8")
    assert not re.search(r'href=(&quot;|")\s*javascript:', feed, re.I)  # the title stays plain text
