"""Leaflets in the languages parents read (issue 26): a leaflet's language sets lang and dir on its
content, in its PDF and for the search; a right-to-left leaflet lays out right to left on a phone,
a desktop and paper; translations name their source and the date they were made from, are listed
by their own names on the source, link back, are grouped in the index, and say so (with a
warning in check) when the source has changed since; check warns when a leaflet's language and
its script disagree.

The leaflets here (Arabic, Ukrainian, Tigrinya, English) are test fixtures in a copy of the
project, never the example site's content: no unofficial translation is published as the
kommune's. Their text is test text, said in each (Tigrinya: only "hello" and the language's name).
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from pypdf import PdfReader

from conftest import Site, _serve, copy_project, mkdocs_build, run
from generator import glyphs, languages
from generator.content import load_site
from generator.problems import ContentError

TODAY = "2026-11-20"
SOURCE = "ressourcegrupper-haderslev"
AR, UK = f"{SOURCE}-ar", f"{SOURCE}-uk"

# Test text, in Arabic: "Resource groups in kindergartens", "Test text", "This is a test text for
# checking the site, not an official translation.", "The goal", "safety, learning, play",
# "Contact", "You can contact the kommune."
ARABIC = """---
title: مجموعات الموارد في رياض الأطفال
tagline: نص تجريبي للاختبار
kommune: haderslev
topic: Ressourcegrupper
audience: الآباء والأمهات
summary: هذا نص تجريبي لاختبار الموقع، وليس ترجمة رسمية.
updated: 2026-11-01
language: ar
translation_of: ressourcegrupper-haderslev
source_updated: 2026-11-01
---

# مجموعات الموارد في رياض الأطفال

هذا نص تجريبي لاختبار الموقع، وليس ترجمة رسمية.

## الهدف

- الأمان
- التعلم
- اللعب

## التواصل

يمكنكم الاتصال بالبلدية.
"""
# Test text, in Ukrainian: "Resource groups in kindergartens", "Test text", "Parents", "This is a
# test text for checking the site, not an official translation.", "Goal", "safety, learning, play".
# Made from the source as it was on 2026-10-01: the source (updated 2026-11-01) has changed since.
UKRAINIAN = """---
title: Ресурсні групи в дитячих садках
tagline: Тестовий текст
kommune: haderslev
topic: Ressourcegrupper
audience: Батьки
summary: Це тестовий текст для перевірки сайту, а не офіційний переклад.
updated: 2026-10-01
language: uk
translation_of: ressourcegrupper-haderslev
source_updated: 2026-10-01
---

# Ресурсні групи в дитячих садках

Це тестовий текст для перевірки сайту, а не офіційний переклад.

## Мета

- Безпека
- Навчання
- Гра
"""
# Test text in Tigrinya, in Ethiopic script: only the word for "hello" (ሰላም) and the language's own name (ትግርኛ).
TIGRINYA = """---
title: ሰላም
tagline: ትግርኛ
kommune: haderslev
topic: Ressourcegrupper
audience: ትግርኛ
summary: ሰላም
updated: 2026-11-01
language: ti
translation_of: ressourcegrupper-haderslev
source_updated: 2026-11-01
---

# ሰላም

ሰላም። ትግርኛ።

- ሰላም
- ትግርኛ
"""
ENGLISH_TEST = """---
title: Resource groups in day care (test text)
kommune: haderslev
topic: Ressourcegrupper
audience: Parents
summary: Test text for the tests of the site, not a translation of the kommune's leaflet.
updated: 2026-11-01
language: en
translation_of: ressourcegrupper-haderslev
source_updated: 2026-11-01
---

# Resource groups in day care (test text)

This is test text for the tests of the site, not a translation of the kommune's leaflet.
"""
TI, EN = f"{SOURCE}-ti", f"{SOURCE}-en"
STALE_LINE = 11  # UKRAINIAN's source_updated
TEST_PHONE, TEST_EMAIL = "7000 0000", "test@haderslev.dk"  # the test project's kommune data, not the example's


def with_translations(project: Path) -> Path:
    (project / "content" / "foldere" / f"{AR}.md").write_text(ARABIC, encoding="utf-8")
    (project / "content" / "foldere" / f"{UK}.md").write_text(UKRAINIAN, encoding="utf-8")
    organisations = project / "data" / "organisations.yml"
    text = organisations.read_text(encoding="utf-8")
    old = "    website: https://www.haderslev.dk\n"
    assert text.count(old) == 1
    organisations.write_text(text.replace(old, f'{old}    phone: "{TEST_PHONE}"\n    email: {TEST_EMAIL}\n'),
                             encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def languages_project(tmp_path_factory) -> Path:
    project = with_translations(copy_project(tmp_path_factory.mktemp("languages") / "project"))
    (project / "content" / "foldere" / f"{TI}.md").write_text(TIGRINYA, encoding="utf-8")
    (project / "content" / "foldere" / f"{EN}.md").write_text(ENGLISH_TEST, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def site(languages_project) -> Site:
    out = languages_project.parent / "site"
    result = mkdocs_build(languages_project, out, TODAY)
    assert result.code == 0, result.text
    return Site(TODAY, out, result)


@pytest.fixture(scope="module")
def served(site):
    url, server = _serve(site.root)
    yield url
    server.shutdown()


def tree(site: Site, url: str):
    return lxml.html.document_fromstring(site.page(url))


def letters(text: str) -> Counter:
    return Counter(glyphs.script_of(ch) for ch in text if ch.isalpha())


# --- the page: lang and dir on the leaflet's content, not on the site around it ---------------------------

def test_the_leaflets_content_is_in_its_language_and_direction_and_the_menu_stays_danish(site):
    for page, lang, direction, title in ((AR, "ar", "rtl", "مجموعات الموارد في رياض الأطفال"),
                                         (UK, "uk", "ltr", "Ресурсні групи в дитячих садках"),
                                         (TI, "ti", "ltr", "ሰላም"),
                                         (SOURCE, "da", "ltr", "Ressourcegrupper i daginstitutioner")):
        html = tree(site, f"foldere/{page}/")
        assert html.get("lang") == "da", "siden (menu og sidefod) skal stadig være dansk"
        (content,) = html.xpath('//div[contains(@class, "jobsite-leaflet")]')
        assert (content.get("lang"), content.get("dir")) == (lang, direction), page
        assert content.xpath(".//h1")[0].text_content().strip() == title
        assert content.xpath('.//aside[contains(@class, "jobsite-contact")]'), "kontaktboksen hører til folderen"
        assert not html.xpath('//div[contains(@class, "jobsite-leaflet")]//*[contains(@class, "md-header") '
                              'or contains(@class, "md-footer") or contains(@class, "md-nav")]'), \
            "menuen og sidefoden ligger uden for folderens sprog"
        assert not html.xpath('//header[@lang] | //footer[@lang] | //*[contains(@class, "md-footer")][@lang]')
    # The site's own Danish words in the Arabic leaflet say they are Danish.
    arabic = tree(site, f"foldere/{AR}/")
    assert arabic.xpath('//h2[@id="jobsite-contact-title"]/@lang') == ["da"]
    assert arabic.xpath('//p[contains(@class, "jobsite-pdf")]/@lang') == ["da"]
    # Phone numbers and addresses stay left to right inside the right-to-left leaflet.
    contact = arabic.xpath('//aside[contains(@class, "jobsite-contact")]//a')
    assert contact and all(a.get("dir") == "ltr" for a in contact)


def test_the_source_lists_its_translations_by_their_own_names_and_each_links_back(site):
    links = tree(site, f"foldere/{SOURCE}/").xpath('//nav[contains(@class, "jobsite-languages")]//a')
    named = [("العربية", "ar", "ar", "rtl"), ("English", "en", "en", "ltr"), ("ትግርኛ", "ti", "ti", "ltr"),
             ("Українська", "uk", "uk", "ltr")]
    assert [(a.text_content(), a.get("hreflang"), a.get("lang"), a.get("dir")) for a in links] == named
    assert [a.get("href") for a in links] == [f"../../foldere/{p}/" for p in (AR, EN, TI, UK)]
    for page in (AR, EN, TI, UK):
        links = tree(site, f"foldere/{page}/").xpath('//nav[contains(@class, "jobsite-languages")]//a')
        assert [(a.text_content(), a.get("hreflang")) for a in links] == [("Dansk", "da")] + [
            (name, tag) for name, tag, _, _ in named if not page.endswith("-" + tag)]
        assert links[0].get("href") == f"../../foldere/{SOURCE}/"
    # The links lead to pages that exist (from the page's own folder).
    for page in (AR, EN, TI, UK, SOURCE):
        assert (site.root / "foldere" / page / "index.html").is_file()


def test_the_names_come_from_babel_in_the_language_itself():
    assert [languages.own_name(t) for t in ("ar", "uk", "en", "so", "ti", "da")] == [
        "العربية", "Українська", "English", "Soomaali", "ትግርኛ", "Dansk"]
    assert [languages.direction(t) for t in ("ar", "fa", "ur", "ckb", "he", "ti", "uk", "da")] == [
        "rtl", "rtl", "rtl", "rtl", "rtl", "ltr", "ltr", "ltr"]
    assert [languages.script(t) for t in ("ar", "ti", "uk", "so", "sr-Latn")] == ["Arab", "Ethi", "Cyrl", "Latn", "Latn"]
    assert languages.normal("PT-br") == "pt-BR" and languages.problem("pt-BR") is None
    assert "ukendt sprog" in languages.problem("xx") and "ikke en sprogkode" in languages.problem("a r")


def test_the_index_groups_translations_under_their_source(site):
    html = tree(site, "foldere/")
    items = html.xpath('//ul[@class="jobsite-leaflets"]/li')
    assert len(items) == 1, "oversættelserne står under kilden, ikke som egne foldere"
    (source,) = items
    assert source.xpath('.//h3/a/@href') == [f"{SOURCE}/"]
    translations = source.xpath('.//ul[contains(@class, "jobsite-leaflets__languages")]/li/a[@hreflang]')
    assert [(a.get("hreflang"), a.get("href"), a.text_content().split(":")[0]) for a in translations] == [
        ("ar", f"{AR}/", "العربية"), ("en", f"{EN}/", "English"), ("ti", f"{TI}/", "ትግርኛ"),
        ("uk", f"{UK}/", "Українська")]
    assert translations[0].get("dir") == "rtl"
    pdfs = source.xpath('.//ul[contains(@class, "jobsite-leaflets__languages")]//a[@type="application/pdf"]/@href')
    assert pdfs == [f"{p}/{p}.pdf" for p in (AR, EN, TI, UK)]


# --- an older translation ------------------------------------------------------------------------------------

def test_a_translation_of_an_older_source_says_so_in_danish_and_english_and_check_warns_at_the_line(
        site, languages_project):
    notice = tree(site, f"foldere/{UK}/").xpath('//aside[contains(@class, "jobsite-stale")]')
    assert len(notice) == 1 and notice[0].get("lang") == "da"
    danish, english = [" ".join(p.text_content().split()) for p in notice[0].xpath("./p")]
    assert danish.startswith("Oversættelsen kan være forældet.") and "1. november 2026" in danish
    assert english.startswith("This translation may be out of date.") and "1 November 2026" in english
    assert notice[0].xpath("./p")[1].get("lang") == "en"
    assert notice[0].xpath(".//a/@href") == [f"../../foldere/{SOURCE}/"] * 2
    assert not tree(site, f"foldere/{AR}/").xpath('//aside[contains(@class, "jobsite-stale")]'), \
        "den arabiske er lavet fra den nyeste udgave"

    checked = run([sys.executable, "-m", "generator", "check"], languages_project, TODAY)
    assert checked.code == 0, checked.text
    warning = f"content/foldere/{UK}.md:{STALE_LINE}:"
    (line,) = [line for line in checked.text.splitlines() if line.startswith(warning)]
    assert "advarsel" in line and "source_updated" in line and "kilden er opdateret 2026-11-01" in line
    assert "skriv source_updated: 2026-11-01" in line
    # Readability (LIX) is measured for the Danish leaflet only.
    readability = [line for line in checked.text.splitlines() if line.startswith("Læsbarhed")]
    assert readability and all(SOURCE + ".md" in line for line in readability)
    assert not any(AR in line or UK in line or TI in line or EN in line for line in readability)


# --- the PDF -----------------------------------------------------------------------------------------------

def pdf_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_has_the_leaflets_language_direction_and_text_in_its_script(site):
    in_order = {AR: ["مجموعات الموارد في رياض الأطفال", "هذا نص تجريبي", "الهدف", "الأمان", "التعلم", "اللعب",
                     "التواصل", "Kontakt"],
                UK: ["Ресурсні групи в дитячих садках", "Oversættelsen kan være forældet",
                     "This translation may be out of date", "Це тестовий текст для перевірки сайту", "Мета",
                     "Безпека", "Навчання", "Гра", "Kontakt"]}
    for page, lang, script in ((AR, "ar", "Arab"), (UK, "uk", "Cyrl")):
        reader = PdfReader(site.root / "foldere" / page / f"{page}.pdf")
        assert reader.trailer["/Root"]["/Lang"] == lang
        text = pdf_text(reader)
        position = 0
        for words in in_order[page]:  # the text extracts in the leaflet's script, in reading order
            found = text.find(words, position)
            assert found >= 0, f"{words!r} not after {text[max(0, position - 60):position]!r}"
            position = found + len(words)
        assert letters(text)[script] >= sum(letters(words)[script] for words in in_order[page])
        pages = len(reader.pages)
        assert f"Side 1 af {pages}" in text
        assert "Kontakt" in text and "Haderslev Kommune" in text
        assert "".join(TEST_PHONE.split()) in "".join(text.split()), "kommunens telefon, når folderen ingen har"
        assert TEST_EMAIL in text
        fonts = {str(font.get_object()["/BaseFont"]) for p in reader.pages
                 for font in p["/Resources"]["/Font"].values()}
        if script == "Arab":
            assert any("Arabic" in f for f in fonts), fonts
    tigrinya = PdfReader(site.root / "foldere" / TI / f"{TI}.pdf")
    assert tigrinya.trailer["/Root"]["/Lang"] == "ti"
    assert "ሰላም" in pdf_text(tigrinya) and letters(pdf_text(tigrinya))["Ethi"] >= 20
    fonts = {str(font.get_object()["/BaseFont"]) for font in tigrinya.pages[0]["/Resources"]["/Font"].values()}
    assert any("Ethiopic" in f for f in fonts), fonts
    english = PdfReader(site.root / "foldere" / EN / f"{EN}.pdf")
    assert english.trailer["/Root"]["/Lang"] == "en" and "This is test text" in pdf_text(english)
    arabic = PdfReader(site.root / "foldere" / AR / f"{AR}.pdf")
    # Right to left: the Arabic title's words extract in reading order.
    assert "مجموعات الموارد" in pdf_text(arabic)


def test_the_source_pdf_names_its_translations(site):
    text = pdf_text(PdfReader(site.root / "foldere" / SOURCE / f"{SOURCE}.pdf"))
    assert "Læs folderen på:" in text and "Українська" in text and "English" in text and "ትግርኛ" in text
    assert letters(text)["Arab"] >= len("العربية"), "العربية står i kildens PDF"


@pytest.mark.parametrize("sample", [
    "مجموعات الموارد في رياض الأطفال",  # Arabic
    "ትግርኛ ሰላም",  # Tigrinya (Ethiopic)
    "Ресурсні групи в дитячих садках",  # Ukrainian (Cyrillic)
    "Soomaali",  # Somali (Latin)
    "فارسی اردو کوردیی ناوەندی",  # Persian, Urdu, Sorani (Arabic script)
    "עברית",  # Hebrew
])
def test_the_scripts_of_the_supported_languages_print(sample):
    if glyphs._coverage() is None:
        pytest.skip("fontconfig is missing: make pdf-deps")
    assert glyphs.first_unprintable(sample) is None, sample


# --- the layout in Chromium -------------------------------------------------------------------------------------

RTL_LAYOUT = """() => {
    const leaflet = document.querySelector('.jobsite-leaflet');
    const style = e => getComputedStyle(e);
    const textBox = e => { const r = document.createRange(); r.selectNodeContents(e); return r.getBoundingClientRect(); };
    const h1 = leaflet.querySelector('h1'), ul = leaflet.querySelector('ul'), li = ul.querySelector('li');
    const contact = leaflet.querySelector('.jobsite-contact h2');
    return {
        leaflet: style(leaflet).direction, header: style(document.querySelector('.md-header')).direction,
        footer: style(document.querySelector('.md-footer, footer')).direction,
        h1Right: Math.round(h1.getBoundingClientRect().right - textBox(h1).right),
        liDirection: style(li).direction,
        indentRight: Math.round(ul.getBoundingClientRect().right - li.getBoundingClientRect().right),
        indentLeft: Math.round(li.getBoundingClientRect().left - ul.getBoundingClientRect().left),
        liTextRight: Math.round(li.getBoundingClientRect().right - textBox(li).right),
        contactRight: Math.round(contact.getBoundingClientRect().right - textBox(contact).right),
        contactLeft: Math.round(textBox(contact).left - contact.getBoundingClientRect().left),
        wide: document.documentElement.scrollWidth,
    };
}"""


@pytest.mark.parametrize("size", [(390, 844), (1280, 900)])
def test_an_arabic_leaflet_lays_out_right_to_left(browser, served, size):
    context = browser.new_context(locale="da-DK", viewport={"width": size[0], "height": size[1]},
                                  is_mobile=size[0] < 500, has_touch=size[0] < 500)
    try:
        page = context.new_page()
        page.goto(served + f"foldere/{AR}/")
        shown = page.evaluate(RTL_LAYOUT)
        assert (shown["leaflet"], shown["header"], shown["footer"]) == ("rtl", "ltr", "ltr")
        assert abs(shown["h1Right"]) <= 2, "overskriften står fra højre"
        assert shown["liDirection"] == "rtl"
        assert shown["indentRight"] >= 10 and abs(shown["indentLeft"]) <= 1, "punkttegnene står til højre"
        assert abs(shown["liTextRight"]) <= 2
        assert abs(shown["contactRight"]) <= 2 and shown["contactLeft"] > 20, "kontaktboksen står fra højre"
        assert shown["wide"] <= size[0], "intet bredere end skærmen"
    finally:
        context.close()


@pytest.mark.parametrize("size", [(390, 844), (1280, 900)])
def test_the_arabic_leaflet_meets_wcag_21_aa(browser, served, size):
    from test_quality_browser import AXE, WCAG_TAGS, describe

    if not AXE.exists():
        pytest.skip(f"{AXE} is missing: run `make test` (npm ci installs axe-core)")
    context = browser.new_context(locale="da-DK", viewport={"width": size[0], "height": size[1]})
    try:
        page = context.new_page()
        page.goto(served + f"foldere/{AR}/")
        page.evaluate(AXE.read_text(encoding="utf-8"))
        result = page.evaluate("""tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                          resultTypes: ['violations']})""", WCAG_TAGS)
        assert result["passes"], "axe ran no rule at all"
        assert result["violations"] == [], describe(result["violations"])
    finally:
        context.close()


# --- check: mistakes in Danish at their line, and the language and script warning ---------------------------

def problems_of(project: Path) -> list:
    try:
        return list(load_site(project).warnings)
    except ContentError as err:
        return list(err.problems)


TRANSLATION = f"language: en\ntranslation_of: {SOURCE}\nsource_updated: 2026-11-01\n"
ENGLISH = f"""---
title: Resource groups (test text)
kommune: haderslev
topic: Ressourcegrupper
audience: Parents
summary: Test text.
updated: 2026-11-01
{TRANSLATION}---

# Resource groups (test text)

This is test text for the tests of the site, not a translation of the kommune's leaflet.
"""


@pytest.mark.parametrize("name, text, line, field, says", [
    ("ukendt", ENGLISH.replace(f"translation_of: {SOURCE}", "translation_of: findes-ikke"), 9, "translation_of",
     "der er ingen folder med id'et 'findes-ikke'"),
    ("af-en-oversaettelse", ENGLISH.replace(f"translation_of: {SOURCE}", f"translation_of: {AR}"), 9,
     "translation_of", f"'{AR}' er selv en oversættelse"),
    ("samme-sprog", ENGLISH.replace("language: en", "language: ar"), 8, "language",
     "har allerede en oversættelse til arabisk"),
    ("kildens-sprog", ENGLISH.replace("language: en", "language: da"), 8, "language",
     "samme sprog som kilden"),
    ("anden-kommune", ENGLISH.replace("kommune: haderslev", "kommune: ballerup"), 3, "kommune",
     "en oversættelse hører til kildens kommune; skriv kommune: haderslev"),
    ("uden-dato", ENGLISH.replace("source_updated: 2026-11-01\n", ""), 9, "translation_of",
     "skriv source_updated"),
    ("fremtidig-dato", ENGLISH.replace("source_updated: 2026-11-01", "source_updated: 2026-11-02"), 10,
     "source_updated", "kan ikke være lavet fra en senere udgave"),
    ("ukendt-sprog", ENGLISH.replace("language: en", "language: xx"), 8, "language", "ukendt sprog 'xx'"),
    ("ikke-en-sprogkode", ENGLISH.replace("language: en", "language: arabisk!"), 8, "language",
     "er ikke en sprogkode"),
])
def test_translation_mistakes_are_danish_errors_at_their_line(project, name, text, line, field, says):
    with_translations(project)
    (project / "content" / "foldere" / f"{name}.md").write_text(text, encoding="utf-8")
    found = [p for p in problems_of(project) if p.file == f"content/foldere/{name}.md" and p.severity == "error"]
    assert [(p.line, p.field, p.severity) for p in found] == [(line, field, "error")], found
    assert says in found[0].message, found[0].message


def test_a_translation_with_a_contact_of_its_own_is_warned(project):
    with_translations(project)
    text = ENGLISH.replace("updated: 2026-11-01\n", "updated: 2026-11-01\ncontact:\n  name: Someone else\n", 1)
    (project / "content" / "foldere" / "egen-kontakt.md").write_text(text, encoding="utf-8")
    found = [p for p in problems_of(project) if p.file == "content/foldere/egen-kontakt.md"]
    assert [(p.line, p.field, p.severity) for p in found] == [(8, "contact", "warning")]
    assert "en oversættelse bruger kildens kontakt (Haderslev Kommune)" in found[0].message


@pytest.mark.parametrize("language, body, line, field, says", [
    ("", "مرحبا. هذا نص تجريبي لاختبار الموقع، وليس ترجمة رسمية.", 11, "",
     "folderen er på dansk (language: da), men teksten er mest skrevet med arabisk skrift; skriv language: med "
     "tekstens sprog, fx ar (arabisk)"),
    ("language: ar\n", "Denne tekst er skrevet på dansk, selv om folderen siger arabisk.", 8, "language",
     "folderen er på arabisk (language: ar), men teksten er mest skrevet med latinsk skrift"),
    ("language: uk\n", "ትግርኛ ሰላም ትግርኛ ሰላም ትግርኛ ሰላም ትግርኛ ሰላም", 8, "language",
     "men teksten er mest skrevet med etiopisk skrift"),
])
def test_a_leaflet_whose_language_and_script_disagree_is_warned_at_the_line(project, language, body, line,
                                                                             field, says):
    text = f"""---
title: Test
kommune: haderslev
topic: Test
audience: Test
summary: Test.
updated: 2026-11-01
{language}contact:
  name: Haderslev Kommune
---
{body}
"""
    (project / "content" / "foldere" / "sprog.md").write_text(text, encoding="utf-8")
    found = [p for p in problems_of(project) if p.file == "content/foldere/sprog.md"
             and "skrift" in p.message]
    assert [(p.line, p.field, p.severity) for p in found] == [(line, field, "warning")], found
    assert says in found[0].message, found[0].message


def test_the_script_check_is_linear():
    text = "ا" * 100_000 + "a" * 100_000
    assert glyphs.letters_by_script(text)[0] == {"Arab": 100_000, "Latn": 100_000}


@pytest.mark.parametrize("tag", ["und", "zxx", "mul", "mis", "qaa", "qtz"])
def test_codes_that_name_no_language_are_refused(tag):
    """Babel lists them among its languages (and reads 'und' as English): a leaflet cannot be in them."""
    assert "er ikke et sprog" in languages.problem(tag)
    assert languages.problem("ar") is None and languages.primary("da-DK") == "da"
