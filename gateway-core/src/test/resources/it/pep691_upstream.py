"""A PEP 691 upstream for Tollgate's integration tests (Python standard library only).

Usage: python3 pep691_upstream.py PORT ROOT

Serves the fixture repository in ROOT on 127.0.0.1:PORT. The Simple API pages, /simple/ and
/simple/<project>/, are always answered as PEP 691 JSON (from the index.json files next to each
index.html), whatever the Accept header asks for: an upstream that speaks only JSON makes the
gateway parse JSON and render HTML itself. Everything else (distributions, .metadata files) is
served as static files. One access-log line per request goes to stderr, like http.server.
"""

import functools
import http.server
import os
import re
import sys
import urllib.parse

JSON_TYPE = "application/vnd.pypi.simple.v1+json"
PAGE = re.compile(r"/simple/(?:([a-z0-9][a-z0-9-]*)/)?")


class Pep691Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        self.answer(send_body=True)

    def do_HEAD(self):
        self.answer(send_body=False)

    def answer(self, send_body):
        page = PAGE.fullmatch(urllib.parse.urlsplit(self.path).path)
        if page is None:
            return super().do_GET() if send_body else super().do_HEAD()
        parts = [self.directory, "simple"] + ([page.group(1)] if page.group(1) else []) + ["index.json"]
        path = os.path.join(*parts)
        if not os.path.isfile(path):
            return self.send_error(404, "no such project")
        with open(path, "rb") as f:
            body = f.read()
        self.send_response(200)
        self.send_header("Content-Type", JSON_TYPE)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept")
        self.end_headers()
        if send_body:
            self.wfile.write(body)


def main():
    port, root = int(sys.argv[1]), sys.argv[2]
    handler = functools.partial(Pep691Handler, directory=root)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
