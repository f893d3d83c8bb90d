"""Where a posting sends applicants: every apply address, link and e-mail is taken apart
as a browser takes it, and a host that is not the kommune's own, a look-alike or punycode
host, a user name before the host and http:// are warned about at the field's line, in
Danish (generator/hosts.py). E-mail values and mailto: links cannot carry headers."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from pydantic import ValidationError

from conftest import ROOT
from generator.fieldtypes import _email, _link_target, _markdown
from generator.hosts import addresses, is_own, kommune_domains, link_warnings
from generator.model import Organisation, Organisations, Posting
from generator.render.urls import mailto_href
from generator.validation import validate
from generator.yamlsource import load, parse

BALLERUP = Organisation(id="ballerup", kind="kommune", name="Ballerup Kommune", website="https://ballerup.dk",
                        domains=["ballerup.dk"])

POSTING = """\
title: Pædagog til Børnehuset Stjernehuset
workplace: stjernehuset
hours: 37
employment: fast
start:
  asap: true
published: 2026-01-01
deadline: 2026-01-31
role: pædagog
age_groups: ["0-3"]
intro: |
  Vi søger en pædagog.
contacts:
  - name: Helle Kristensen
    phone: 4477 1847
    email: {email}
apply:
  url: {apply}
  text: |
    {apply_text}
links:
  - text: Læs om arbejdet
    url: {link}
"""
GOOD = dict(email="helle@ballerup.dk", apply="https://ballerup.dk/job", apply_text="Søg via knappen.",
            link="https://www.ballerup.dk/vaer-med")


def posting(**fields: str):
    source, problems = parse(POSTING.format(**{**GOOD, **fields}), "jobs/test.yml")
    assert source is not None, problems
    model, problems = validate(Posting, source)
    assert model is not None, problems
    return model, source.positions_only()


def warnings(**fields: str) -> list[tuple[int, str, str]]:
    model, source = posting(**fields)
    return [(p.line, p.where, p.message) for p in link_warnings(model, source, BALLERUP)]


def test_a_posting_that_sends_applicants_to_the_kommune_only_has_no_warning():
    assert warnings() == []
    assert warnings(email="h@job.ballerup.dk", link="mailto:personale@ballerup.dk?subject=Ans%C3%B8gning") == []


def test_a_look_alike_apply_address_is_warned_about_at_its_line():
    (found,) = warnings(apply="https://bаllerup.dk/job")  # a Cyrillic а
    line, where, message = found
    assert (line, where) == (18, "ansøgning, adresse (url)")
    assert "tegnet а (U+0430) i domænet er ikke et bogstav fra a-z" in message
    assert "i DNS: xn--bllerup-2fg.dk" in message
    assert "bаllerup.dk er ikke Ballerup Kommunes eget domæne (ballerup.dk)" in message
    assert message.endswith("Tjek, at adressen er rigtig, før ændringen godkendes")


def test_a_user_name_before_the_host_is_named_with_where_the_browser_goes():
    ((line, _, message),) = warnings(apply="https://ballerup.dk@evil.example/job")
    assert line == 18
    assert "'ballerup.dk@' står foran domænet, så browseren åbner evil.example, ikke ballerup.dk" in message
    assert "evil.example er ikke Ballerup Kommunes eget domæne" in message


def test_the_kommunes_domain_as_the_start_of_another_host_is_not_the_kommunes():
    ((line, where, message),) = warnings(link="https://ballerup.dk.evil.example/job")
    assert (line, where) == (23, "link nr. 1, adresse (url)")
    assert "ballerup.dk.evil.example er ikke Ballerup Kommunes eget domæne (ballerup.dk)" in message
    assert not is_own("evilballerup.dk", ("ballerup.dk",))
    assert is_own("job.ballerup.dk", ("ballerup.dk",)) and is_own("BALLERUP.DK.", ("ballerup.dk",))


def test_http_and_punycode_and_percent_coded_hosts_are_warned_about():
    ((_, _, http),) = warnings(link="http://www.ballerup.dk/")
    assert "http:// er ikke krypteret (skriv https://)" in http
    assert "eget domæne" not in http
    ((_, _, puny),) = warnings(link="https://xn--bllerup-2fg.dk/")
    assert "domænet er et internationalt domæne skrevet med xn--, som vises som bаllerup.dk" in puny



def test_a_percent_coded_host_is_refused_not_only_warned_about():
    """%0A in a host would break the job summary's line open; no browser's address bar writes one."""
    source, _ = parse(POSTING.format(**{**GOOD, "link": "https://evil%2Eexample/"}), "jobs/test.yml")
    model, found = validate(Posting, source)
    assert model is None and "domænet må ikke have %-koder" in found[0].message


def test_an_email_at_another_domain_is_warned_about_at_the_contacts_line():
    ((line, where, message),) = warnings(email="helle@ballerup-job.dk")
    assert (line, where) == (16, "kontakt nr. 1, e-mail (email)")
    assert message.startswith("'helle@ballerup-job.dk': ballerup-job.dk er ikke Ballerup Kommunes eget domæne")
    assert "e-mailadressen er rigtig" in message


def test_links_and_emails_in_the_apply_text_are_found_as_the_site_renders_them():
    text = ("Send til helle@ballerup.dk.evil.example, [her](https://ballerup.dk@evil.example/job) "
            "eller www.ballerup.dk/job og &lt;https://ok.ballerup.dk/&gt;")
    model, _ = posting(apply_text=text)
    found = [(a.role, a.host, a.own) for a in addresses(model, BALLERUP) if a.path == ("apply", "text")]
    assert found == [("E-mail i teksten", "ballerup.dk.evil.example", False),
                     ("Link i teksten", "evil.example", False),
                     ("Link i teksten", "www.ballerup.dk", True),  # autolinked, as http://
                     ("Link i teksten", "ok.ballerup.dk", True)]  # autolinked from the decoded text
    lines = {line for line, _, _ in warnings(apply_text=text)}
    assert lines == {19}  # the line of apply.text


def test_a_web_address_without_slashes_is_read_as_the_browser_reads_it():
    model, _ = posting(apply_text="Søg [her](https:evil.example/job) eller [her](HTTPS:/ballerup.dk.evil.example).")
    found = [(a.host, a.rest, a.own) for a in addresses(model, BALLERUP) if a.path == ("apply", "text")]
    assert found == [("evil.example", "/job", False), ("ballerup.dk.evil.example", "", False)]


def test_without_domains_the_website_and_email_hosts_are_the_kommunes():
    aarhus = Organisation(id="aarhus", kind="kommune", name="Aarhus Kommune", website="https://www.aarhus.dk",
                          email="kontakt@mail.aarhus.dk")
    assert kommune_domains(aarhus) == ("aarhus.dk", "mail.aarhus.dk")
    assert kommune_domains(BALLERUP) == ("ballerup.dk",)
    model, source = posting(apply="https://www.aarhus.dk/job", email="a@aarhus.dk", link="/vaer-med/")
    assert link_warnings(model, source, aarhus) == []


def test_the_example_kommuner_list_only_the_domains_their_own_addresses_use():
    source, _ = load(ROOT / "data" / "organisations.yml", "data/organisations.yml")
    orgs, problems = validate(Organisations, source)
    assert problems == []
    assert {k.id: k.domains for k in orgs.kommuner} == {"ballerup": ["ballerup.dk"], "aarhus": ["aarhus.dk"],
                                                         "haderslev": []}


@pytest.mark.parametrize("value, message", [
    ("https://ballerup.dk", "skriv kun domænet uden https:// og /"),
    ("bаllerup.dk", "har tegn uden for a-z"),
    ("ballerup", "er ikke et domæne"),
])
def test_a_domain_that_is_not_one_is_refused_in_danish(value, message):
    with pytest.raises(ValidationError, match=message):
        Organisation(id="x", kind="kommune", name="X", domains=[value])


# --- e-mail values and mailto: links ----------------------------------------------------------------

@pytest.mark.parametrize("value, why", [
    ("helle%40ballerup.dk?bcc=someone@evil.example", "? starter et tillæg til adressen (fx bcc=, der sender en kopi"),
    ("helle@ballerup.dk@evil.example", "en adresse har kun ét @"),
    ("helle@ballerup.dk&cc=x", "& tilføjer flere felter"),
    ("helle%40ballerup.dk", "% er en kodet værdi"),
    ("helle@ballerup.dk,x@evil.example", "komma adskiller flere modtagere"),
    ("helle @ballerup.dk", "mellemrum hører ikke til"),
    ('"helle"@ballerup.dk', "anførselstegn hører ikke til"),
    ("Helle <helle@ballerup.dk>", "< > hører ikke til"),
    (".helle@ballerup.dk", "et punktum må ikke stå først eller sidst"),
    ("helle.@ballerup.dk", "et punktum må ikke stå først eller sidst"),
    ("helle@ballerup.dk.", "et punktum må ikke stå først eller sidst"),
    ("helle@bаllerup.dk", "tegnet а (U+0430)"),
    ("mailto:helle@ballerup.dk", "kolon hører ikke til"),
])
def test_an_email_that_could_change_meaning_is_refused_saying_what_to_write(value, why):
    with pytest.raises(ValidationError) as err:
        Posting.model_validate({"contacts": [{"name": "H", "email": value}]})
    message = next(e["msg"] for e in err.value.errors() if e["loc"] == ("contacts", 0, "email"))
    assert why in message
    assert message.endswith("skriv kun selve adressen, fx navn@ballerup.dk")


@pytest.mark.parametrize("value", ["helle@ballerup.dk", "helle.kristensen@job.ballerup.dk", "søren+job@aarhus.dk",
                                   "a_b-c@xn--bllerup-2fg.dk"])
def test_a_plain_email_is_accepted(value):
    assert _email(value) == value


@pytest.mark.parametrize("target", ["mailto:helle@ballerup.dk?bcc=x@evil.example",
                                    "MAILTO:helle@ballerup.dk?subject=Hej&CC=x@evil.example",
                                    "mailto:helle@ballerup.dk,x@evil.example", "mailto:?to=x@evil.example",
                                    "mailto:helle%40ballerup.dk"])
def test_a_mailto_link_with_other_recipients_is_refused(target):
    with pytest.raises(Exception, match="mailto-linket"):
        _link_target(target)
    with pytest.raises(Exception, match="mailto-linket"):
        _markdown(f"Skriv til [Helle]({target}).")


def test_a_mailto_link_in_markdown_is_read_however_it_is_written():
    for text in ("Skriv til <mailto:helle@ballerup.dk?cc=x@evil.example>.",
                 "Skriv [her][m].\n\n[m]: mailto:helle@ballerup.dk&#63;bcc=x@evil.example",
                 "Skriv til [Helle](&#109;ailto:helle@ballerup.dk?bcc=x@evil.example)."):
        with pytest.raises(Exception, match="har feltet 'bcc'|har feltet 'cc'"):
            _markdown(text)
    assert _link_target("mailto:helle@ballerup.dk?subject=Ans%C3%B8gning&body=Hej") .startswith("mailto:")
    assert _markdown("Skriv til helle@ballerup.dk eller [Helle](mailto:helle@ballerup.dk?subject=Job).")


def test_every_mailto_is_the_address_percent_encoded():
    assert mailto_href("helle@ballerup.dk") == "mailto:helle@ballerup.dk"
    assert mailto_href("søren@ballerup.dk") == "mailto:s%C3%B8ren@ballerup.dk"
    # Were a header to get past validation, it stays part of the address:
    assert mailto_href("helle%40ballerup.dk?bcc=x@evil.example") == \
        "mailto:helle%2540ballerup.dk%3Fbcc%3Dx@evil.example"


def test_the_footers_mailto_is_made_the_same_way(tmp_path):
    """overrides/partials/copyright.html is rendered by MkDocs without our filters: its chain of
    Jinja's own filters gives the same link as mailto_href."""
    import re

    from jinja2 import Environment, FileSystemLoader

    env = Environment(loader=FileSystemLoader(str(ROOT / "overrides" / "partials")), autoescape=True)
    for address in ("helle@ballerup.dk", "søren@ballerup.dk", "a%40b?bcc=c@d.dk&x=<y>"):
        html = env.get_template("copyright.html").render(jobsite_owner={"name": "K", "email": address})
        (href,) = re.findall(r'href="(mailto:[^"]*)"', html)
        assert href == mailto_href(address)


def test_host_checks_take_linear_time():
    def cost(text: str) -> float:
        model, source = posting(apply_text="Se mere.")
        model = model.model_copy(update={"intro": text})
        start = time.process_time()
        link_warnings(model, source, BALLERUP)
        return time.process_time() - start

    plain = cost(("Vi søger: en glad pædagog til vores hus. " * 5000)[:200_000])  # ':' -> it is read
    hostile = cost(("[a](https://ballerup.dk@x.example/) www.a.dk b@c.dk " * 4000)[:200_000])
    assert hostile < 5 and hostile <= max(20 * plain, 0.5), (plain, hostile)


def test_a_text_that_repeats_a_foreign_link_is_warned_about_once_per_host():
    text = "Se [her](https://evil.example/a) og [her](https://evil.example/b) og http://www.ballerup.dk/ "
    model, source = posting(apply_text=text * 100)
    messages = [p.message for p in link_warnings(model, source, BALLERUP)]
    assert len(messages) == 2, messages
    assert "evil.example er ikke Ballerup Kommunes eget domæne" in messages[0]
    assert "http:// er ikke krypteret" in messages[1]


def test_check_warns_about_a_look_alike_apply_address_at_its_line(tmp_path):
    """End to end: the audit is part of `check`'s warnings (read_postings.py calls link_warnings)."""
    import sys

    from conftest import copy_project, run

    project = copy_project(tmp_path / "project")
    text = POSTING.format(**{**GOOD, "apply": "https://bаllerup.dk/job"})
    (project / "jobs" / "lookalike.yml").write_text(text, encoding="utf-8")
    result = run([sys.executable, "-m", "generator", "check", "jobs/lookalike.yml"], project)
    assert result.code == 0, result.text  # a warning: the build goes on
    assert ("jobs/lookalike.yml:18:3: advarsel: ansøgning, adresse (url): 'https://bаllerup.dk/job': tegnet а "
            "(U+0430) i domænet er ikke et bogstav fra a-z") in result.err
    strict = run([sys.executable, "-m", "generator", "check", "--strict", "jobs/lookalike.yml"], project)
    assert strict.code == 1


def test_no_template_writes_a_mailto_of_its_own():
    """Every mailto: goes through mailto_href (the `mailto` filter), or, in the footer partial that
    MkDocs renders without our filters, through the same encoding (test above)."""
    import re

    from generator.render import pages

    assert pages.ENV.from_string("{{ e | mailto }}").render(e="søren@ballerup.dk") == \
        "mailto:s%C3%B8ren@ballerup.dk"
    for folder in (ROOT / "generator" / "templates", ROOT / "overrides"):
        for path in folder.rglob("*"):
            if path.suffix in (".j2", ".html"):
                text = path.read_text(encoding="utf-8")
                written = re.findall(r'href="mailto:\{\{[^}]*\}\}"', text)
                assert all("urlencode | replace('%40', '@')" in w for w in written), (path, written)


def test_a_link_in_an_organisations_about_text_is_audited_at_its_line(tmp_path):
    """The about text is shown on every posting of the unit: its links send applicants too."""
    from conftest import copy_project
    from generator.content import load_site
    project = copy_project(tmp_path / "p")
    orgs = project / "data" / "organisations.yml"
    text = orgs.read_text(encoding="utf-8")
    line = text[:text.index("            Distrikt Baltorp ligger")].count("\n") + 1
    orgs.write_text(text.replace("            Distrikt Baltorp ligger",
                                 "            [Søg her](https://ballerup.dk.evil.example/apply) Distrikt Baltorp ligger"),
                    encoding="utf-8")
    warned = [p for p in load_site(project).warnings if p.file == "data/organisations.yml"]
    assert [(p.line, p.field) for p in warned] == [(line - 1, "kommuner[1].units[1].about.text")]  # at `text: |`
    assert "ballerup.dk.evil.example er ikke Ballerup Kommunes eget domæne" in warned[0].message
