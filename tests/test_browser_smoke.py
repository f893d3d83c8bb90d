"""The site works in a real browser: the job list renders and search finds a posting."""
from waiting import patient_browser  # noqa: F401 - autouse: the ceiling for waits


def test_job_list_renders_in_chromium(served_site, page):
    base = served_site("2026-01-05")
    page.goto(base + "job/")
    assert page.locator("li.jobsite-card").count() == 2
    assert page.locator("html").get_attribute("lang") == "da"


def test_danish_search_finds_a_posting(served_site, page):
    base = served_site("2026-01-05")
    page.goto(base + "job/")
    from search_project import search_from_header

    first = search_from_header(page, "ressourcepædagog").first
    assert "Ressourcepædagoger søges til Midtbyens Dagtilbud" in first.inner_text()
