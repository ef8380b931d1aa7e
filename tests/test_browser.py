"""The dashboard and the HTML report in a real browser (Debian's chromium via Playwright).

What only a browser shows: the Voila page loads without a console error, fetches
nothing from outside the machine, and its sliders reach the kernel; the report
opens from disk with the network cut, draws its charts and runs no script. Each
test saves a screenshot under ``test-artifacts/``.

These tests drive ``/usr/bin/chromium`` (``apt-get install -y chromium``; ``make
test`` installs it when run as root). Never ``playwright install``. Without
chromium they skip, except under CI (the ``CI`` variable set), where they fail.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

from okr_toolkit.datasets import data_path
from okr_toolkit.present.report import write_report

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
VOILA_START_TIMEOUT = 60.0  # seconds until the server listens
PAGE_TIMEOUT = 90_000  # ms until the dashboard is drawn (kernel start + imports)


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = (
        f"Debian chromium not found at {CHROMIUM}; install it with "
        "`apt-get install -y chromium` (`make test` does when run as root). "
        "Never `playwright install`."
    )
    if os.environ.get("CI"):
        pytest.fail(f"{message} CI is set, so the browser tests must run.", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser():
    _require_chromium()

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _stop(proc: subprocess.Popen) -> None:
    """Stop Voila: its process group, then any kernel it started in a session of its own."""
    import psutil

    try:
        children = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        children = []
    try:
        os.killpg(proc.pid, signal.SIGTERM)  # start_new_session: the group id is its pid
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)
    _, alive = psutil.wait_procs(children, timeout=5)
    for child in alive:
        child.kill()


def _okr_command() -> list[str]:
    """The installed ``okr`` script beside this Python, else ``python -m okr_toolkit``."""
    script = Path(sys.executable).with_name("okr")
    return [str(script)] if script.exists() else [sys.executable, "-m", "okr_toolkit"]


@pytest.fixture(scope="module")
def voila_url(tmp_path_factory):
    """The dashboard served on a free localhost port the way users start it: `okr dashboard`.

    (`make dashboard` runs the same command.) It serves dashboard/dashboard.ipynb with
    Voila and the offline template; the process becomes Voila, so stopping its process
    group stops the server.
    """
    _require_chromium()
    port = _free_port()
    log_path = tmp_path_factory.mktemp("voila") / "voila.log"
    command = [*_okr_command(), "dashboard", "--host", "127.0.0.1", "--port", str(port)]
    started = time.monotonic()
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"voila exited with {proc.returncode}:\n{log_path.read_text()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() - started > VOILA_START_TIMEOUT:
                    pytest.fail(f"voila did not listen within {VOILA_START_TIMEOUT:.0f} s")
                time.sleep(0.2)
        print(f"voila listening after {time.monotonic() - started:.1f} s")
        yield f"http://127.0.0.1:{port}/"
    finally:
        _stop(proc)


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob"):
        return True
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname in LOCAL_HOSTS


def test_dashboard_loads_offline_and_its_slider_updates_the_score(browser, voila_url, artifacts):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("websocket", lambda ws: requests.append(ws.url))
    page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    try:
        started = time.monotonic()
        page.goto(voila_url, timeout=PAGE_TIMEOUT)
        page.get_by_role("tab", name="Scores").wait_for(timeout=PAGE_TIMEOUT)
        print(f"dashboard drawn {time.monotonic() - started:.1f} s after the request")
        # the default example is on screen, its KRs listed
        page.get_by_text("Loaded sample_okrs.yaml", exact=False).wait_for()
        page.get_by_text("activation.kr1", exact=True).first.wait_for()
        page.screenshot(path=str(artifacts / "dashboard.png"), full_page=True)

        page.get_by_role("tab", name="Score a KR").click()
        current = page.locator(".widget-slider:visible", has_text="current")
        handle = current.locator("[role=slider]")
        verdict = page.locator(".widget-html:visible b", has_text=re.compile(r"^-?\d+\.\d\d \w+$"))
        before = verdict.inner_text()
        assert before == "0.70 green"
        handle.focus()
        for _ in range(5):  # 58.1 -> 58.6: (58.6-42)/(65-42) = 0.72
            handle.press("ArrowRight")
        # the kernel answers each key; the HTML is replaced, so wait on the locator
        expect(verdict).to_have_text("0.72 green", timeout=10_000)
        expect(current.locator(".widget-readout")).to_have_text("58.60")
        for _ in range(5):
            handle.press("ArrowLeft")
        expect(verdict).to_have_text("0.70 green", timeout=10_000)
        page.screenshot(path=str(artifacts / "dashboard_score_a_kr.png"), full_page=True)
    finally:
        page.close()
    assert errors == []
    assert requests, "no request recorded"
    outside = [url for url in requests if not _is_local(url)]
    assert outside == [], f"the dashboard fetched from outside the machine: {outside}"


def test_dashboard_upload_reports_problems_then_scores(browser, voila_url, artifacts, tmp_path):
    bad = tmp_path / "draft.yaml"
    bad.write_text("objectives:\n  - id: growth\n    key_results: []\n", encoding="utf-8")
    good = tmp_path / "q3_checkins.yaml"
    good.write_text(
        _sample_text().replace(
            "statement: Lift week-1 activation from 42% to 65%",
            "statement: Lift week-1 activation from 42% to 65%\n        current: 58.1",
        ),
        encoding="utf-8",
    )
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    try:
        page.goto(voila_url, timeout=PAGE_TIMEOUT)
        page.get_by_text("Loaded sample_okrs.yaml", exact=False).wait_for(timeout=PAGE_TIMEOUT)
        button = page.locator(".widget-upload")

        def upload(path: Path) -> None:
            with page.expect_file_chooser() as chooser:
                button.click()
            chooser.value.set_files(str(path))

        upload(bad)
        problem = page.locator(".problem")
        expect(problem).to_contain_text("Cannot read draft.yaml.", timeout=20_000)
        expect(problem).to_contain_text("title")
        expect(page.get_by_text("Still showing sample_okrs.yaml")).to_be_visible()
        assert "Traceback" not in page.content()
        page.screenshot(path=str(artifacts / "dashboard_bad_upload.png"), full_page=True)
        upload(good)
        expect(page.get_by_text("Loaded q3_checkins.yaml", exact=False)).to_be_visible(
            timeout=20_000
        )
        expect(page.get_by_text("1 of 7 key results scored", exact=False)).to_be_visible()
        expect(page.locator(".widget-html:visible table").first).to_contain_text("0.70")
        chart = page.locator(".widget-html:visible > .widget-html-content > svg").first
        expect(chart).to_be_visible(timeout=20_000)  # the scores chart, inline SVG
        page.screenshot(path=str(artifacts / "dashboard_upload_scored.png"), full_page=True)
    finally:
        page.close()
    assert errors == []


def test_dashboard_says_what_it_converted_on_reading(browser, voila_url, artifacts, tmp_path):
    client = tmp_path / "client q3.csv"
    client.write_text(
        "objective_id;objective;kr_id;statement;current;unit\n"
        "support;Answer fast;support.kr1;Reduce median first response time from 6h to 45 min;"
        "2.3;hours\n",
        encoding="utf-8",
    )
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    try:
        page.goto(voila_url, timeout=PAGE_TIMEOUT)
        page.get_by_text("Loaded sample_okrs.yaml", exact=False).wait_for(timeout=PAGE_TIMEOUT)
        with page.expect_file_chooser() as chooser:
            page.locator(".widget-upload").click()
        chooser.value.set_files(str(client))
        notes = page.locator(".notes")
        expect(notes).to_contain_text("Read with 2 conversions.", timeout=20_000)
        expect(notes).to_contain_text("separated by semicolons")
        expect(notes).to_contain_text("converted to the key result's hours")
        assert "okr-upload-" not in page.content()  # no temporary path reaches the page
        page.screenshot(path=str(artifacts / "dashboard_reading_notes.png"), full_page=True)
    finally:
        page.close()
    assert errors == []


def _sample_text() -> str:
    return data_path("sample_okrs.yaml").read_text(encoding="utf-8")


def _open_offline(browser, path: Path, screenshot: Path):
    """Open a file:// page with every other URL aborted; return what it tried and fired."""
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    requests: list[str] = []
    blocked: list[str] = []
    dialogs: list[str] = []
    errors: list[str] = []

    def route(r):
        url = r.request.url
        if url.startswith(("file:", "data:")):
            r.continue_()
        else:
            blocked.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.screenshot(path=str(screenshot), full_page=True)
    return page, {"requests": requests, "blocked": blocked, "dialogs": dialogs, "errors": errors}


def _check_charts(page, at_least: int) -> None:
    charts = page.locator(".chart > svg")
    assert charts.count() >= at_least
    for i in range(charts.count()):
        box = charts.nth(i).bounding_box()
        assert box is not None and box["width"] > 50 and box["height"] > 30, box
        # drawn, not an empty frame: marks inside
        assert charts.nth(i).locator("path, rect, line").count() > 5


def test_report_opens_offline_with_its_charts(browser, tmp_path, artifacts):
    out = write_report(data_path("sample_okrs.yaml"), tmp_path / "report.html")
    page, seen = _open_offline(browser, out, artifacts / "report_sample.png")
    try:
        _check_charts(page, at_least=1)  # KPI health (the draft has no check-ins to score)
        page.get_by_text("Lint findings", exact=True).wait_for()
        assert page.evaluate("document.scripts.length") == 0
    finally:
        page.close()
    assert seen["blocked"] == [] and seen["dialogs"] == [] and seen["errors"] == []
    assert all(url.startswith(("file:", "data:")) for url in seen["requests"])


def test_report_shows_a_script_title_as_text(browser, tmp_path, artifacts):
    evil = "<script>alert(1)</script>"
    text = _sample_text().replace(
        "title: Make the first week so valuable customers can't imagine going back",
        f"title: {evil}",
    )
    # two check-ins, so that the scores chart is drawn too
    text = text.replace(
        "statement: Lift week-1 activation from 42% to 65%",
        "statement: Lift week-1 activation from 42% to 65%\n        current: 58.1",
    ).replace(
        "statement: Reduce time-to-first-value from 5 days to 2 days",
        "statement: Reduce time-to-first-value from 5 days to 2 days\n        current: 3.5",
    )
    assert evil in text and text.count("current:") == 2
    source = tmp_path / "evil_okrs.yaml"
    source.write_text(text, encoding="utf-8")
    out = write_report(source, tmp_path / "evil_report.html")
    page, seen = _open_offline(browser, out, artifacts / "report_script_title.png")
    try:
        shown = page.get_by_text(evil, exact=True)
        assert shown.count() >= 1 and shown.first.is_visible()
        assert page.evaluate("document.scripts.length") == 0
        _check_charts(page, at_least=2)  # scores and KPI health
    finally:
        page.close()
    assert seen["dialogs"] == [], f"a script ran: {seen['dialogs']}"
    assert seen["blocked"] == [] and seen["errors"] == []
    assert all(url.startswith(("file:", "data:")) for url in seen["requests"])


def test_dashboard_case_study_pacing_and_export(browser, voila_url, artifacts):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    try:
        page.goto(voila_url, timeout=PAGE_TIMEOUT)
        page.get_by_text("Loaded sample_okrs.yaml", exact=False).wait_for(timeout=PAGE_TIMEOUT)
        page.locator(".widget-dropdown select").first.select_option("acme_okrs.yaml")
        expect(page.get_by_text("Loaded acme_okrs.yaml", exact=False)).to_be_visible(timeout=20_000)
        page.get_by_role("tab", name="Pacing").click()
        pacing = page.locator(".widget-html:visible", has_text="As of 2026-08-17").first
        expect(pacing).to_be_visible(timeout=10_000)
        expect(pacing.locator(".badge", has_text="behind").first).to_be_visible()
        page.screenshot(path=str(artifacts / "dashboard_pacing.png"), full_page=True)
        page.get_by_role("tab", name="Report & export").click()
        page.get_by_role("button", name="Prepare download").click()
        link = page.get_by_role("link", name="Download acme_okrs_report.html")
        expect(link).to_be_visible(timeout=30_000)
        assert link.get_attribute("href").startswith("data:text/html;base64,")
        page.screenshot(path=str(artifacts / "dashboard_export.png"), full_page=True)
    finally:
        page.close()
    assert errors == []
