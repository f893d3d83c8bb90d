"""Synthetic but realistic content for the benchmark: an organisation tree of
several kommuner and N postings of 500-900 words of Danish text.

Deterministic (seeded), so two runs build the same pages. The text mixes a pool
of sentences a daycare posting really contains with sentences made from a
lexicon of daycare words, where nouns are drawn by rank (a few common, many
rare, as in real text) and often joined into compounds as Danish does
('legepladsmiljø', 'forældresamarbejdet'), plus names of people and streets.
So the postings share their common words but each has words of its own, and a
search index or a compressor is not flattered by a vocabulary of thirty
sentences. Length and shape (paragraphs, bullet lists, headings) follow the
example postings.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

KOMMUNER = [
    ("ballerup", "Ballerup", "2750"), ("aarhus", "Aarhus", "8000"), ("haderslev", "Haderslev", "6100"),
    ("odense", "Odense", "5000"), ("aalborg", "Aalborg", "9000"), ("esbjerg", "Esbjerg", "6700"),
    ("roskilde", "Roskilde", "4000"), ("vejle", "Vejle", "7100"), ("horsens", "Horsens", "8700"),
    ("silkeborg", "Silkeborg", "8600"), ("naestved", "Næstved", "4700"), ("viborg", "Viborg", "8800"),
]
DISTRICTS = ["Nord", "Syd", "Øst", "Vest", "Midtby", "Søndermark", "Skovbo", "Engvang"]
HOUSES = ["Solsikken", "Mælkebøtten", "Regnbuen", "Troldehøjen", "Skovtrolden", "Bikuben", "Stjernen",
          "Myretuen", "Kastanjen", "Lærkereden", "Spiren", "Havtornen", "Egebo", "Humlebien", "Fyrtårnet"]
KINDS = [("børnehus", "Børnehuset"), ("vuggestue", "Vuggestuen"), ("børnehave", "Børnehaven"),
         ("afdeling", "Afdeling")]
ROLES = [("pædagog", "Pædagog"), ("pædagogisk assistent", "Pædagogisk assistent"),
         ("pædagogisk medhjælper", "Pædagogisk medhjælper"), ("ressourcepædagog", "Ressourcepædagog"),
         ("pædagogisk leder", "Pædagogisk leder"), ("leder", "Dagtilbudsleder"), ("andet", "Køkkenmedarbejder")]
ROLE_DESCRIPTIONS = {"pædagog": "paedagog", "pædagogisk assistent": "paedagogisk-assistent",
                     "pædagogisk medhjælper": "paedagogisk-medhjaelper"}
FIRST = ["Helle", "Mette", "Lars", "Anne", "Søren", "Pia", "Jens", "Camilla", "Mads", "Louise", "Nancy", "Ole"]
LAST = ["Kristensen", "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Larsen", "Sørensen", "Engberg"]

SENTENCES = [
    "Vi søger en engageret kollega, der vil være med til at skabe gode børneliv hver dag.",
    "Hos os er legen omdrejningspunktet for børnenes trivsel, læring og udvikling.",
    "Du bliver en del af et fagligt stærkt personale, der sætter en ære i at samarbejde på tværs af stuerne.",
    "Vi arbejder med den styrkede pædagogiske læreplan og har fokus på læringsmiljøer hele dagen.",
    "Børnehuset ligger tæt på skov og strand, og vi bruger naturen som en vigtig del af hverdagen.",
    "Vi lægger vægt på et tæt og tillidsfuldt samarbejde med forældrene.",
    "Du kan se frem til en arbejdsplads med humor, omsorg og højt til loftet.",
    "Vi prioriterer faglig sparring og har faste møder, hvor vi reflekterer over vores praksis.",
    "Huset er normeret til omkring 80 børn fordelt på vuggestue og børnehave.",
    "Vi arbejder med relationer og sprog og har særligt fokus på børn i udsatte positioner.",
    "Du får mulighed for at præge udviklingen af vores pædagogiske arbejde.",
    "Vores personalegruppe består af pædagoger, pædagogiske assistenter og medhjælpere med forskellig erfaring.",
    "Vi holder fælles personaledage og temaaftener, hvor vi udvikler os sammen.",
    "Det tværfaglige samarbejde med PPR, sundhedsplejen og skolen er en vigtig del af hverdagen.",
    "Vi ønsker at alle børn oplever sig som en del af fællesskabet.",
    "Dagene er struktureret med plads til både planlagte aktiviteter og spontan leg.",
    "Vi har en stor legeplads med bålplads, køkkenhave og plads til at udforske.",
    "Som ny medarbejder får du en grundig introduktion og en fast kontaktperson de første måneder.",
    "Vi forventer, at du tager ansvar for egne opgaver og bidrager til det gode arbejdsmiljø.",
    "Vi er optaget af overgange, både når børn starter hos os, og når de skal videre i skole.",
    "Maden laves hver dag i vores eget køkken af friske råvarer.",
    "Der er gode muligheder for efteruddannelse og kompetenceudvikling.",
    "Vi arbejder målrettet med sprogvurderinger og sprogstimulering i små grupper.",
    "Forældresamarbejdet bygger på dialog, gensidig respekt og en fælles forståelse af barnets behov.",
    "Du har lyst til at arbejde med musik, bevægelse, kreative aktiviteter eller natur og udeliv.",
    "Vi bruger Tras og Kompetencehjulet til at følge børnenes udvikling.",
    "Vores værdier er nærvær, anerkendelse, fællesskab og faglig stolthed.",
    "Vi forventer, at du kan være en tydelig voksen, der går forrest i samspillet med børnene.",
    "Du trives med at planlægge, dokumentere og evaluere pædagogiske forløb.",
    "Arbejdstiden ligger i tidsrummet fra kl. 6.30 til kl. 17.00, og du indgår i husets vagtplan.",
]
BULLETS = [
    "Du er uddannet pædagog eller har tilsvarende erfaring fra dagtilbudsområdet",
    "Du har gode kommunikative evner i både tale og skrift",
    "Du er nysgerrig på børns perspektiv og tager udgangspunkt i det enkelte barn",
    "Du kan arbejde selvstændigt og samtidig indgå i et forpligtende teamsamarbejde",
    "Du er stabil, mødes med et smil og bidrager til en god stemning",
    "Du har erfaring med at arbejde med børn i udsatte positioner",
    "Du er god til at skabe struktur og overblik i en travl hverdag",
    "Du har lyst til at udvikle læringsmiljøer sammen med dine kolleger",
    "Du kan samarbejde med forældre om barnets trivsel",
    "Du er fortrolig med digitale redskaber som Aula og dokumentation i hverdagen",
    "Du bidrager aktivt til faglige drøftelser og deler gerne din viden",
    "Du har kørekort, da vi ofte tager på ture i området",
]
HEADINGS = ["Dine vigtigste opgaver", "Vi forventer, at du", "Det får du hos os", "Om huset",
            "Vores pædagogiske arbejde", "Vil du vide mere", "Ansættelsesproces"]


# The lexicon of the made sentences. Nouns by rank: the first are drawn most often (Zipf).
LEX_NOUNS = """barn børn leg læring trivsel udvikling fællesskab forældre kolleger hverdag personale hus stue
    gruppe relation sprog natur legeplads køkken mad musik bevægelse skov have værksted projekt tema aktivitet
    samarbejde dialog omsorg nærvær tryghed ansvar faglighed sparring møde plan læreplan dokumentation evaluering
    refleksion praksis miljø rum tid overgang skole vuggestue børnehave dagpleje institution område distrikt
    ledelse team netværk uddannelse kursus viden erfaring kompetence motorik sanser kreativitet fantasi eventyr
    bog fortælling sang rim leg regel rutine måltid søvn hygiejne påklædning garderobe tur bus strand mark
    dyr høns kanin drivhus bål bålhytte cykel løbecykel sandkasse gynge rutsjebane bold klodser maling ler
    papir lim saks perle puslespil teater forestilling fest jul fastelavn sommer vinter efterår forår regn sne
    sol vind blade kastanjer svampe insekter fugle træ hule bakke sti bro bæk sø hav sten skaller vand
    inklusion deltagelse mangfoldighed sundhed kost bevægelsesglæde trafik sikkerhed førstehjælp brand
    arbejdsmiljø trivselsmåling sygefravær vagtplan mødeplan ferieplan budget indkøb vedligehold rengøring""".split()
LEX_ADJ = """god tryg glad nysgerrig rolig aktiv kreativ faglig tydelig nærværende engageret ansvarlig fleksibel
    åben varm venlig modig legende undersøgende rummelig stabil positiv humoristisk omsorgsfuld struktureret
    grøn lys stor lille ny gammel fælles daglig ugentlig fast spontan planlagt fri stille livlig""".split()
LEX_VERBS = """skaber udvikler styrker understøtter planlægger evaluerer dokumenterer deler bygger former
    undersøger opdager prøver øver fejrer dyrker plejer passer vedligeholder organiserer""".split()
LEX_LINK = ["", "", "s", "e"]  # 'leg+plads', 'læring+s+miljø', 'børn+e+have'
TEMPLATES = [
    "Vi {verb} {adj} {noun} sammen med børnene, og {noun} er en del af vores {noun}.",
    "I vores {noun} arbejder vi med {noun} og {adj} {noun} hver dag.",
    "Du {verb} {noun} for børnene og er med til at gøre {noun} {adj}.",
    "Om eftermiddagen er der {noun} og {noun} på {street}, hvor vi har {adj} {noun}.",
    "Vores {noun} bygger på {noun}, {noun} og en {adj} tilgang til {noun}.",
    "Sammen med {person} {verb} du {noun} i et {adj} {noun}.",
    "Vi har i år særligt fokus på {noun} og {noun} i {noun}.",
    "Børnene {verb} {noun} i {noun}, og de voksne følger op med {adj} {noun}.",
]
STREET_A = ["Kløver", "Hyld", "Bøge", "Ahorn", "Lyng", "Skov", "Eng", "Mølle", "Kirke", "Sø", "Bakke", "Lærke",
            "Rønne", "Hassel", "Pil", "Fjord", "Strand", "Mose", "Kilde", "Ager"]
STREET_B = ["vej", "vænget", "stien", "gade", "allé", "toften", "haven", "parken", "bakken", "marken"]


def _noun(rng: random.Random) -> str:
    """A noun drawn by rank, often a compound of two ('legepladsmiljø')."""
    n = len(LEX_NOUNS)
    pick = lambda: LEX_NOUNS[min(n - 1, int(n ** rng.random()) - 1)]  # rank ~ 1/r
    word = pick()
    if rng.random() < 0.45:
        word = word + rng.choice(LEX_LINK) + pick()
    return word


def _made_sentence(rng: random.Random) -> str:
    text = rng.choice(TEMPLATES)
    while "{" in text:
        slot = text[text.index("{") + 1:text.index("}")]
        fill = {"noun": lambda: _noun(rng), "adj": lambda: rng.choice(LEX_ADJ), "verb": lambda: rng.choice(LEX_VERBS),
                "street": lambda: rng.choice(STREET_A) + rng.choice(STREET_B) + f" {rng.randint(1, 120)}",
                "person": lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)}"}[slot]()
        text = text.replace("{" + slot + "}", fill, 1)
    return text[0].upper() + text[1:]


def _sentence(rng: random.Random) -> str:
    """A sentence of a posting: from the pool a daycare posting really says, or made."""
    return rng.choice(SENTENCES) if rng.random() < 0.45 else _made_sentence(rng)


class _Literal(str):
    """A multi-line text, dumped in YAML's | block style as HR writes it."""


yaml.SafeDumper.add_representer(
    _Literal, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", str(s), style="|"))


def _paragraph(rng: random.Random, words: int) -> str:
    out: list[str] = []
    while sum(len(s.split()) for s in out) < words:
        out.append(_sentence(rng))
    return " ".join(out)


def _bullets(rng: random.Random, n: int) -> str:
    return "\n".join(f"- {b}" for b in rng.sample(BULLETS, n))


def organisations(rng: random.Random) -> tuple[dict, list[tuple[str, str]]]:
    """The tree for data/organisations.yml and the workplaces: (id, name)."""
    kommuner, workplaces = [], []
    for kid, city, postal in KOMMUNER:
        districts = []
        for d in rng.sample(DISTRICTS, rng.randint(2, 4)):
            did = f"{kid}-{_slug(d)}"
            kind, label = ("distrikt", "Distrikt") if rng.random() < 0.6 else ("dagtilbud", "Dagtilbud")
            units = []
            for h in rng.sample(HOUSES, rng.randint(3, 6)):
                wkind, prefix = rng.choice(KINDS)
                wid, name = f"{did}-{_slug(h)}", f"{prefix} {h}"
                units.append({"id": wid, "kind": wkind, "name": name, "address": {"city": city}})
                workplaces.append((wid, name))
            district = {"id": did, "kind": kind, "name": f"{label} {d}", "address": {"city": city}, "units": units}
            if rng.random() < 0.5:
                district["about"] = {"title": "Hvem er vi", "text": _Literal(_paragraph(rng, 90) + "\n")}
            districts.append(district)
        kommuner.append({
            "id": kid, "kind": "kommune", "name": f"{city} Kommune",
            "address": {"street": "Rådhuspladsen 1", "postal_code": postal, "city": city},
            "website": f"https://www.{kid}.dk", "accessibility_statement": f"https://www.was.digst.dk/{kid}-dk",
            "about": {"title": f"Om {city} Kommune", "text": _Literal(_paragraph(rng, 70) + "\n")},
            "units": districts,
        })
    return {"kommuner": kommuner}, workplaces


def _slug(text: str) -> str:
    return text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")


def posting(rng: random.Random, workplace: tuple[str, str], today: date, is_open: bool) -> dict:
    """One posting of 500-900 words; open ones have today within published..deadline."""
    role, label = rng.choice(ROLES)
    if is_open:
        deadline = today + timedelta(days=rng.randint(0, 40))
        published = min(today, deadline - timedelta(days=rng.randint(7, 30)))
    else:
        deadline = today - timedelta(days=rng.randint(1, 3 * 365))
        published = deadline - timedelta(days=rng.randint(7, 40))
    words = rng.randint(500, 900)
    sections = []
    budget = words - 25  # summary, apply text and terms
    for heading in rng.sample(HEADINGS, rng.randint(3, 5)):
        if rng.random() < 0.5:
            text = _bullets(rng, rng.randint(4, 7))
        else:
            text = _paragraph(rng, 50) + "\n\n" + _paragraph(rng, 40)
        sections.append({"heading": heading, "text": _Literal(text + "\n")})
        budget -= len(text.split())
    intro = "\n\n".join(_paragraph(rng, max(40, budget // 3 - 8)) for _ in range(3))
    first, last = rng.choice(FIRST), rng.choice(LAST)
    data: dict = {
        "title": f"{label} til {workplace[1]}",
        "workplace": workplace[0],
        "positions": rng.choice([1, 1, 1, 2]),
        "hours": rng.choice([37, 37, 32, 30, 25, "uden øvre arbejdstid"] if role in ("leder", "pædagogisk leder")
                            else [37, 37, 35, 32, 30, 25]),
        "employment": "fast",
        "start": {"date": (deadline + timedelta(days=30)).isoformat(), "asap": rng.random() < 0.5},
        "published": published.isoformat(),
        "deadline": deadline.isoformat(),
    }
    if rng.random() < 0.2:
        data["employment"] = "tidsbegrænset"
        data["employment_end"] = (deadline + timedelta(days=300)).isoformat()
    if rng.random() < 0.7:
        data["interviews"] = [{"label": "1. samtale", "date": (deadline + timedelta(days=4)).isoformat(),
                               "time": "09:00"}]
    data |= {
        "role": role,
        "age_groups": rng.choice([["0-3"], ["3-6"], ["0-6"], ["0-3", "3-6"]]),
        "summary": rng.choice(SENTENCES),
        "intro": _Literal(intro + "\n"),
        "sections": sections,
        "contacts": [{"name": f"{first} {last}", "title": "pædagogisk leder",
                      "phone": f"{rng.randint(20, 99)}{rng.randint(0, 999999):06d}"}],
        "apply": {"url": "https://www.example.dk/job", "text": "Vedhæft ansøgning, CV og uddannelsesbevis."},
        "terms": "Løn og ansættelse efter gældende overenskomst.",
        "requirements": ["børneattest", "straffeattest"],
    }
    if role in ROLE_DESCRIPTIONS:
        data["role_description"] = ROLE_DESCRIPTIONS[role]
    return data


def write_content(root: Path, n: int, open_count: int, today: date, seed: int = 7) -> None:
    """Replace root/jobs and root/data/organisations.yml with synthetic content."""
    rng = random.Random(seed)
    tree, workplaces = organisations(rng)
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "data" / "organisations.yml").write_text(_dump(tree), encoding="utf-8")
    jobs = root / "jobs"
    jobs.mkdir(parents=True, exist_ok=True)
    for old in jobs.glob("*.y*ml"):
        old.unlink()
    opens = set(rng.sample(range(n), min(open_count, n)))
    for i in range(n):
        data = posting(rng, rng.choice(workplaces), today, i in opens)
        name = f"{ROLES_SLUG.get(data['role'], 'stilling')}-{i:05d}.yml"
        (jobs / name).write_text("# yaml-language-server: $schema=../schema/posting.schema.json\n" + _dump(data),
                                 encoding="utf-8")


ROLES_SLUG = {r: _slug(r).replace(" ", "-") for r, _ in ROLES}


# libyaml's emitter when PyYAML has it: the same text, twenty times faster (20 000 files take seconds).
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_Dumper.add_representer(_Literal, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", str(s), style="|"))


def _dump(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)


# --- The national scale: 98 kommuner and three years of postings, as HR leaves them --------------

# The 98 kommuner: (name as it is written, the name's stem for "X Kommune", main town's postal code, town).
NATIONAL_KOMMUNER = [
    # Region Hovedstaden
    ("Albertslund", "Albertslund", "2620", "Albertslund"), ("Allerød", "Allerød", "3450", "Allerød"),
    ("Ballerup", "Ballerup", "2750", "Ballerup"), ("Bornholm", "Bornholms Regions", "3700", "Rønne"),
    ("Brøndby", "Brøndby", "2605", "Brøndby"), ("Dragør", "Dragør", "2791", "Dragør"),
    ("Egedal", "Egedal", "3660", "Stenløse"), ("Fredensborg", "Fredensborg", "3480", "Fredensborg"),
    ("Frederiksberg", "Frederiksberg", "2000", "Frederiksberg"),
    ("Frederikssund", "Frederikssund", "3600", "Frederikssund"), ("Furesø", "Furesø", "3520", "Farum"),
    ("Gentofte", "Gentofte", "2820", "Gentofte"), ("Gladsaxe", "Gladsaxe", "2860", "Søborg"),
    ("Glostrup", "Glostrup", "2600", "Glostrup"), ("Gribskov", "Gribskov", "3200", "Helsinge"),
    ("Halsnæs", "Halsnæs", "3300", "Frederiksværk"), ("Helsingør", "Helsingør", "3000", "Helsingør"),
    ("Herlev", "Herlev", "2730", "Herlev"), ("Hillerød", "Hillerød", "3400", "Hillerød"),
    ("Hvidovre", "Hvidovre", "2650", "Hvidovre"), ("Høje-Taastrup", "Høje-Taastrup", "2630", "Taastrup"),
    ("Hørsholm", "Hørsholm", "2970", "Hørsholm"), ("Ishøj", "Ishøj", "2635", "Ishøj"),
    ("København", "Københavns", "1550", "København V"),
    ("Lyngby-Taarbæk", "Lyngby-Taarbæk", "2800", "Kongens Lyngby"), ("Rudersdal", "Rudersdal", "2840", "Holte"),
    ("Rødovre", "Rødovre", "2610", "Rødovre"), ("Tårnby", "Tårnby", "2770", "Kastrup"),
    ("Vallensbæk", "Vallensbæk", "2665", "Vallensbæk Strand"),
    # Region Sjælland
    ("Faxe", "Faxe", "4690", "Haslev"), ("Greve", "Greve", "2670", "Greve"),
    ("Guldborgsund", "Guldborgsund", "4800", "Nykøbing F"), ("Holbæk", "Holbæk", "4300", "Holbæk"),
    ("Kalundborg", "Kalundborg", "4400", "Kalundborg"), ("Køge", "Køge", "4600", "Køge"),
    ("Lejre", "Lejre", "4330", "Hvalsø"), ("Lolland", "Lolland", "4930", "Maribo"),
    ("Næstved", "Næstved", "4700", "Næstved"), ("Odsherred", "Odsherred", "4550", "Asnæs"),
    ("Ringsted", "Ringsted", "4100", "Ringsted"), ("Roskilde", "Roskilde", "4000", "Roskilde"),
    ("Slagelse", "Slagelse", "4200", "Slagelse"), ("Solrød", "Solrød", "2680", "Solrød Strand"),
    ("Sorø", "Sorø", "4180", "Sorø"), ("Stevns", "Stevns", "4660", "Store Heddinge"),
    ("Vordingborg", "Vordingborg", "4760", "Vordingborg"),
    # Region Syddanmark
    ("Assens", "Assens", "5610", "Assens"), ("Billund", "Billund", "7200", "Grindsted"),
    ("Esbjerg", "Esbjerg", "6700", "Esbjerg"), ("Fanø", "Fanø", "6720", "Fanø"),
    ("Fredericia", "Fredericia", "7000", "Fredericia"), ("Faaborg-Midtfyn", "Faaborg-Midtfyn", "5750", "Ringe"),
    ("Haderslev", "Haderslev", "6100", "Haderslev"), ("Kerteminde", "Kerteminde", "5300", "Kerteminde"),
    ("Kolding", "Kolding", "6000", "Kolding"), ("Langeland", "Langeland", "5900", "Rudkøbing"),
    ("Middelfart", "Middelfart", "5500", "Middelfart"), ("Nordfyn", "Nordfyns", "5400", "Bogense"),
    ("Nyborg", "Nyborg", "5800", "Nyborg"), ("Odense", "Odense", "5000", "Odense C"),
    ("Svendborg", "Svendborg", "5700", "Svendborg"), ("Sønderborg", "Sønderborg", "6400", "Sønderborg"),
    ("Tønder", "Tønder", "6270", "Tønder"), ("Varde", "Varde", "6800", "Varde"), ("Vejen", "Vejen", "6600", "Vejen"),
    ("Vejle", "Vejle", "7100", "Vejle"), ("Ærø", "Ærø", "5970", "Ærøskøbing"), ("Aabenraa", "Aabenraa", "6200", "Aabenraa"),
    # Region Midtjylland
    ("Favrskov", "Favrskov", "8450", "Hammel"), ("Hedensted", "Hedensted", "8722", "Hedensted"),
    ("Herning", "Herning", "7400", "Herning"), ("Holstebro", "Holstebro", "7500", "Holstebro"),
    ("Horsens", "Horsens", "8700", "Horsens"), ("Ikast-Brande", "Ikast-Brande", "7430", "Ikast"),
    ("Lemvig", "Lemvig", "7620", "Lemvig"), ("Norddjurs", "Norddjurs", "8500", "Grenaa"),
    ("Odder", "Odder", "8300", "Odder"), ("Randers", "Randers", "8900", "Randers C"),
    ("Ringkøbing-Skjern", "Ringkøbing-Skjern", "6950", "Ringkøbing"), ("Samsø", "Samsø", "8305", "Samsø"),
    ("Silkeborg", "Silkeborg", "8600", "Silkeborg"), ("Skanderborg", "Skanderborg", "8660", "Skanderborg"),
    ("Skive", "Skive", "7800", "Skive"), ("Struer", "Struer", "7600", "Struer"),
    ("Syddjurs", "Syddjurs", "8400", "Ebeltoft"), ("Viborg", "Viborg", "8800", "Viborg"),
    ("Aarhus", "Aarhus", "8000", "Aarhus C"),
    # Region Nordjylland
    ("Brønderslev", "Brønderslev", "9700", "Brønderslev"), ("Frederikshavn", "Frederikshavn", "9900", "Frederikshavn"),
    ("Hjørring", "Hjørring", "9800", "Hjørring"), ("Jammerbugt", "Jammerbugt", "9490", "Pandrup"),
    ("Læsø", "Læsø", "9940", "Læsø"), ("Mariagerfjord", "Mariagerfjord", "9500", "Hobro"),
    ("Morsø", "Morsø", "7900", "Nykøbing M"), ("Rebild", "Rebild", "9530", "Støvring"),
    ("Thisted", "Thisted", "7700", "Thisted"), ("Vesthimmerland", "Vesthimmerlands", "9600", "Aars"),
    ("Aalborg", "Aalborg", "9000", "Aalborg"),
]
assert len(NATIONAL_KOMMUNER) == 98
# Kommuner the project's own files name (data/roles.yml, content/vaer-med.md, the Haderslev leaflet).
NAMED_BY_CONTENT = ("ballerup", "haderslev")


def national_id(name: str) -> str:
    """The generated id of a kommune: its name in small ASCII letters ('Høje-Taastrup' -> 'hoeje-taastrup')."""
    return _slug(name).replace(" ", "-")


def national_organisations(rng: random.Random, kommuner: int = 98) -> tuple[dict, list[tuple[str, str, str]]]:
    """The tree of `kommuner` kommuner (all 98, or fewer spread over the regions, always with those
    the project's own pages name), each with 2-4 districts of 3-6 houses; and the workplaces:
    (id, name, kommune id)."""
    named = [k for k in NATIONAL_KOMMUNER if national_id(k[0]) in NAMED_BY_CONTENT][:kommuner]
    others = [k for k in NATIONAL_KOMMUNER if k not in named]
    step = len(others) / max(1, kommuner - len(named))
    chosen = named + [others[int(i * step)] for i in range(kommuner - len(named))]
    tree, workplaces = [], []
    for name, stem, postal, town in chosen:
        kid = national_id(name)
        districts = []
        for d in rng.sample(DISTRICTS, rng.randint(2, 4)):
            did = f"{kid}-{_slug(d)}"
            kind, label = ("distrikt", "Distrikt") if rng.random() < 0.6 else ("dagtilbud", "Dagtilbud")
            units = []
            for h in rng.sample(HOUSES, rng.randint(3, 6)):
                wkind, prefix = rng.choice(KINDS)
                wid, wname = f"{did}-{_slug(h)}", f"{prefix} {h}"
                units.append({"id": wid, "kind": wkind, "name": wname, "address": {"city": town}})
                workplaces.append((wid, wname, kid))
            district = {"id": did, "kind": kind, "name": f"{label} {d}", "address": {"city": town}, "units": units}
            if rng.random() < 0.5:
                district["about"] = {"title": "Hvem er vi", "text": _Literal(_paragraph(rng, 90) + "\n")}
            districts.append(district)
        kommune_name = f"{stem}kommune" if stem.endswith("Regions") else f"{stem} Kommune"
        tree.append({
            "id": kid, "kind": "kommune", "name": kommune_name,
            "address": {"street": "Rådhuspladsen 1", "postal_code": postal, "city": town},
            "website": f"https://www.{kid}.dk", "phone": f"{rng.randint(30, 99)}{rng.randint(0, 999999):06d}",
            "accessibility_statement": f"https://www.was.digst.dk/{kid}-dk", "domains": [f"{kid}.dk"],
            "about": {"title": f"Om {kommune_name}", "text": _Literal(_paragraph(rng, 70) + "\n")},
            "units": districts,
        })
    return {"kommuner": tree}, workplaces


@dataclass
class NationalShape:
    """What write_national wrote, as of `today`."""
    today: date
    files: int = 0
    open: int = 0  # today within published..deadline and not withdrawn
    withdrawn: int = 0  # every withdrawn posting (all closed today)
    withdrawn_before_deadline_ahead: int = 0  # withdrawn, though the deadline has not passed
    interviews_after_today: int = 0  # closed, with an interview still to come (contacts still needed)
    closed_by_year: list[int] = field(default_factory=lambda: [0, 0, 0])  # deadline 0-1, 1-2, 2-3 years ago
    published_by_year: list[int] = field(default_factory=lambda: [0, 0, 0])  # published 0-1, 1-2, 2-3 years ago

    def line(self) -> str:
        return (f"{self.files} posting files: {self.open} open on {self.today}, {self.files - self.open} closed "
                f"(deadline 0-1/1-2/2-3 years ago: {'/'.join(map(str, self.closed_by_year))}; "
                f"{self.withdrawn} withdrawn, {self.withdrawn_before_deadline_ahead} of them before a deadline "
                f"still ahead; {self.interviews_after_today} closed with an interview still to come)")


def national_dates(rng: random.Random, today: date, kind: str, years: int = 3) -> tuple[date, date]:
    """(published, deadline) of a posting that is 'open' today, 'closed' (published at an even spread
    over the `years` before today, deadline passed), or 'ahead' (deadline ahead, withdrawn early)."""
    if kind == "closed":
        span = rng.randint(10, 45)  # two to six weeks, as postings run
        published = today - timedelta(days=rng.randint(span + 1, years * 365))
        return published, published + timedelta(days=span)
    age = rng.randint(1 if kind == "ahead" else 0, 45)  # published this many days ago
    published = today - timedelta(days=age)
    return published, published + timedelta(days=rng.randint(max(14, age), age + 45))


def national_posting(rng: random.Random, workplace: tuple[str, str, str], today: date, kind: str,
                     years: int = 3) -> dict:
    """A posting of the national repository: the text of posting(), dates of national_dates, the
    kommune's own apply address, contacts with names and phones, some withdrawn."""
    data = posting(rng, workplace[:2], today, False)
    published, deadline = national_dates(rng, today, kind, years)
    start = deadline + timedelta(days=rng.randint(20, 60))
    data["published"], data["deadline"] = published, deadline  # as HR writes them: unquoted dates
    data["start"] = {"date": start, "asap": rng.random() < 0.5}
    if "employment_end" in data:
        data["employment_end"] = start + timedelta(days=rng.randint(90, 365))
    data.pop("interviews", None)
    if rng.random() < 0.75:  # interviews after the deadline, one or two rounds
        first = deadline + timedelta(days=rng.randint(3, 12))
        rounds = [{"label": "1. samtale", "date": first, "time": rng.choice(["09:00", "10:30", "13:00"])}]
        if rng.random() < 0.3:
            rounds.append({"label": "2. samtale", "date": first + timedelta(days=rng.randint(5, 10))})
        data["interviews"] = rounds
    if kind == "ahead" or (kind == "closed" and rng.random() < 0.06):
        last = min(deadline, today - timedelta(days=1)) if kind == "ahead" else deadline
        day = published + timedelta(days=rng.randint(1, max(1, (last - published).days)))
        data["withdrawn"] = {"reason": rng.choice(["besat", "besat", "annulleret"]), "date": min(day, today)}
    kid = workplace[2]
    contacts = []
    for _ in range(rng.choice([1, 1, 1, 2])):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        contact = {"name": f"{first} {last}", "title": rng.choice(["pædagogisk leder", "distriktsleder",
                                                                    "dagtilbudsleder", "souschef"]),
                   "phone": f"{rng.randint(20, 99)}{rng.randint(0, 999999):06d}"}
        if rng.random() < 0.5:
            contact["email"] = f"{_slug(first)}.{_slug(last)}@{kid}.dk"
        contacts.append(contact)
    data["contacts"] = contacts
    data["apply"] = {"url": f"https://www.{kid}.dk/job", "text": "Vedhæft ansøgning, CV og uddannelsesbevis."}
    return data


def write_national(root: Path, files: int = 20_000, open_count: int = 2_000, kommuner: int = 98,
                   today: date = date(2026, 3, 2), years: int = 3, seed: int = 11) -> NationalShape:
    """Replace root/jobs and root/data/organisations.yml with a national repository: `kommuner`
    kommuner and `files` posting files, `open_count` of them open on `today`, the others closed at
    every age up to `years` years (published at an even spread over those years), as HR would leave
    them if nobody cleaned up. One in a hundred is withdrawn before its deadline (still ahead), and
    6 % of the others were withdrawn while they ran."""
    rng = random.Random(seed)
    tree, workplaces = national_organisations(rng, kommuner)
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "data" / "organisations.yml").write_text(_dump(tree), encoding="utf-8")
    jobs = root / "jobs"
    jobs.mkdir(parents=True, exist_ok=True)
    for old in jobs.glob("*.y*ml"):
        old.unlink()
    ahead = max(1, round(files / 100)) if files > open_count else 0
    kinds = ["open"] * min(open_count, files) + ["ahead"] * ahead
    kinds += ["closed"] * (files - len(kinds))
    rng.shuffle(kinds)
    shape = NationalShape(today, files)
    for i, kind in enumerate(kinds):
        workplace = rng.choice(workplaces)
        data = national_posting(rng, workplace, today, kind, years)
        house = workplace[0].rsplit("-", 1)[1]
        name = f"{ROLES_SLUG.get(data['role'], 'stilling')}-{house}-{workplace[2]}-{i:05d}.yml"
        (jobs / name).write_text("# yaml-language-server: $schema=../schema/posting.schema.json\n" + _dump(data),
                                 encoding="utf-8")
        shape.published_by_year[min(years - 1, (today - data["published"]).days // 365)] += 1
        if kind == "open":
            shape.open += 1
            continue
        if "withdrawn" in data:
            shape.withdrawn += 1
            shape.withdrawn_before_deadline_ahead += kind == "ahead"
        if kind == "closed":
            shape.closed_by_year[min(years - 1, (today - data["deadline"]).days // 365)] += 1
        if any(r["date"] >= today for r in data.get("interviews", ())):
            shape.interviews_after_today += 1
    return shape
