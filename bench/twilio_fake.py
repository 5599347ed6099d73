"""Answers like Twilio's Messages API, for bench/outbox.sh: no checks, just the shape the client reads.

    python3 bench/twilio_fake.py PORT

POST /2010-04-01/Accounts/<sid>/Messages.json  -> 201 {"sid": "SM<32 hex>", "status": "queued", ...}
GET  /count                                    -> number of messages accepted so far
"""
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

accepted = 0
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the server's HttpClient reuses its connections

    def _answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        global accepted
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if not (self.path.startswith("/2010-04-01/Accounts/") and self.path.endswith("/Messages.json")):
            self._answer(404, {"code": 20404, "message": "Not Found", "status": 404})
            return
        with lock:
            accepted += 1
        sid = "SM" + os.urandom(16).hex()
        self._answer(201, {"sid": sid, "status": "queued", "api_version": "2010-04-01", "num_segments": "1"})

    def do_GET(self):
        if self.path == "/count":
            self._answer(200, {"accepted": accepted})
        else:
            self._answer(404, {"code": 20404, "message": "Not Found", "status": 404})

    def log_message(self, format, *args):
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
    server.daemon_threads = True
    server.serve_forever()
