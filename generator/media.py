"""Media is data: an uploaded picture is decoded and published only as a new image made from its pixels.

The browser editor's media folder (content/assets/billeder/) and the leaflets'
folder (content/foldere/, pictures beside the .md) take raster images only:
JPEG, PNG and WebP, named like an id (small letters a-z, digits, hyphens).
Anything else there (SVG, HTML, PDF, a ZIP, a GIF, an iPhone's HEIC) is
refused with a Danish message saying what to upload instead, and so is a file
whose bytes are not the image its extension claims, a broken or cut-off
image, and one over the limits below.

An accepted image is never copied: `reencode` decodes it with Pillow, turns
it upright by its EXIF orientation, converts it to sRGB by its colour profile,
scales a photo down to MAX_WIDTH (a PNG, a drawing, to PNG_MAX_WIDTH), and
encodes the pixels again in the same format.
Nothing else survives: no EXIF (GPS position, camera, time), XMP, IPTC,
comments, PNG text chunks or colour profile, and nothing that followed the
image's end in the file (a JPEG+HTML or JPEG+ZIP polyglot publishes as a plain
JPEG). Same input, same bytes, so builds stay reproducible.

Core only (no MkDocs): the registry (kinds.py) asks `name_problem` what to say
about a file in a media folder that is not a picture's place, the loader runs
`check_file` on every picture, and the MkDocs adapter (mkdocs/media.py) and
the PDF's URL fetcher (render/pdf.py) publish `reencode`'s bytes: what check
accepts is exactly what the build can publish.
"""
from __future__ import annotations

import io
import os
import re
import struct
import warnings
import zlib
from pathlib import Path

from PIL import Image, ImageCms

from .problems import ContentError, Problem

CONTENT_DIR = "content"
MEDIA_FOLDERS = ("content/assets/billeder", "content/foldere")  # from the repository's root
LEAFLETS_FOLDER = "content/foldere"  # its .md files are leaflets (the loader's), the rest must be media
MEDIA_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}  # Pillow's names
MEDIA_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}
NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}")  # the file name before its extension: an id, and _ as Decap keeps it

MAX_BYTES = 10_000_000  # a phone's 12-24 MP photo is 2-8 MB; more is a scan, a raw file or not a photo
MAX_SIDE = 10_000  # pixels on each side
MAX_PIXELS = 40_000_000  # decoded, 40 MP is 160 MB of RGBA: the most one build step should hold
# The widest image published. The content column is at most 61rem (976 CSS px), so 2000 px is sharp
# on a 2x (retina) screen at full width, and in a PDF 2000 px across A4's 170 mm of text is 300 dpi:
# more pixels show nowhere, and a 12 MP phone photo (4032 px) shrinks to a quarter of its pixels.
MAX_WIDTH = 2000
# A PNG is a drawing, a screenshot or a logo: scaling blurs its lines and letters, and its smoothed edges
# make the file bigger (a 2560 px screenshot: 114 KB as uploaded, 1.5 MB scaled to 2000 px). It keeps
# its size up to 4000 px, which holds a retina screenshot of a 1920 px wide screen.
PNG_MAX_WIDTH = 4000
JPEG_QUALITY = WEBP_QUALITY = 85  # no visible loss in a photo, a third of the bytes of quality 95

# What to upload instead, said where a refusal has no advice of its own.
UPLOAD = ("Upload et foto som JPEG (.jpg) og en tegning, et skærmbillede eller et logo som PNG (.png); "
          "WebP (.webp) går også")
# What a file that is not a raster image is (by its extension, or by what its bytes turn out to be),
# and why it is refused, with what to upload instead.
OTHER_TYPES = {
    "svg": ("en SVG-tegning", "SVG-tegninger tages ikke imod, for de kan indeholde kode (script), der ville køre "
            "på sitet. Gem tegningen som PNG (fx 'Eksporter som PNG' i tegneprogrammet) og upload den i stedet"),
    "html": ("en webside (HTML) eller kode", "Websider og kode tages ikke imod som billeder. " + UPLOAD),
    "pdf": ("en PDF", "PDF'er tages ikke imod som billeder (de kan indeholde kode og links). Gem siden som PNG eller "
            "JPEG, eller skriv teksten ind i en folder"),
    "zip": ("en ZIP-fil eller et Office-dokument", "ZIP-filer og Office-dokumenter (Word, Excel, PowerPoint) tages "
            "ikke imod som billeder. " + UPLOAD),
    "gif": ("et GIF-billede", "GIF tages ikke imod: sitet viser kun stillbilleder, for en animation kan ikke sættes "
            "på pause, som tilgængelighedskravene kræver. Gem billedet som PNG"),
    "heic": ("et HEIC- eller AVIF-billede", "HEIC og AVIF (iPhonens standard) kan ikke vises i alle browsere. Gem "
             "billedet som JPEG, eller vælg 'Mest kompatibel' under Indstillinger > Kamera > Formater på iPhonen"),
    "tiff": ("et TIFF- eller BMP-billede", "TIFF og BMP er ikke til websider (de er store og vises ikke i alle "
             "browsere). Gem billedet som JPEG eller PNG"),
}
SUFFIX_TYPE = {".svg": "svg", ".svgz": "svg", ".html": "html", ".htm": "html", ".xhtml": "html", ".xml": "html",
               ".js": "html", ".mjs": "html", ".css": "html", ".pdf": "pdf", ".zip": "zip", ".docx": "zip",
               ".xlsx": "zip", ".pptx": "zip", ".doc": "zip", ".gif": "gif", ".heic": "heic", ".heif": "heic",
               ".avif": "heic", ".tif": "tiff", ".tiff": "tiff", ".bmp": "tiff"}
FORMAT_NAMES = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
NAME_RULE = ("brug små bogstaver a-z, tal, bindestreg og _ i navnet (æ → ae, ø → oe, å → aa, mellemrum → -) og "
             "endelsen .jpg, .png eller .webp")
BROKEN = ("billedet kan ikke åbnes: det er ufuldstændigt eller beskadiget (fx afbrudt under upload eller "
          "kopiering); gem det igen fra det oprindelige billede og upload det på ny")


# --- which paths are media ----------------------------------------------------------------------------

def media_folder(rel: str) -> str | None:
    """The media folder `rel` (from the repository's root) lies in, at any depth, or None."""
    return next((folder for folder in MEDIA_FOLDERS if rel.startswith(folder + "/")), None)


def is_media(rel: str) -> bool:
    """Whether `rel` is a picture's place: directly in a media folder, an id-like name, a raster extension."""
    folder = media_folder(rel)
    if folder is None:
        return False
    name = rel[len(folder) + 1:]
    stem, dot, suffix = name.rpartition(".")
    return bool(dot) and f".{suffix}" in MEDIA_SUFFIXES and NAME.fullmatch(stem) is not None


def is_leaflet_text(rel: str) -> bool:
    """A leaflet's own .md in content/foldere/: the loader's, not media."""
    return rel.startswith(LEAFLETS_FOLDER + "/") and rel.endswith(".md") and "/" not in rel[len(LEAFLETS_FOLDER) + 1:]


def name_problem(rel: str) -> str | None:
    """Why a path in a media folder is not media, in Danish (what to upload or rename instead); None if it is."""
    if is_media(rel):
        return None
    folder = media_folder(rel) or rel.rpartition("/")[0]
    name = rel[len(folder) + 1:]
    if "/" in name:
        return f"billeder skal ligge direkte i {folder}/, ikke i en undermappe; flyt billedet op i {folder}/"
    stem, dot, suffix = name.rpartition(".")
    suffix = f".{suffix.lower()}" if dot else ""
    if suffix in SUFFIX_TYPE:
        return OTHER_TYPES[SUFFIX_TYPE[suffix]][1]
    if suffix not in MEDIA_SUFFIXES:
        return f"kun billeder som JPEG, PNG eller WebP (.jpg, .png, .webp) lægges på sitet herfra. {UPLOAD}"
    return (f"filnavnet '{_shown(name)}' kan ikke bruges i en webadresse; {NAME_RULE}, fx "
            f"{folder}/{suggested_name(stem)}{suffix}")


def suggested_name(stem: str) -> str:
    """A name NAME accepts, made from `stem`: 'IMG_1234 Børnehave' -> 'img-1234-boernehave'."""
    text = stem.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80].strip("-")
    return text or "billede"


def _shown(name: str) -> str:
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in name[:80])


# --- the bytes ---------------------------------------------------------------------------------------

def sniff(data: bytes) -> str | None:
    """What the first bytes say the file is: a Pillow format name, a key of OTHER_TYPES, or None."""
    head = data[:4096]
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1",
                                                b"avif", b"avis"):
        return "heic"
    if head[:4] in (b"II*\x00", b"MM\x00*") or head[:2] == b"BM":
        return "tiff"
    if b"%PDF-" in head[:1024]:  # readers find the header anywhere in the first KB
        return "pdf"
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06") or head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "zip"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n\x00").lower()
    if text.startswith(b"<"):
        return "svg" if b"<svg" in text else "html"
    return None


def _problem(rel: str, message: str) -> list[Problem]:
    return [Problem(rel, 1, 0, "", message)]


def read_image(data: bytes, rel: str, prepare: bool = True) -> tuple[Image.Image | None, list[Problem]]:
    """The picture in `data` (the file `rel`), decoded and checked, upright, sRGB, at most max_width wide,
    with no metadata left; or None and the Danish problems that refuse it. `prepare` False: only
    decoded and checked (what check needs: preparing cannot fail, it only costs time).

    Only the format the extension names is tried, the size is checked from the header before
    any pixel is decoded, and the whole image is decoded (a cut-off file is refused here, not
    published half grey). A JPEG's extra pictures (MPO: an iPhone's HDR map, a 3D pair) are not
    the photo and are dropped; an animated PNG or WebP is refused (WCAG 2.2.2: motion must be
    pausable, and a still picture is what a leaflet or a posting needs).
    """
    suffix = os.path.splitext(rel)[1]
    expected = FORMATS.get(suffix)
    if expected is None:
        return None, _problem(rel, name_problem(rel) or f"{UPLOAD}")
    if not data:
        return None, _problem(rel, f"filen er tom. {UPLOAD}")
    if len(data) > MAX_BYTES:
        return None, _problem(rel, f"filen fylder {_mb(len(data))}; et billede må højst fylde {_mb(MAX_BYTES)}. "
                                   f"Gem det i mindre størrelse (fx {MAX_WIDTH} punkter bredt, mere viser sitet "
                                   "ikke) eller som JPEG")
    found = sniff(data)
    if found != expected:
        named = FORMAT_NAMES[expected]
        if found in FORMATS.values():
            right = next(s for s, f in FORMATS.items() if f == found)
            return None, _problem(rel, f"filen hedder {suffix}, men er et {FORMAT_NAMES[found]}-billede; omdøb den "
                                       f"til {os.path.splitext(os.path.basename(rel))[0]}{right}")
        if found is not None:
            what, why = OTHER_TYPES[found]
            return None, _problem(rel, f"filen hedder {suffix}, men er {what}, ikke et {named}-billede. {why}")
        return None, _problem(rel, f"filen hedder {suffix}, men er ikke et {named}-billede; gem billedet som "
                                   f"{named} i et billedprogram og upload det igen. {UPLOAD}")
    if not _complete(data, expected):
        return None, _problem(rel, BROKEN)
    try:
        with warnings.catch_warnings():  # Pillow warns above 89 MP, and refuses (raises) above 179 MP
            warnings.simplefilter("ignore")  # its other warnings (a corrupt EXIF block) are English noise for HR
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[expected])
            width, height = image.size
            if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
                return None, _problem(rel, _too_big(f"billedet er {width} × {height} punkter"))
            if expected != "JPEG" and getattr(image, "n_frames", 1) > 1:
                return None, _problem(rel, "billedet er animeret; sitet viser kun stillbilleder, for en animation "
                                           "kan ikke sættes på pause, som tilgængelighedskravene kræver. Gem det "
                                           "billede, der skal vises, som PNG eller JPEG")
            turn = _orientation(image)
            if expected == "JPEG":  # libjpeg decodes at 1/2, 1/4 or 1/8 size, still reading every byte
                shown_width = height if turn in SIDEWAYS else width
                scale = min(1, max_width(expected) / shown_width) if prepare else 1 / 8
                if scale < 1:
                    image.draft(image.mode, (max(1, round(width * scale)), max(1, round(height * scale))))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None, _problem(rel, _too_big("billedet har langt over 40 millioner punkter"))
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError, TypeError, struct.error, zlib.error):
        return None, _problem(rel, BROKEN)  # what Pillow raises for a file it cannot read: content, not a bug
    if not prepare:
        return image, []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _prepared(image, turn, max_width(expected)), []


def _complete(data: bytes, fmt: str) -> bool:
    """Whether the picture's data reach its end: a JPEG's end marker after its first scan, a PNG's IEND
    chunk, a WebP's whole RIFF. Pillow refuses a cut-off file only while ImageFile.LOAD_TRUNCATED_IMAGES
    is off, and WeasyPrint turns it on for the whole process when it is imported; this does not depend
    on it. (A crafted file can pass and is then published padded with grey: harmless, the pixels are new.)
    """
    if fmt == "PNG":
        return data.find(b"IEND\xaeB`\x82", 8) != -1  # IEND is empty, so its CRC is always this
    if fmt == "WEBP":
        return len(data) >= 8 + int.from_bytes(data[4:8], "little")
    at = 2  # JPEG: walk the segments to the first scan (an EXIF thumbnail is a whole JPEG inside one)
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        length = int.from_bytes(data[at + 2:at + 4], "big")
        if marker == 0xDA:  # in the coded data a 0xFF is followed by 0x00 or a restart marker: the next
            return data.find(b"\xff\xd9", at + 2 + length) != -1  # FF D9 is the end of the picture
        at += 2 + length
    return False


SIDEWAYS = (5, 6, 7, 8)  # EXIF orientations that swap width and height
TRANSPOSE = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
             5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
             8: Image.Transpose.ROTATE_90}


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation (1: upright); a broken EXIF block counts as upright, it is dropped anyway."""
    try:
        value = image.getexif().get(0x0112, 1)
    except Exception:  # noqa: BLE001 - any EXIF parser error: the pixels are what we publish
        return 1
    return value if isinstance(value, int) and value in TRANSPOSE else 1


def max_width(fmt: str) -> int:
    return PNG_MAX_WIDTH if fmt == "PNG" else MAX_WIDTH


def _prepared(image: Image.Image, turn: int, widest: int) -> Image.Image:
    """Upright, in a mode the format can hold, at most `widest` pixels wide, sRGB, and with no metadata."""
    icc = image.info.get("icc_profile")
    transparency = image.info.get("transparency")
    wide = (image.height if turn in SIDEWAYS else image.width) > widest
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):  # 16-bit grey (a scanner): to 8 bits
        image = image.convert("I").point(lambda v: v / 257).convert("L")
        transparency = None
    elif image.mode == "PA" or (image.mode == "P" and transparency is not None and wide):
        image, transparency = image.convert("RGBA"), None
    elif image.mode in ("P", "1") and wide:  # palettes scale only by nearest neighbour
        image = image.convert("RGB" if image.mode == "P" else "L")
    elif image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA", "CMYK"):  # YCbCr, LAB, ...: as RGB
        image, icc = image.convert("RGB"), None
    if turn in TRANSPOSE:
        image = image.transpose(TRANSPOSE[turn])
    if image.width > widest:
        height = max(1, round(image.height * widest / image.width))
        image = image.resize((widest, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    image = _srgb(image, icc)
    if image.mode == "CMYK":
        image = image.convert("RGB")
    clean = image.copy()  # a plain Image: nothing of the decoder's (EXIF, XMP, comments, text chunks) goes along
    clean.info = {"transparency": transparency} if transparency is not None and image.mode in ("P", "L", "RGB", "1") \
        else {}
    return clean


def _srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """The picture's colours in sRGB (an iPhone's Display P3, a print CMYK profile): the profile itself is
    not published, and a browser shows an image without one as sRGB. A profile that cannot be read is
    ignored (the colours are then taken as sRGB)."""
    if not icc or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if ImageCms.getProfileDescription(source).strip().lower().startswith("srgb"):
            return image
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        converted = ImageCms.profileToProfile(image, source, SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image
    return converted if converted is not None else image


SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def encode(image: Image.Image, suffix: str, lossless: bool = False) -> bytes:
    """The picture in the format of `suffix`, with nothing but its pixels (and a palette's transparency)."""
    out = io.BytesIO()
    fmt = FORMATS[suffix]
    if fmt == "JPEG":
        if image.mode not in ("L", "RGB"):
            image = image.convert("RGB")  # CMYK without a profile
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    elif fmt == "PNG":
        image.save(out, "PNG", optimize=True)
    else:
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "A" in image.mode or "transparency" in image.info else "RGB")
        image.save(out, "WEBP", quality=WEBP_QUALITY, lossless=lossless, method=4, exact=False)
    return out.getvalue()


def _webp_lossless(data: bytes) -> bool:
    """Whether a WebP holds a lossless (VP8L) picture: a drawing stays lossless when encoded again."""
    at = 12
    while at + 8 <= len(data) and at < 1 << 16:  # the picture's chunk comes before long; a bound, not a scan
        kind, size = data[at:at + 4], int.from_bytes(data[at + 4:at + 8], "little")
        if kind in (b"VP8L", b"VP8 "):
            return kind == b"VP8L"
        at += 8 + size + (size & 1)
    return False


def reencoded(data: bytes, rel: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes published for the picture `rel`, or None and why it is refused."""
    image, problems = read_image(data, rel)
    if image is None:
        return None, problems
    suffix = os.path.splitext(rel)[1]
    return encode(image, suffix, lossless=FORMATS[suffix] == "WEBP" and _webp_lossless(data)), []


def reencode(data: bytes, rel: str) -> bytes:
    """reencoded, for a picture `check` has accepted: a refusal is raised as a ContentError."""
    out, problems = reencoded(data, rel)
    if out is None:
        raise ContentError(problems)
    return out


def _too_big(what: str) -> str:
    return (f"{what}; et billede må højst være {MAX_SIDE} punkter på hver led og {MAX_PIXELS // 1_000_000} "
            f"megapixel i alt. Gem det i mindre størrelse, fx {MAX_WIDTH} punkter bredt (mere viser sitet ikke)")


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB".replace(".", ",").replace(",0 MB", " MB")


# --- the files ---------------------------------------------------------------------------------------

def read_file(path: Path, rel: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a picture's file, read only when it is a plain file within the size limit."""
    try:
        info = path.lstat()
    except OSError:
        return None, _problem(rel, "filen kan ikke læses")
    if path.is_symlink():
        return None, _problem(rel, "filen er et symbolsk link (en genvej); læg selve billedet her i stedet")
    if not path.is_file():
        return None, _problem(rel, "er ikke en almindelig fil og læses ikke; slet den")
    if info.st_size > MAX_BYTES:
        return None, _problem(rel, f"filen fylder {_mb(info.st_size)}; et billede må højst fylde {_mb(MAX_BYTES)}. "
                                   f"Gem det i mindre størrelse (fx {MAX_WIDTH} punkter bredt, mere viser sitet "
                                   "ikke) eller som JPEG")
    with path.open("rb") as handle:
        return handle.read(MAX_BYTES + 1), []


def check_file(root: Path, rel: str) -> list[Problem]:
    """Everything wrong with the file `rel` in a media folder: its name and kind, then its bytes."""
    if message := name_problem(rel):
        return _problem(rel, message)
    data, problems = read_file(root / rel, rel)
    if data is None:
        return problems
    return read_image(data, rel, prepare=False)[1]


def site_image(site_dir: Path, path: Path) -> tuple[bytes, str] | None:
    """For a file of the site (docs_dir, or the built site) that is a picture of a media folder: the bytes
    published for it and their media type, to be read instead of the file. None for any other file.
    Raises ContentError for a picture that would be refused (check refuses it first)."""
    try:
        in_site = path.relative_to(site_dir).as_posix()
    except ValueError:
        return None
    rel = f"{CONTENT_DIR}/{in_site}"
    if media_folder(rel) is None or is_leaflet_text(rel):
        return None
    if message := name_problem(rel):
        raise ContentError(_problem(rel, message))
    data, problems = read_file(path, rel)
    if data is None:
        raise ContentError(problems)
    return reencode(data, rel), MEDIA_TYPES[os.path.splitext(rel)[1]]
