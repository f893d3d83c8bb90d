"""Where a posting sends applicants: every address in it, its host, and what looks wrong.

An application goes where the posting's apply address, links and e-mail
addresses point, and the colleague who approves the pull request reads a
YAML diff, where `https://bаllerup.dk/job` (a Cyrillic а),
`https://ballerup.dk.evil.example/job` and `https://ballerup.dk@evil.example/job`
all read as Ballerup. So each address is taken apart the way a browser takes
it (scheme, userinfo, host) and its host is compared with the kommune's own
domains (`domains` in data/organisations.yml, else the hosts of its website
and e-mail). `check` warns about a host that is not the kommune's own, an
internationalised or punycode host, a user name before the host, a host
written with %-codes, and http://; the job summary (summary.py) shows every
address with its host spelled out and marks the same ones.

Warnings, not errors: a posting may rightly link to the union's or another
public site; the point is that a person looks at the host before merging.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated
from urllib.parse import unquote, urlsplit

from pydantic import BaseModel, BeforeValidator, Field

from . import structure

from .fieldtypes import _fail, markdown_texts, shown
from .problems import Problem

if TYPE_CHECKING:
    from .model import Organisation, Posting
    from .yamlsource import Source

# --- the kommune's domains (the `domains` field of an organisation) -------------------------------

# One label of a domain: a-z, 0-9 and inner hyphens. The labels are split at '.' and checked one by
# one (at most 63 characters each, the last starting with a letter), so no pattern runs over a whole
# domain with nested repetition.
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")


def _is_domain(text: str) -> bool:
    labels = text.split(".")
    return (len(text) <= 253 and len(labels) >= 2 and labels[-1][:1].isalpha()
            and all(len(label) <= 63 and _LABEL.fullmatch(label) for label in labels))


def _domain(value: object) -> str:
    """A domain as the kommune's own: 'ballerup.dk' (its subdomains count too)."""
    text = value.strip().lower().rstrip(".") if isinstance(value, str) else ""
    if _is_domain(text):
        return text
    if "/" in text or ":" in text:
        raise _fail(f"{shown(value)} er en webadresse; skriv kun domænet uden https:// og /, fx ballerup.dk")
    if text and not text.isascii():
        raise _fail(f"{shown(value)} har tegn uden for a-z; skriv domænet med a-z, 0-9, punktum og bindestreg "
                    "(et domæne med æ, ø eller å i sin xn---form), fx ballerup.dk")
    raise _fail(f"{shown(value)} er ikke et domæne; skriv fx ballerup.dk")


Domain = Annotated[str, BeforeValidator(_domain), Field(json_schema_extra={
    "examples": ["ballerup.dk"], "pattern": r"^[a-z0-9][a-z0-9.-]{0,252}$"})]  # a hint for editors; check decides


def _host_of_url(url: str | None) -> str:
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        host = None
    return host or ""


def kommune_domains(kommune: Organisation | None) -> tuple[str, ...]:
    """The kommune's own domains: its `domains`, else the hosts of its website (without 'www.')
    and e-mail address. A host is the kommune's own when it is one of them or a subdomain of one."""
    if kommune is None:
        return ()
    if kommune.domains:
        return tuple(dict.fromkeys(kommune.domains))
    found = [_host_of_url(kommune.website).removeprefix("www."),
             kommune.email.rpartition("@")[2].lower() if kommune.email else ""]
    return tuple(dict.fromkeys(d for d in found if d))


def is_own(host: str, domains: tuple[str, ...]) -> bool:
    """True when `host` is one of `domains` or a subdomain of one: 'job.ballerup.dk' is
    Ballerup's, 'ballerup.dk.evil.example' and 'evilballerup.dk' are not."""
    host = _ascii(host).rstrip(".")
    return any(host == d or host.endswith("." + d) for d in domains)


def _ascii(host: str) -> str:
    """The host as DNS writes it (xn--... for an internationalised one), or as given if it has none."""
    if host.isascii():
        return host.lower()
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return host.lower()


def _unicode(host: str) -> str:
    """A punycode host as people read it ('xn--bllerup-...' -> 'bаllerup.dk'), or '' when it cannot be."""
    try:
        return host.encode("ascii").decode("idna")
    except UnicodeError:
        return ""


# --- every address of a posting -------------------------------------------------------------------

@dataclass(frozen=True)
class Address:
    """One place a posting sends applicants to, taken apart as a browser or mail program does."""

    path: tuple  # the field it is written in: ('apply', 'url'), ('contacts', 0, 'email'), ('intro',)
    role: str  # what it is to the applicant, in Danish: 'Søg', 'Link', 'E-mail', 'Link i teksten'
    written: str  # the address (a link in a text: as the site renders it)
    kind: str  # 'web' (http/https), 'email' (an e-mail field or a mailto: link)
    host: str  # the host (for an e-mail: its domain), %-codes decoded, in lower case
    rest: str  # a web address's path, query and fragment; an e-mail's name before the '@'
    notes: tuple[str, ...]  # Danish warnings, empty when nothing looks wrong
    own: bool  # the host is one of the kommune's domains


IN_TEXT = "Link i teksten"
_HREF = re.compile(r'<a href="([^"]*)"')  # as cmark-gfm writes a link
def _may_link(text: str) -> bool:
    """False for a text with no link to another host: a web address has 'http' or 'www.', an
    e-mail address '@' (or '%40'), and an entity ('&#58;') may write any of them. Looked for
    with `in`, which is much faster than a pattern on a long text."""
    if "@" in text or "&" in text or "%" in text:
        return True
    lowered = text.lower()
    return "http" in lowered or "www." in lowered
# A browser reads 'https:evil.example', 'https:/evil.example' and 'https:\\evil.example' as
# 'https://evil.example' (the WHATWG URL standard's special schemes): so does the audit.
_SPECIAL = re.compile(r"(?i)^(https?):[/\\]*")


def addresses(posting: Posting, kommune: Organisation | None) -> list[Address]:
    """Every web address and e-mail address in the posting, in the order a reader meets them:
    the apply address, the links, the contacts' e-mails, then the links in the texts."""
    domains = kommune_domains(kommune)
    name = kommune.name if kommune is not None else ""
    found: list[Address] = []

    def add(path: tuple, role: str, target: str) -> None:
        if address := _address(path, role, target, domains, name):
            found.append(address)

    if posting.apply.url:
        add(("apply", "url"), "Søg", posting.apply.url)
    for i, link in enumerate(posting.links):
        add(("links", i, "url"), "Link", link.url)
    for i, contact in enumerate(posting.contacts):
        if contact.email:
            add(("contacts", i, "email"), "E-mail", "mailto:" + contact.email)
    found += text_addresses(posting, domains, name)
    return found


def text_addresses(model: BaseModel, domains: tuple[str, ...], name: str, path: tuple = ()) -> list[Address]:
    """Every address linked in the Markdown texts of a posting or an organisation (its about text,
    shown on every posting of the unit), as the site renders them (render/markup.py converts with
    cmark-gfm too), so autolinked e-mail and www. addresses are found, and entities are decoded."""
    found = []
    for where, text in markdown_texts(model, path):
        if _may_link(text):
            for m in _HREF.finditer(structure.html(text)):
                if address := _address(where, IN_TEXT, html.unescape(m[1]), domains, name):
                    found.append(address)
    return found


def _address(path: tuple, role: str, target: str, domains: tuple[str, ...], name: str) -> Address | None:
    try:
        normal = _SPECIAL.sub(lambda m: m[1] + "://", target, count=1)
        parts = urlsplit(normal)
    except ValueError:
        return None  # a bracket in the host: refused when the posting is validated
    scheme = parts.scheme.lower()
    notes: list[str] = []
    if scheme == "mailto":
        local, _, host = unquote(parts.path).rpartition("@")
        kind, rest, written = "email", local, unquote(parts.path)
    elif scheme in ("http", "https"):
        kind, rest, written = "web", normal[len(f"{parts.scheme}://{parts.netloc}"):], target
        host = unquote(parts.hostname or "")
        if scheme == "http":
            notes.append("http:// er ikke krypteret (skriv https://"
                         + (", også foran en adresse, der begynder med www." if role == IN_TEXT else "") + ")")
        if "@" in parts.netloc:
            user = parts.netloc.rpartition("@")[0]
            notes.append(f"'{user}@' står foran domænet, så browseren åbner {host.lower()}, ikke {user} "
                         f"(slet '{user}@')")
        if "%" in (parts.hostname or ""):
            notes.append(f"domænet er skrevet med %-koder, som browseren læser som {host.lower()}")
    else:
        return None  # tel:, or a page of the site itself
    if not host:
        return None
    host = host.lower()
    notes += _lookalike(host)
    own = bool(domains) and is_own(host, domains)
    if not own:
        whose = f"{name}s" if name else "kommunens"
        mine = f" ({', '.join(domains)})" if domains else " (kommunen har ingen domains i data/organisations.yml)"
        notes.append(f"{host} er ikke {whose} eget domæne{mine}")
    if kind == "email" and role == "Link":
        role = "Link til e-mail"
    elif kind == "email" and role == IN_TEXT:
        role = "E-mail i teksten"
    return Address(path, role, written, kind, host, rest, tuple(notes), own)


_DANISH_LETTERS = set("æøåäöüé")


def _lookalike(host: str) -> list[str]:
    """An internationalised host (written with letters outside a-z, or as xn--...) can look like another."""
    if not host.isascii():
        odd = next((ch for ch in host if not ch.isascii() and ch not in _DANISH_LETTERS), None)
        written = _ascii(host)
        spelt = f"i DNS: {written}, " if written != host else ""
        if odd:
            return [f"tegnet {odd} (U+{ord(odd):04X}) i domænet er ikke et bogstav fra a-z, selv om det kan ligne et "
                    f"({spelt}skriv adressen med tastaturet)"]
        return [f"domænet har bogstaver uden for a-z ({spelt}tjek stavningen)"]
    if any(label.startswith("xn--") for label in host.split(".")):
        shown_as = _unicode(host)
        return ["domænet er et internationalt domæne skrevet med xn--"
                + (f", som vises som {shown_as}" if shown_as else "") + ", og kan ligne et andet"]
    return []


def link_warnings(posting: Posting, source: Source, kommune: Organisation | None) -> list[Problem]:
    """A warning, at the field's line, for each address whose host looks wrong (see `addresses`);
    one per field and host for the same reasons, so a text that repeats a link is warned about once."""
    return _warnings(addresses(posting, kommune), source)


def about_warnings(org: Organisation, source: Source, kommune: Organisation, path: tuple) -> list[Problem]:
    """The same warnings for the links in an organisation's about text (`path` is the organisation's)."""
    if org.about is None:
        return []
    return _warnings(text_addresses(org.about, kommune_domains(kommune), kommune.name, path + ("about",)), source)


def _warnings(found_addresses: list[Address], source: Source) -> list[Problem]:
    found = []
    seen: set[tuple] = set()
    for address in found_addresses:
        key = (address.path, address.host, address.notes)
        if address.notes and key not in seen:
            seen.add(key)
            found.append(source.problem(address.path, warning(address), "warning"))
    return found


def warning(address: Address) -> str:
    """The Danish warning about one address: what it is, what looks wrong, what to do."""
    what = "adressen" if address.kind == "web" else "e-mailadressen"
    return (f"{shown(address.written)}: " + "; ".join(address.notes)
            + f". Tjek, at {what} er rigtig, før ændringen godkendes")
