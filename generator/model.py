"""The content model: what a posting, an organisation, the role descriptions
and a leaflet consist of.

These classes are the single definition of every field: validation, the
documentation for HR and the JSON Schema for editors all come from here.
Field descriptions are Danish because HR reads them in their editor.
"""
from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .fieldtypes import Clock, Day, Email, LinkTarget, Markdown, Phone, Plain, Slug, WebUrl, YesNo, choice
from .hosts import Domain
from . import languages

# The values HR may write, and how the visitor sees them.
ROLE_TYPES: dict[str, str] = {
    "pædagog": "Pædagog",
    "ressourcepædagog": "Ressourcepædagog",
    "pædagogisk assistent": "Pædagogisk assistent",
    "pædagogisk medhjælper": "Pædagogisk medhjælper",
    "pædagogisk leder": "Pædagogisk leder",
    "leder": "Dagtilbuds- eller distriktsleder",
    "andet": "Andre stillinger",
}
AGE_GROUPS: dict[str, str] = {"0-3": "0–3 år (vuggestue)", "3-6": "3–6 år (børnehave)", "0-6": "0–6 år"}

# What an applicant's choice includes besides postings of its own value: the job list's filters,
# their counts, the cards' data-* and every facet value's feed and calendar follow this (through
# generator/facets.py), so they always show the same postings.
# A role includes the posts that are that role with a particular function: a ressourcepædagog is a
# trained pædagog (data/roles.yml describes the post by the pædagog column). A pædagogisk leder is
# not: it is a leadership post, which a pædagog looking for work with the children does not want
# shown, and which data/roles.yml does not describe as a pædagog post; nor is an assistant post a
# medhjælper post or the reverse (each asks for its own training).
ROLE_INCLUDES: dict[str, tuple[str, ...]] = {"pædagog": ("ressourcepædagog",)}
# An age group includes the posts whose children overlap it: a 0–6 post (an integrated house) has
# children of 0–3 and of 3–6, so it is a vuggestue post and a børnehave post too, and a choice of
# 0–6 år (every child of a dagtilbud) includes the 0–3 and the 3–6 posts.
AGE_INCLUDES: dict[str, tuple[str, ...]] = {"0-3": ("0-6",), "3-6": ("0-6",), "0-6": ("0-3", "3-6")}
EMPLOYMENT: dict[str, str] = {"fast": "Fast stilling", "tidsbegrænset": "Tidsbegrænset stilling"}
REQUIREMENTS = ("børneattest", "straffeattest")
ORG_KINDS = ("kommune", "distrikt", "dagtilbud", "børnehus", "afdeling", "vuggestue", "børnehave", "institution")
UNLIMITED_HOURS = "uden øvre arbejdstid"
# Jobnet's terms (generator/jobnet.py): the kind of job, and when in the week the work lies.
JOB_TYPES: dict[str, str] = {"almindelig": "Almindeligt job", "fleksjob": "Fleksjob", "løntilskud": "Job med løntilskud"}
WORKING_PERIODS: dict[str, str] = {"dag": "Dag", "aften": "Aften", "nat": "Nat", "weekend": "Weekend"}

# The same values as types for the model (pydantic reads Literal[("a", "b")] as Literal["a", "b"]);
# a value written with other capitals ('Pædagog') is read as the one it means (fieldtypes.choice).
RoleType = Annotated[Literal[tuple(ROLE_TYPES)], choice(*ROLE_TYPES)]
AgeGroup = Literal[tuple(AGE_GROUPS)]


class Strict(BaseModel):
    """Unknown fields are errors, so a misspelt field is caught, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Start(Strict):
    date: Day | None = Field(None, description="Første arbejdsdag, ÅÅÅÅ-MM-DD.")
    asap: YesNo = Field(False, description="ja: 'snarest muligt' (sammen med eller i stedet for en dato); ja eller nej.")

    @model_validator(mode="after")
    def _some(self):
        if self.date is None and not self.asap:
            raise PydanticCustomError("jobsite", "skriv første arbejdsdag (date: 2026-03-01), eller asap: ja for "
                                                "snarest muligt (begge dele går også)")
        return self


class Interview(Strict):
    label: Plain | None = Field(None, description="Fx '1. samtale'. Uden navn står der 'Samtale'.")
    date: Day = Field(description="Samtaledagen, ÅÅÅÅ-MM-DD.")
    time: Clock | None = Field(None, description="Klokkeslæt, TT:MM i anførselstegn (valgfrit).")


class Contact(Strict):
    name: Plain = Field(description="Fulde navn.")
    title: Plain | None = Field(None, description="Stilling, fx 'distriktsleder'.")
    phone: Phone | None = Field(None, description="Otte cifre, fx '4477 2000'.")
    email: Email | None = Field(None, description="E-mailadresse.")


class Apply(Strict):
    url: WebUrl | None = Field(None, description="Adressen hvor man søger (knappen 'Søg stillingen').")
    text: Markdown | None = Field(None, description="Hvordan man søger, og hvad der skal vedhæftes.")

    @model_validator(mode="after")
    def _some(self):
        if not self.url and not self.text:
            raise PydanticCustomError("jobsite", "skriv url (adressen hvor man søger) og/eller text")
        return self


class Section(Strict):
    heading: Plain = Field(description="Overskrift, fx 'Dine vigtigste opgaver'.")
    text: Markdown = Field(description="Teksten; punkter skrives med '- ' i starten af linjen.")


class Link(Strict):
    text: Plain = Field(description="Linkteksten, der siger hvor linket fører hen.")
    url: LinkTarget = Field(description="https://..., mailto:, tel: eller en side på sitet, fx /stillingsbeskrivelser/.")


class Withdrawn(Strict):
    reason: Annotated[Literal["besat", "annulleret"], choice("besat", "annulleret")] = Field(
        description="'besat' når stillingen er besat før fristen, 'annulleret' når den trækkes tilbage.")
    date: Day = Field(description="Dagen stillingen blev besat eller annulleret, ÅÅÅÅ-MM-DD.")


class Posting(Strict):
    """One job posting: jobs/<id>.yml, where the file name is its id and web address."""

    title: Plain = Field(max_length=160, description="Stillingens titel, som den står i opslaget.")
    workplace: Slug = Field(description="Id på arbejdsstedet, fx 'stjernehuset'.")
    positions: int = Field(1, ge=1, le=100, description="Antal stillinger.")
    hours: Annotated[float, Field(ge=1, le=60, allow_inf_nan=False)] | Literal[UNLIMITED_HOURS] = Field(
        description=f"Ugentlige timer, fx 37, eller '{UNLIMITED_HOURS}' (fuldtid uden øvre grænse).")
    employment: Annotated[Literal[tuple(EMPLOYMENT)], choice(*EMPLOYMENT)] = Field(description="'fast' eller 'tidsbegrænset'.")
    employment_end: Day | None = Field(None, description="Sidste dag, når stillingen er tidsbegrænset.")
    start: Start = Field(description="Tiltrædelse: en dato (date) og/eller snarest muligt (asap: ja).")
    published: Day = Field(description="Dagen opslaget kommer på sitet, ÅÅÅÅ-MM-DD.")
    deadline: Day = Field(description="Ansøgningsfrist, ÅÅÅÅ-MM-DD. Åben til og med dagens udgang.")
    deadline_time: Clock | None = Field(None, description="Klokkeslæt for fristen, hvis ikke midnat, fx \"12:00\".")
    interviews: list[Interview] = Field(default_factory=list, description="Samtalerunder.")
    role: RoleType = Field(description="Stillingstype: " + ", ".join(ROLE_TYPES) + ".")
    age_groups: list[AgeGroup] = Field(min_length=1, description="Aldersgrupper: '0-3', '3-6' og/eller '0-6'.")
    summary: Plain | None = Field(None, max_length=300, description="Én sætning til oversigten og deling.")
    intro: Markdown = Field(description="Indledningen.")
    sections: list[Section] = Field(default_factory=list, description="Afsnit med overskrift og tekst.")
    contacts: list[Contact] = Field(default_factory=list, description=(
        "Hvem man kan ringe til. Navne og numre fjernes fra sitet efter sidste samtale eller 30 dage efter "
        "fristen (det, der kommer sidst), eller efter kommunens egen regel."))
    apply: Apply = Field(description="Hvordan man søger.")
    terms: Markdown | None = Field(None, description="Løn og ansættelsesvilkår.")
    requirements: list[Annotated[Literal[REQUIREMENTS], choice(*REQUIREMENTS)]] = Field(
        default_factory=list, description="Attester der indhentes.")
    role_description: Slug | None = Field(None, description="Id på en stillingsbeskrivelse, fx 'paedagog'.")
    links: list[Link] = Field(default_factory=list, description="Links til mere viden.")
    withdrawn: Withdrawn | None = Field(None, description="Udfyldes når stillingen er besat før tid eller annulleret.")
    job_type: Annotated[Literal[tuple(JOB_TYPES)], choice(*JOB_TYPES)] = Field("almindelig", description=(
        "Jobtype til Jobnet: 'almindelig' (almindeligt job), 'fleksjob' eller 'løntilskud'. Uden feltet: almindelig."))
    working_periods: list[Annotated[Literal[tuple(WORKING_PERIODS)], choice(*WORKING_PERIODS)]] = Field(
        default_factory=list, description="Hvornår på ugen arbejdet ligger, til Jobnet: dag, aften, nat og/eller weekend.")

    @model_validator(mode="after")
    def _employment_end(self):
        if self.employment == "tidsbegrænset" and self.employment_end is None:
            raise PydanticCustomError("jobsite", "employment: en tidsbegrænset stilling skal også have "
                                                "employment_end (sidste dag, ÅÅÅÅ-MM-DD)")
        if self.employment == "fast" and self.employment_end is not None:
            raise PydanticCustomError("jobsite", "employment_end: en fast stilling har ingen slutdato; slet feltet")
        return self


class Address(Strict):
    street: Plain | None = None
    postal_code: Plain | None = Field(None, pattern=r"^\d{4}( [A-ZÆØÅ])?$")
    city: Plain


class About(Strict):
    title: Plain = Field(description="Overskrift, fx 'Om Aarhus Kommune' eller 'Hvem er vi'.")
    text: Markdown


class Retention(Strict):
    """How long a closed posting stays on the site (retention.py): whole, then as a short page
    without personal data, then gone. Site-wide at the top of data/organisations.yml, or per kommune."""

    full_days: int = Field(30, ge=0, le=365, description=(
        "Dage efter fristen, hvor hele opslaget med kontaktpersoner bliver på sitet; mindst til sidste samtale. "
        "Uden den: 30."))
    short_days: int = Field(90, ge=1, le=730, description=(
        "Dage efter fristen, hvor en kort side uden navne og tekst bliver på sitet; derefter er adressen væk. "
        "Uden den: 90."))

    @model_validator(mode="after")
    def _order(self):
        if self.short_days < self.full_days:
            raise PydanticCustomError("jobsite", f"short_days ({self.short_days}) skal være mindst lige så mange "
                                                 f"dage som full_days ({self.full_days}): den korte side kommer efter "
                                                 "hele opslaget")
        return self


class Organisation(Strict):
    """A kommune, a district or dagtilbud, or a workplace; units nest inside."""

    id: Slug
    kind: Literal[ORG_KINDS]
    name: Plain
    address: Address | None = None
    website: WebUrl | None = None
    phone: Phone | None = None
    email: Email | None = Field(None, description="Kommunens eller enhedens e-mailadresse (vises i sidefoden).")
    about: About | None = None
    accessibility_statement: WebUrl | None = Field(
        None, description="Kommunens tilgængelighedserklæring (WAS-Tool).")
    domains: list[Domain] = Field(default_factory=list, description=(
        "Kommunens egne domæner, fx ballerup.dk (underdomæner som job.ballerup.dk hører med). Tjek advarer om "
        "ansøgningsadresser, links og e-mails til andre domæner. Uden listen bruges hjemmesidens og e-mailens domæne."))
    max_lix: int | None = Field(None, ge=20, le=70, description=(
        "Kommunens grænse for, hvor svære foldere til forældre må være at læse (LIX), før check advarer. "
        "Uden den: 40."))
    retention: Retention | None = Field(None, description=(
        "Kun for en kommune: hvor længe lukkede opslag bliver på sitet, når kommunen vil have andet end "
        "hele sitets regel."))
    units: list[Organisation] = Field(default_factory=list)


class Organisations(Strict):
    kommuner: list[Organisation]
    retention: Retention = Field(default_factory=Retention, description=(
        "Hele sitets regel for, hvor længe lukkede opslag bliver på sitet (en kommune kan have sin egen)."))


class Occupation(Strict):
    """One role's occupation as Jobnet names it (data/occupations.yml): its DISCO-08 group and where that is
    stated. A code that could not be verified is left out, and `note` says so."""

    role: RoleType = Field(description="Stillingstypen, som opslagene skriver den (role).")
    disco: str | None = Field(None, pattern=r"^[0-9]{4}$", description="DISCO-08-gruppen (fire cifre), når den er bekræftet.")
    isco_title: Plain | None = Field(None, description="Gruppens navn i ISCO-08 (ILO), fx 'Early childhood educators'.")
    esco_label: Plain | None = Field(None, description="Erhvervets navn i ESCO på dansk, når det er bekræftet.")
    esco_uri: Plain | None = Field(None, pattern=r"^http://data\.europa\.eu/esco/[a-z]+/[A-Za-z0-9-]+$",
                                   description="ESCO-begrebets adresse (URI).")
    sources: list[Plain] = Field(default_factory=list, description="Hvor koden står: adresser eller dokumenter.")
    note: Plain | None = Field(None, description="Hvorfor koden mangler, eller hvad der skal bemærkes.")

    @model_validator(mode="after")
    def _sourced(self):
        if self.disco and not self.sources:
            raise PydanticCustomError("jobsite", "sources: en kode skal have sin kilde (en adresse eller et dokument)")
        if not self.disco and not self.note:
            raise PydanticCustomError("jobsite", "note: skriv hvorfor koden mangler")
        return self


class Occupations(Strict):
    occupations: list[Occupation]


class Role(Strict):
    id: Slug
    name: Plain
    intro: Markdown | None = None


class Statement(Strict):
    """One cell of the comparison table: a statement and the roles it applies to."""

    text: Plain
    roles: list[Slug] | Literal["alle"] = Field(description="Rollernes id'er, eller 'alle'.")


class Area(Strict):
    title: Plain
    rows: list[list[Statement]]


class RoleCatalogue(Strict):
    kommune: Slug
    title: Plain
    roles: list[Role] = Field(min_length=1)
    areas: list[Area] = Field(min_length=1)
    source_note: Markdown | None = None


class LeafletContact(Strict):
    name: Plain
    phone: Phone | None = None
    email: Email | None = None
    website: WebUrl | None = None


class Leaflet(Strict):
    """Front matter of a leaflet for parents: content/foldere/<id>.md."""

    title: Plain
    tagline: Plain | None = None
    kommune: Slug = Field(description="Id på kommunen, fx 'haderslev'.")
    topic: Plain
    audience: Plain
    summary: Plain
    updated: Day
    contact: LeafletContact | None = Field(None, description=(
        "Hvem forældre kan kontakte. En oversættelse bruger kildens kontakt og kan udelade den."))
    language: str = Field(languages.DANISH, description=(
        "Sproget folderen er skrevet på, som sprogkode (BCP 47): da, ar, fa, ckb, uk, so, ti, en ... Uden den: da."))
    translation_of: Slug | None = Field(None, description=(
        "Id på den folder, denne er en oversættelse af, fx 'ressourcegrupper-haderslev'."))
    source_updated: Day | None = Field(None, description=(
        "Kildens 'updated'-dato, da oversættelsen blev lavet, ÅÅÅÅ-MM-DD. Tjek advarer, når kilden er nyere."))

    @field_validator("language")
    @classmethod
    def _language(cls, value: str) -> str:
        if found := languages.problem(value):
            raise PydanticCustomError("jobsite", found)
        return languages.normal(value)


class CmsSettings(Strict):
    """cms.yml: where the browser editor saves (the repository and branch) and who signs HR in.

    Validated like content: moving the sign-in moves the token that writes to the repository.
    """

    repo: str = Field(description="GitHub-repositoriet som ejer/navn, fx 'ballerup/jobsite'.")
    branch: str = Field("main", description="Grenen opslagene udgives fra, fx 'main'.")
    base_url: WebUrl | None = Field(None, description="Login-tjenesten (OAuth-proxy), https://...")
    auth_endpoint: str | None = Field(None, description="Stien på login-tjenesten, fx 'auth'.")

    @field_validator("repo")
    @classmethod
    def _repo(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}", value) or ".." in value:
            raise PydanticCustomError("jobsite", f"{value!r:.60} er ikke et GitHub-repositorium; skriv ejer/navn, "
                                                 "fx ballerup/jobsite")
        return value

    @field_validator("branch")
    @classmethod
    def _branch(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,99}", value) or ".." in value:
            raise PydanticCustomError("jobsite", f"{value!r:.60} er ikke et navn på en gren; skriv fx main")
        return value

    @field_validator("auth_endpoint")
    @classmethod
    def _endpoint(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"/?[A-Za-z0-9_-]{1,40}(/[A-Za-z0-9_-]{1,40}){0,4}", value):
            raise PydanticCustomError("jobsite", f"{value!r:.60} er ikke en sti; skriv fx auth")
        return value

    @model_validator(mode="after")
    def _https(self):
        if self.base_url and not self.base_url.startswith("https://"):
            raise PydanticCustomError("jobsite", "base_url: login-tjenesten skal have en https://-adresse")
        return self
