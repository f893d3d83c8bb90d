"""The small value types content is written in, each checked with a Danish
message that says what to write instead.

Kept apart from the model so the rules for a date, a phone number or a safe
piece of Markdown are found in one place and reused by every content file.
"""
from __future__ import annotations

import html
import re
from datetime import date, time
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError


def _fail(message: str) -> PydanticCustomError:
    return PydanticCustomError("jobsite", message)


def _day(value: object) -> date:
    if isinstance(value, date):
        return value
    text = str(value).strip() if isinstance(value, (str, int)) else ""
    if not re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        raise _fail(f"{value!r} er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2026-01-10")
    y, m, d = (int(p) for p in text.split("-"))
    try:
        return date(y, m, d)
    except ValueError:
        raise _fail(f"{text} findes ikke i kalenderen; tjek dag og måned (ÅÅÅÅ-MM-DD)") from None


def _clock(value: object) -> time:
    if isinstance(value, time):
        return value
    text = str(value).strip().replace(".", ":") if isinstance(value, str) else ""
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise _fail(f"{value!r} er ikke et klokkeslæt; skriv det som TT:MM i anførselstegn, fx \"12:00\"")
    return time(int(match[1]), int(match[2]))


def _phone(value: object) -> str:
    text = str(value).strip() if isinstance(value, (str, int)) else ""
    digits = re.sub(r"[\s\-]", "", text)
    if digits.startswith("+45"):
        digits = digits[3:]
    if not re.fullmatch(r"\d{8}", digits):
        raise _fail(f"{value!r} er ikke et dansk telefonnummer; skriv otte cifre, fx \"4477 1847\"")
    return f"{digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}"


def _email(value: object) -> str:
    text = str(value).strip() if isinstance(value, str) else ""
    if not re.fullmatch(r"[^@\s<>\"'()]+@[A-Za-z0-9æøåÆØÅ.-]+\.[A-Za-z]{2,}", text):
        raise _fail(f"{value!r} er ikke en e-mailadresse; skriv fx navn@ballerup.dk")
    return text


def _web_url(value: object) -> str:
    text = str(value).strip() if isinstance(value, str) else ""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
        raise _fail(f"{value!r} er ikke en webadresse; skriv hele adressen med https://, "
                    "fx https://www.ballerup.dk/job")
    return text


def _link_target(value: object) -> str:
    """A link may leave the site (https, mailto, tel) or point into it (/sti/)."""
    text = str(value).strip() if isinstance(value, str) else ""
    if text.startswith("/") and not text.startswith("//") and " " not in text:
        return text
    scheme = urlsplit(text).scheme.lower()
    if scheme in ("mailto", "tel") and len(text) > len(scheme) + 1:
        return text
    return _web_url(value)


SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")  # browsers skip these inside a scheme


def is_safe(target: str) -> bool:
    """True when a link goes to a page of the site, a web page, an e-mail address or a phone number.

    Entities are decoded first, as the browser would (`java&#115;cript:` is `javascript:`).
    """
    scheme = urlsplit(_IGNORED_IN_SCHEME.sub("", html.unescape(target))).scheme.lower()
    return not scheme or scheme in SAFE_SCHEMES


TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^>]*)?/?>|<!--")
MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
MD_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")


def _markdown(value: object) -> str:
    """Markdown as HR writes it: no raw HTML, links only to safe places."""
    if not isinstance(value, str):
        raise _fail("skal være tekst (Markdown)")
    text = value.strip()
    for target in MD_LINK.findall(text) + MD_REFERENCE.findall(text) + AUTOLINK.findall(text):
        if not is_safe(target):
            raise _fail(f"linket {target!r} er ikke tilladt; links skal begynde med https://, mailto: eller tel:")
    if TAG.search(AUTOLINK.sub("", text)):
        tag = TAG.search(AUTOLINK.sub("", text))[0]
        raise _fail(f"HTML ({tag}) er ikke tilladt i teksten; skriv almindelig tekst eller Markdown "
                    "(fx **fed**, - punkter, [link](https://...))")
    return text


def _plain(value: object) -> str:
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise _fail("skal være en kort tekst på én linje")
    text = " ".join(str(value).split())
    if not text:
        raise _fail("må ikke være tom")
    if "<" in text and TAG.search(text):
        raise _fail("HTML er ikke tilladt; skriv almindelig tekst")
    return text


Day = Annotated[date, BeforeValidator(_day)]
Clock = Annotated[time, BeforeValidator(_clock)]
Phone = Annotated[str, BeforeValidator(_phone), Field(json_schema_extra={
    "examples": ["4477 1847"], "type": ["string", "integer"], "pattern": r"^(\+45)?[ -]*(\d[ -]*){8}$"})]
Email = Annotated[str, BeforeValidator(_email), Field(json_schema_extra={"format": "email"})]
WebUrl = Annotated[str, BeforeValidator(_web_url), Field(json_schema_extra={"format": "uri"})]
LinkTarget = Annotated[str, BeforeValidator(_link_target)]
Markdown = Annotated[str, BeforeValidator(_markdown)]
Plain = Annotated[str, BeforeValidator(_plain)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
