"""Drive a headless Chromium over the DevTools protocol, with the standard library only.

Chromium's ``--remote-debugging-pipe`` speaks the DevTools protocol over file descriptors
3 (commands in) and 4 (replies and events out), each message a JSON text ended by a NUL
byte: no websocket client and no browser-automation package is needed. The helper loads
a page, collects console errors, uncaught exceptions, log errors and network requests,
evaluates script in the page and takes screenshots.

The browser is looked for as ``$GOVLINT_BROWSER``, then ``chromium``, ``chromium-browser``,
``google-chrome``; :func:`find_browser` returns ``None`` when there is none (tests skip).
"""

from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_browser() -> str | None:
    """The Chromium executable to use, or ``None``."""
    configured = os.environ.get("GOVLINT_BROWSER")
    if configured:
        return shutil.which(configured) or (configured if Path(configured).is_file() else None)
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def _high(fd: int) -> int:
    """``fd`` moved to a descriptor number of 10 or more (close-on-exec)."""
    import fcntl

    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class BrowserError(RuntimeError):
    """The browser failed, answered with an error, or did not answer in time."""


class Browser:
    """One headless Chromium with one page (use as a context manager)."""

    def __init__(self, executable: str, width: int = 1280, height: int = 900, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self.events: list[dict[str, Any]] = []
        self._replies: dict[int, queue.Queue] = {}
        self._next_id = 0
        self._lock = threading.Lock()
        self._profile = tempfile.TemporaryDirectory(prefix="govlint-chromium-")
        # Above descriptor 4, so that the child's dup2 onto 3 and 4 is a real (inheritable) copy.
        to_browser_read, self._to_browser, self._from_browser, from_browser_write = (
            _high(fd) for fd in (*os.pipe(), *os.pipe()))
        args = [
            executable, "--headless=new", "--remote-debugging-pipe", "--no-first-run", "--no-default-browser-check",
            "--disable-gpu", "--disable-extensions", "--disable-background-networking", "--disable-sync",
            "--mute-audio", f"--user-data-dir={self._profile.name}", f"--window-size={width},{height}",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox

        def wire() -> None:  # in the child: the pipe ends on the descriptors Chromium expects
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)

        self._stderr = tempfile.TemporaryFile()
        self._process = subprocess.Popen(args + ["about:blank"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=self._stderr, preexec_fn=wire, close_fds=False)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        try:
            target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Runtime", "Log", "Page", "Network"):
                self.send(f"{domain}.enable", session=True)
            self.send("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=True)
        except (BrowserError, OSError) as exc:
            self.close()
            raise BrowserError(f"{executable} did not start: {exc}; {self.stderr_tail()}") from None

    # ------------------------------------------------------------------ protocol
    def _read(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = os.read(self._from_browser, 1 << 16)
            except OSError:
                return
            if not chunk:
                return
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "id" in message:
                    with self._lock:
                        waiting = self._replies.get(message["id"])
                    if waiting is not None:
                        waiting.put(message)
                else:
                    self.events.append(message)

    def send(self, method: str, params: dict[str, Any] | None = None, session: bool = False) -> dict[str, Any]:
        """Send one command and wait for its result."""
        with self._lock:
            self._next_id += 1
            ident = self._next_id
            reply: queue.Queue = queue.Queue()
            self._replies[ident] = reply
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode("utf-8") + b"\0")
        try:
            answer = reply.get(timeout=self.timeout)
        except queue.Empty:
            raise BrowserError(f"no answer to {method} within {self.timeout} s") from None
        if "error" in answer:
            raise BrowserError(f"{method}: {answer['error']}")
        return answer.get("result", {})

    def wait_for(self, method: str, timeout: float | None = None) -> dict[str, Any]:
        """Wait for the first event ``method`` (already received or coming)."""
        import time

        deadline = time.monotonic() + (timeout or self.timeout)
        while time.monotonic() < deadline:
            for event in list(self.events):
                if event.get("method") == method:
                    return event
            time.sleep(0.02)
        raise BrowserError(f"no {method} event within {timeout or self.timeout} s")

    # ------------------------------------------------------------------ page
    def open(self, path: Path) -> None:
        """Load a local file and wait until it has loaded."""
        self.send("Page.navigate", {"url": path.resolve().as_uri()}, session=True)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a script expression in the page (an exception in it is an error)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, session=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, clip: dict[str, float] | None = None, full_page: bool = False) -> bytes:
        """A PNG of the viewport, the whole page or the ``clip`` rectangle (page coordinates)."""
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": full_page or clip is not None}
        if full_page:
            size = self.evaluate("({w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight})")
            clip = {"x": 0, "y": 0, "width": size["w"], "height": size["h"]}
        if clip is not None:
            params["clip"] = {**clip, "scale": 1}
        return base64.b64decode(self.send("Page.captureScreenshot", params, session=True)["data"])

    def stderr_tail(self) -> str:
        """The end of the browser's own error output (for failure messages)."""
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace")[-1500:]

    def problems(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions and log errors, as text."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                found.append(f"console.{params['type']}: {[a.get('value') for a in params.get('args', [])]}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params.get('exceptionDetails', {}).get('text')}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
                found.append(f"log: {params['entry'].get('text')}")
        return found

    def requests(self) -> list[str]:
        """URLs the page requested (the page itself included)."""
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]

    # ------------------------------------------------------------------ lifetime
    def close(self) -> None:
        """Close the browser and wait for it (killed if it does not exit)."""
        try:
            self.send("Browser.close")
        except (BrowserError, OSError):
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        self._stderr.close()
        self._profile.cleanup()

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
