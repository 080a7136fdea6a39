"""A tiny stand-in HTTP server for testing mtfix's own fault handling (never LT's behaviour).

It answers ``/v2/languages`` and the health check ("Hello.") like LT, and every other check with the
configured fault: ``500``, ``garbage``, ``hang`` (no answer), ``drop`` (closes the connection after
``ok_checks`` good answers), ``hang-long`` (no answer to a text longer than ``limit``; the others answered) or ``limit`` (LT's HTTP 413 for a text longer than ``limit`` characters, as a
server with ``maxTextLength`` gives; shorter texts are answered).
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

LANGUAGES = [{"name": "English (US)", "code": "en", "longCode": "en-US"}]
EMPTY = {"software": {"name": "LanguageTool", "version": "6.7"}, "matches": []}


class FakeLT:
    def __init__(self, fault: str, ok_checks: int = 0, limit: int = 0, say_limit: bool = True):
        self.fault, self.ok_checks, self.checks = fault, ok_checks, 0
        self.limit, self.say_limit, self.answered = limit, say_limit, []
        self.stopping = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _send(self, code: int, body: bytes, ctype: str = "application/json") -> None:
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                self._send(200, json.dumps(LANGUAGES).encode())

            def do_POST(self) -> None:
                form = parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
                if form.get("text") == ["Hello."]:
                    return self._send(200, json.dumps(EMPTY).encode())
                fake.checks += 1
                if fake.fault == "hang-long":  # busy past any timeout with a text longer than ``limit``
                    text = form.get("text", [""])[0]
                    if len(text) > fake.limit:
                        fake.stopping.wait(30)
                        return None
                    fake.answered.append(text)
                    return self._send(200, json.dumps(EMPTY).encode())
                if fake.fault == "limit":
                    text = form.get("text", [""])[0]
                    if len(text) <= fake.limit:
                        fake.answered.append(text)
                        return self._send(200, json.dumps(EMPTY).encode())
                    said = f"the limit of {fake.limit} characters" if fake.say_limit else "the limit"
                    return self._send(413, f"Error: Your text exceeds {said} (it's {len(text)} characters). "
                                      "Please submit a shorter text.".encode(), "text/plain")
                if fake.checks <= fake.ok_checks:
                    return self._send(200, json.dumps(EMPTY).encode())
                if fake.fault == "500":
                    return self._send(500, b"Error: Internal Server Error", "text/plain")
                if fake.fault == "garbage":
                    return self._send(200, b"<html>proxy login</html>", "text/html")
                if fake.fault == "hang":
                    fake.stopping.wait(30)
                    return None
                self.close_connection = True  # "drop": the server went away mid-batch
                self.connection.close()
                return None

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FakeLT:
        self.thread.start()
        time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
