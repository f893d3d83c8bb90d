"""Live preview: the time from saving a posting to seeing the change in the browser.

Runs `mkdocs serve` the way `make serve` does on a copy of the project with
N synthetic postings, then acts as the browser's live-reload script does:
it loads a posting, waits on /livereload/<epoch>/ for the next finished
build, and loads the page again. Each round edits the posting's intro and
times save -> reloaded page showing the new text.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

SERVE_FLAGS = ["--dirty", "--no-strict"]  # as in the Makefile's `serve` target
# Ctrl-C to every process of serve gone: serve waits for the last Pagefind run and the PDF workers,
# which take long on a busy machine. A ceiling for a stuck shutdown (a worker left running), not a
# speed limit: a measured stop takes seconds.
STOP_CEILING = 300


# `mkdocs serve` with Ctrl-C restored: a process started in the background by a shell without job
# control (`cmd &` in a script, nohup) inherits SIGINT ignored, and serve would never hear it.
SERVE = [sys.executable, "-c", "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
         "sys.argv[0] = 'mkdocs'; runpy.run_module('mkdocs', run_name='__main__')", "serve"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 120) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.read().decode("utf-8")


def save_to_reload(project: Path, env: dict, rounds: int = 3, flags: list[str] | None = None,
                   facts: dict | None = None) -> list[float]:
    """Seconds from saving an edited posting to the reloaded page showing the edit, per round.
    `facts`, when given, gets 'first_build': seconds from starting serve to its first page."""
    flags = SERVE_FLAGS if flags is None else flags
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    started = time.perf_counter()
    proc = subprocess.Popen([*SERVE, "--dev-addr", f"127.0.0.1:{port}",
                             "--livereload", *flags], cwd=project, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # its own process group: the workers can be found and stopped
    try:
        posting = _open_posting(project, base, proc)
        if facts is not None:
            facts["first_build"] = time.perf_counter() - started
        url = base + f"job/{posting.stem}/"
        times = []
        for i in range(rounds):
            html = _get(url)
            epoch, request = re.search(r"livereload\((\d+), (\d+)\)", html).groups()
            marker = f"Redigeret{time.time_ns()}"
            text = posting.read_text("utf-8")
            text = re.sub(r"(?m)^(intro: \|\n  )", rf"\g<1>{marker} ", text, count=1)
            start = time.perf_counter()
            posting.write_text(text, "utf-8")  # "save"
            while True:  # the page's live-reload script: wait for a newer finished build
                answer = _get(f"{base}livereload/{epoch}/{request}")
                if int(answer) > int(epoch):
                    break
            page = _get(url)
            elapsed = time.perf_counter() - start
            if marker not in page:
                raise SystemExit(f"the edit did not show up after the reload ({url})")
            times.append(elapsed)
    finally:
        stopped = _stop(proc)
    errors = proc.stderr.read()  # every process that had the pipe is gone now
    if not stopped:
        raise SystemExit(f"mkdocs serve did not stop within {STOP_CEILING} s of Ctrl-C, or left a worker running:\n"
                         + errors)
    if "Traceback" in errors or "ERROR" in errors:
        raise SystemExit("mkdocs serve reported an error (it must start, rebuild and stop cleanly):\n" + errors)
    return times


def _stop(proc: subprocess.Popen) -> bool:
    """Ctrl-C, as in a terminal; True when serve and all its processes stopped by themselves.

    Whatever is left after STOP_CEILING (serve itself, or a worker it did not shut down, which would
    keep the port and the stderr pipe) is killed, so the benchmark never waits for ever.
    """
    proc.send_signal(signal.SIGINT)
    deadline = time.monotonic() + STOP_CEILING
    try:
        proc.wait(timeout=STOP_CEILING)
    except subprocess.TimeoutExpired:
        pass
    while time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, 0)  # anyone left in serve's process group?
        except ProcessLookupError:
            return proc.poll() is not None
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return False


def _open_posting(project: Path, base: str, proc: subprocess.Popen) -> Path:
    """Wait for the first build; return the file of an open posting."""
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("mkdocs serve stopped:\n" + proc.stderr.read())
        try:
            listing = _get(base + "job/", timeout=5)
            break
        except OSError:
            time.sleep(0.2)
    else:
        raise SystemExit("mkdocs serve did not start")
    ids = re.findall(r'href="([a-z0-9-]+)/"', listing)
    posting = next(project / "jobs" / f"{i}.yml" for i in ids if (project / "jobs" / f"{i}.yml").exists())
    return posting


def summary(times: list[float]) -> str:
    return f"median {statistics.median(times):.2f} s (" + ", ".join(f"{t:.2f}" for t in times) + ")"
