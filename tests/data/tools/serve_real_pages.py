"""Serve the real pages on this machine as huggingface.co served them (see SOURCES.md).

Usage: python serve_real_pages.py PORT   (from the repository root; stops after 60 s)

/papers?date=2024-08-01 is the real listing page, /api/daily_papers?date=2024-08-02 the
real API response, /papers/2509.24002 the real paper page, and /papers/latest redirects
(302) to the listing, as the site's own links do; /https://huggingface.co/papers?date=…
is turndown's reader-service Markdown of the listing, as a reader service serves it.
Each response's Date is the day after the page's, as a capture that day would show it;
the saving tools (curl, wget) are real.
"""

import http.server
import sys
import threading
import urllib.parse

DATA = "tests/data/"
PAGES = {
    "/papers": (DATA + "html/daily_listing_2024-08-01.html", "text/html; charset=utf-8"),
    "/api/daily_papers": (DATA + "json/daily_papers_2024-08-02.json", "application/json"),
    "/papers/2509.24002": (
        DATA + "html/paper_page_2509.24002.prettified.html",
        "text/html; charset=utf-8",
    ),
    "/https://huggingface.co/papers": (
        DATA + "text/daily_listing_2024-08-01.turndown-reader.md",
        "text/plain; charset=utf-8",
    ),
}
DATES = {
    "/papers": "Fri, 02 Aug 2024 06:00:00 GMT",
    "/api/daily_papers": "Sat, 03 Aug 2024 06:00:00 GMT",
    "/papers/2509.24002": "Thu, 02 Oct 2025 06:00:00 GMT",
    "/papers/latest": "Fri, 02 Aug 2024 06:00:00 GMT",
}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        self.day = DATES.get(path, "Fri, 02 Aug 2024 06:00:00 GMT")
        if path == "/papers/latest":
            self.send_response(302)
            self.send_header("Location", "/papers?date=2024-08-01")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path not in PAGES:
            self.send_error(404)
            return
        name, kind = PAGES[path]
        with open(name, "rb") as page:
            body = page.read()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def date_time_string(self, timestamp: float | None = None) -> str:
        return getattr(self, "day", "Fri, 02 Aug 2024 06:00:00 GMT")


server = http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
threading.Timer(60, server.shutdown).start()
server.serve_forever()
