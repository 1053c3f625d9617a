"""A static file server for the tests' built sites, run as its own process.

`python tests/static_server.py FOLDER WATCHED_PID` serves FOLDER on a free port of 127.0.0.1, prints
`serving PORT`, and serves until it is terminated or the process WATCHED_PID (the test run that
started it) has gone. FOLDER need not exist yet: the site is built for the address after the port is
bound, so no other process can take the port in between. A site is built once per test run and
shared by every pytest-xdist worker (conftest.py, `built_once`), so its server must outlive the
worker that built it: a thread of that worker would stop with it.

HTTP/1.1 with keep-alive, as static hosts serve; the built files never change while they are served,
so the browser may keep them for the run (`Cache-Control`). With `--gzip` after the two arguments,
text files (HTML, CSS, JavaScript, JSON, SVG, XML) go gzip-compressed to a client that accepts it, as
static hosts send them: `make audit` (tools/audit.py) measures the site served so.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import sys
import threading
import time


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


class GzipHandler(Handler):
    """`Handler`, with text files gzip-compressed for a client that accepts gzip."""

    COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and os.path.isfile(path) and kind.startswith(self.COMPRESSED)):
            return super().send_head()
        with open(path, "rb") as file:
            body = gzip.compress(file.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def main(folder: str, watched: str, *options: str) -> None:
    handler = GzipHandler if "--gzip" in options else Handler
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=folder))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving {server.server_address[1]}", flush=True)  # the starter waits for this line
    while _alive(int(watched)):
        time.sleep(1)
    server.shutdown()


if __name__ == "__main__":
    main(*sys.argv[1:])
