"""Media is data: the hostile catalogue for pictures.

Only JPEG, PNG and WebP are taken in the media folders (content/assets/billeder/,
content/foldere/), each is decoded and published as a new image made from its
pixels alone, and anything else is refused with a Danish message saying what
to upload instead. The test images are made here with Pillow, a few pixels each.
"""
from __future__ import annotations

import io
import struct
import sys
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin
from pypdf import PdfReader

from conftest import mkdocs_build, run
from generator import media
from generator.mkdocs.media import MediaCache
from generator.render import pdf

BILLEDER = "content/assets/billeder"
TODAY = "2026-01-05"


def picture(fmt: str = "JPEG", size: tuple[int, int] = (48, 32), mode: str = "RGB", **options) -> bytes:
    image = Image.linear_gradient("L").resize(size).convert(mode) if mode != "L" else \
        Image.linear_gradient("L").resize(size)
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def published(data: bytes, rel: str = f"{BILLEDER}/foto.jpg") -> Image.Image:
    out = media.reencode(data, rel)
    image = Image.open(io.BytesIO(out))
    image.load()
    return image


def refusal(data: bytes, rel: str) -> str:
    out, problems = media.reencoded(data, rel)
    assert out is None and len(problems) == 1, problems
    assert (problems[0].file, problems[0].line) == (rel, 1)
    return problems[0].message


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


# --- what may be in the media folders ---------------------------------------------------------------

@pytest.mark.parametrize("rel", [f"{BILLEDER}/legepladsen.jpg", f"{BILLEDER}/tegning-2.png", f"{BILLEDER}/a.webp",
                                 "content/foldere/ressourcegrupper.jpeg"])
def test_pictures_with_an_id_name_are_media(rel):
    assert media.is_media(rel) and media.name_problem(rel) is None


@pytest.mark.parametrize("rel, words", [
    (f"{BILLEDER}/x.svg", ["SVG", "kode", "som PNG"]),
    (f"{BILLEDER}/x.html", ["Websider og kode", "JPEG"]),
    (f"{BILLEDER}/x.pdf", ["PDF", "som PNG eller JPEG"]),
    (f"{BILLEDER}/x.gif", ["GIF", "pause", "som PNG"]),
    (f"{BILLEDER}/x.heic", ["HEIC", "som JPEG"]),
    (f"{BILLEDER}/.htaccess", ["kun billeder som JPEG, PNG eller WebP"]),
    (f"{BILLEDER}/mappe/x.png", ["direkte i content/assets/billeder/"]),
    ("content/foldere/kort.svg", ["SVG"]),
])
def test_what_is_not_a_raster_picture_is_refused_by_name(rel, words):
    message = media.name_problem(rel)
    assert not media.is_media(rel) and message
    for word in words:
        assert word in message


@pytest.mark.parametrize("name, suggestion", [("IMG_1234.JPG", None), ("Foto.jpg", "foto.jpg"),
                                              ("to ord.png", "to-ord.png"), ("a:b.png", "a-b.png"),
                                              ("Børn på tur.jpg", "boern-paa-tur.jpg")])
def test_a_name_outside_the_id_pattern_is_refused_with_a_name_to_use(name, suggestion):
    message = media.name_problem(f"{BILLEDER}/{name}")
    assert message and "små bogstaver a-z" in message
    if suggestion:
        assert f"{BILLEDER}/{suggestion}" in message


def test_the_site_s_own_files_are_not_media():
    for rel in ("content/assets/jobsite.css", "content/assets/print.css", "content/foldere/ressourcegrupper.md"):
        assert not media.is_media(rel)
    assert media.media_folder("content/assets/jobsite.css") is None


# --- bytes that are not the picture their name claims -------------------------------------------------

@pytest.mark.parametrize("data, rel, words", [
    (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
     f"{BILLEDER}/tegning.png", ["hedder .png", "SVG-tegning", "kode"]),
    (b"\xef\xbb\xbf  <!DOCTYPE html><html><script>fetch('/admin/')</script></html>", f"{BILLEDER}/foto.png",
     ["hedder .png", "webside (HTML)"]),
    (b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj", f"{BILLEDER}/side.jpg", ["hedder .jpg", "PDF"]),
    (b"PK\x03\x04" + b"\0" * 40, f"{BILLEDER}/pakke.webp", ["ZIP"]),
    (b"GIF89a" + b"\0" * 20, f"{BILLEDER}/anim.png", ["GIF"]),
    (b"\0\0\0\x18ftypheic" + b"\0" * 20, f"{BILLEDER}/iphone.jpg", ["HEIC", "Mest kompatibel"]),
    (b"just text", f"{BILLEDER}/tekst.jpg", ["ikke et JPEG-billede"]),
])
def test_bytes_that_are_not_the_named_picture_are_refused(data, rel, words):
    message = refusal(data, rel)
    for word in words:
        assert word in message


def test_a_png_named_jpg_is_refused_with_its_right_name():
    assert refusal(picture("PNG"), f"{BILLEDER}/skaermbillede.jpg") == \
        "filen hedder .jpg, men er et PNG-billede; omdøb den til skaermbillede.png"


def test_a_cut_off_jpeg_is_refused():
    data = picture("JPEG", (200, 150), quality=95)
    assert "ufuldstændigt eller beskadiget" in refusal(data[: len(data) * 2 // 3], f"{BILLEDER}/afbrudt.jpg")


def test_an_empty_file_is_refused():
    assert "tom" in refusal(b"", f"{BILLEDER}/tom.png")


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "content" / "assets" / "billeder" / "stor.jpg"
    path.parent.mkdir(parents=True)
    with path.open("wb") as handle:  # sparse: 10 MB of nothing after a JPEG's first bytes
        handle.write(b"\xff\xd8\xff")
        handle.truncate(media.MAX_BYTES + 1)
    problems = media.check_file(tmp_path, f"{BILLEDER}/stor.jpg")
    assert [p.message.split(";")[0] for p in problems] == ["filen fylder 10 MB"]
    assert "højst fylde 10 MB" in problems[0].message
    assert "fylder" in refusal(b"\xff\xd8\xff" + bytes(media.MAX_BYTES), f"{BILLEDER}/stor.jpg")


def test_a_decompression_bomb_is_refused_in_danish_at_once():
    """100 000 x 100 000 pixels in a PNG of 100 bytes: refused from the header, nothing decoded."""
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    bomb = (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", zlib.compress(b"\0" * 100))
            + png_chunk(b"IEND", b""))
    started = time.process_time()
    message = refusal(bomb, f"{BILLEDER}/bombe.png")
    assert time.process_time() - started < 2  # decoding it would take minutes and 30 GB
    assert "millioner punkter" in message and "højst være 10000 punkter" in message


def test_a_picture_over_the_side_limit_is_refused_with_its_size():
    header = struct.pack(">IIBBBBB", 12_000, 10, 8, 0, 0, 0, 0)
    wide = (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", zlib.compress(b"\0" * 10))
            + png_chunk(b"IEND", b""))
    assert refusal(wide, f"{BILLEDER}/bred.png").startswith("billedet er 12000 × 10 punkter; et billede må højst")


def test_an_animated_png_is_refused():
    frames = [Image.new("RGB", (8, 8), colour) for colour in ("red", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "PNG", save_all=True, append_images=frames[1:])
    assert "animeret" in refusal(out.getvalue(), f"{BILLEDER}/blink.png")


# --- what is published: the pixels, and nothing else --------------------------------------------------

def test_a_jpeg_html_polyglot_publishes_a_plain_jpeg():
    jpeg = picture("JPEG")
    polyglot = jpeg + b"<html><script>alert(document.domain)</script></html>" + b"PK\x03\x04zip"
    out = media.reencode(polyglot, f"{BILLEDER}/foto.jpg")
    assert b"<script" not in out and b"<html" not in out and b"PK\x03\x04" not in out
    assert Image.open(io.BytesIO(out)).format == "JPEG"
    assert out == media.reencode(jpeg, f"{BILLEDER}/foto.jpg")  # what followed the image is simply gone


def test_a_phone_photo_loses_its_gps_and_is_turned_upright():
    exif = Image.Exif()
    exif[0x0112] = 6  # stored lying down: turn 90 degrees clockwise to show
    exif[0x010F] = "Telefonmærke"
    exif[0x8825] = {1: "N", 2: (55.0, 40.0, 30.0), 3: "E", 4: (12.0, 34.0, 56.0)}
    data = picture("JPEG", (48, 32), exif=exif.tobytes(), comment=b"<script>alert(1)</script>")
    assert b"GPS" not in data and Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # the GPS is in there
    out = media.reencode(data, f"{BILLEDER}/foto.jpg")
    image = Image.open(io.BytesIO(out))
    assert not image.getexif() and "exif" not in image.info and "comment" not in image.info
    assert b"Exif" not in out and b"GPS" not in out and b"<script" not in out
    assert image.size == (32, 48)  # upright


def test_a_broken_exif_block_is_dropped_without_a_word_in_english(recwarn):
    data = picture("JPEG", exif=b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\xff\xff" + b"\x01" * 40)
    image = published(data)
    assert image.size == (48, 32) and not image.getexif()
    assert not [w for w in recwarn.list if "PIL" in w.filename]


def test_png_text_chunks_and_colour_profiles_are_not_published():
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<script>alert(1)</script>")
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>Hemmelig Person</x:xmpmeta>")
    data = picture("PNG", icc_profile=b"not a profile" * 10, pnginfo=info)
    out = media.reencode(data, f"{BILLEDER}/tegning.png")
    image = Image.open(io.BytesIO(out))
    assert image.info == {} and b"script" not in out and b"Hemmelig" not in out and b"iCCP" not in out


def test_a_webp_keeps_its_transparency_and_loses_its_metadata():
    exif = Image.Exif()
    exif[0x010F] = "Telefonmærke"
    logo = Image.new("RGBA", (40, 20), (200, 30, 30, 255))
    logo.putalpha(Image.linear_gradient("L").resize((40, 20)))
    out = io.BytesIO()
    logo.save(out, "WEBP", lossless=True, exif=exif.tobytes())
    assert Image.open(io.BytesIO(out.getvalue())).getexif()
    image = published(out.getvalue(), f"{BILLEDER}/logo.webp")
    assert image.format == "WEBP" and image.mode == "RGBA" and not image.getexif()
    assert image.getpixel((20, 0))[3] < 20 and image.getpixel((20, 19))[3] > 200  # still see-through at the top


def test_a_jpeg_s_extra_pictures_are_dropped():
    """An MPO (a phone's HDR map, a 3D pair) is a JPEG with more JPEGs after it: the first is the photo."""
    first, second = Image.new("RGB", (16, 16), "red"), Image.new("RGB", (16, 16), "blue")
    out = io.BytesIO()
    first.save(out, "MPO", save_all=True, append_images=[second])
    assert Image.open(io.BytesIO(out.getvalue())).n_frames == 2
    image = published(out.getvalue())
    assert image.format == "JPEG" and getattr(image, "n_frames", 1) == 1
    assert image.getpixel((8, 8))[0] > 200  # red


def test_a_wide_picture_is_scaled_down_to_the_web_width():
    assert published(picture("PNG", (4800, 30)), f"{BILLEDER}/bred.png").size == (media.PNG_MAX_WIDTH, 25)
    assert published(picture("PNG", (2560, 30)), f"{BILLEDER}/skaerm.png").size == (2560, 30)  # a screenshot
    assert published(picture("JPEG", (4000, 100))).size == (media.MAX_WIDTH, 50)
    assert published(picture("JPEG", (300, 200))).size == (300, 200)  # never up


def test_the_same_picture_gives_the_same_bytes():
    for fmt, rel in (("JPEG", "a.jpg"), ("PNG", "a.png"), ("WEBP", "a.webp")):
        data = picture(fmt, (120, 80))
        assert media.reencode(data, f"{BILLEDER}/{rel}") == media.reencode(data, f"{BILLEDER}/{rel}")


# --- where the bytes are published --------------------------------------------------------------------

def test_the_serve_cache_re_encodes_a_picture_only_when_it_changed(tmp_path, monkeypatch):
    path = tmp_path / "foto.jpg"
    path.write_bytes(picture("JPEG"))
    calls = []
    real = media.reencoded
    monkeypatch.setattr(media, "reencoded", lambda data, rel: calls.append(rel) or real(data, rel))
    cache = MediaCache()
    first, _ = cache.get(path, f"{BILLEDER}/foto.jpg")
    again, _ = cache.get(path, f"{BILLEDER}/foto.jpg")
    assert first == again and len(calls) == 1
    path.write_bytes(picture("JPEG", (64, 32)))
    changed, _ = cache.get(path, f"{BILLEDER}/foto.jpg")
    assert len(calls) == 2 and Image.open(io.BytesIO(changed)).size == (64, 32)


@pytest.mark.skipif(not pdf.engine(), reason="WeasyPrint/Pango missing: make pdf-deps")
def test_the_pdf_reads_the_published_picture_not_the_uploaded_one(tmp_path):
    site = tmp_path / "content"
    (site / "assets" / "billeder").mkdir(parents=True)
    uploaded = picture("JPEG") + b"<script>alert(1)</script>"
    (site / "assets" / "billeder" / "foto.jpg").write_bytes(uploaded)
    (site / "assets" / "billeder" / "x.png").write_bytes(b"<svg><script>alert(1)</script></svg>")
    fetcher = pdf.site_fetcher(pdf.engine(), site)
    response = fetcher.fetch((site / "assets" / "billeder" / "foto.jpg").as_uri())
    assert response.read() == media.reencode(uploaded, f"{BILLEDER}/foto.jpg")
    assert response.content_type == "image/jpeg"
    assert response.path is None  # else WeasyPrint embeds the file at the path, the uploaded bytes
    with pytest.raises(ValueError, match="SVG"):
        fetcher.fetch((site / "assets" / "billeder" / "x.png").as_uri())


def test_the_built_site_and_the_leaflet_pdf_have_only_re_encoded_pictures(project, tmp_path):
    photo = picture("JPEG", (2400, 1600), quality=97) + b"<html><script>alert(1)</script></html>"
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (55.0, 40.0, 30.0), 3: "E", 4: (12.0, 34.0, 56.0)}
    drawing = picture("PNG", (60, 40), exif=exif.tobytes())
    map_photo = picture("JPEG", (2400, 1800), exif=exif.tobytes(), comment=b"<script>alert(1)</script>")
    (project / BILLEDER).mkdir(parents=True, exist_ok=True)
    (project / BILLEDER / "legepladsen.jpg").write_bytes(photo)
    (project / "content" / "foldere" / "tegning.png").write_bytes(drawing)
    (project / "content" / "foldere" / "kort.jpg").write_bytes(map_photo)
    leaflet = project / "content" / "foldere" / "ressourcegrupper-haderslev.md"
    leaflet.write_text(leaflet.read_text(encoding="utf-8") + "\n![Kort over området](../kort.jpg)\n", encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site, TODAY)
    assert result.code == 0, result.text
    for rel, uploaded in ((f"{BILLEDER}/legepladsen.jpg", photo), ("content/foldere/tegning.png", drawing),
                          ("content/foldere/kort.jpg", map_photo)):
        built = (site / rel.removeprefix("content/")).read_bytes()
        assert built == media.reencode(uploaded, rel) and built != uploaded
    assert Image.open(site / "assets" / "billeder" / "legepladsen.jpg").size == (2000, 1333)
    assert b"<script" not in (site / "assets" / "billeder" / "legepladsen.jpg").read_bytes()
    printed = site / "foldere" / "ressourcegrupper-haderslev" / "ressourcegrupper-haderslev.pdf"
    if pdf.engine():  # the PDF shows the published picture (2000 px wide), not the uploaded one (2400 px)
        pictures = [ref.get_object() for page in PdfReader(printed).pages
                    for ref in (page["/Resources"].get("/XObject") or {}).values()]
        assert {(p["/Width"], p["/Height"]) for p in pictures} == {(media.MAX_WIDTH, 1500)}  # pages share one
        assert b"<script" not in printed.read_bytes() and b"GPS" not in printed.read_bytes()


def test_check_and_the_build_refuse_an_uploaded_svg(project, tmp_path):
    (project / BILLEDER).mkdir(parents=True, exist_ok=True)
    (project / BILLEDER / "logo.svg").write_text('<svg onload="alert(1)"/>', encoding="utf-8")
    (project / BILLEDER / "foto.png").write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    checked = run([sys.executable, "-m", "generator", "check"], project, TODAY)
    assert checked.code != 0
    assert f"{BILLEDER}/logo.svg:1: SVG-tegninger tages ikke imod" in checked.text
    assert f"{BILLEDER}/foto.png:1: filen hedder .png, men er en webside (HTML) eller kode" in checked.text
    built = mkdocs_build(project, tmp_path / "site", TODAY)
    assert built.code != 0 and "SVG-tegninger tages ikke imod" in built.text
    assert not (tmp_path / "site" / "assets" / "billeder" / "logo.svg").exists()
