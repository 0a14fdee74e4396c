"""The one loopback HTTP proxy that benchmarks and tests put in front of a
moto server: it passes each request on and its answer back, and a subclass
changes only what it is for (a delay, a count, an answer that never comes).

    class Slow(Relay):
        def before(self, body):
            time.sleep(0.1)

    serve(Slow, "http://127.0.0.1:PORT")

`serve` prints the port it listens on (one line, flushed), then serves
until killed, a thread per connection.

A hook that has dealt with the connection itself (closed it, or written a
broken answer to it) returns `Relay.HANDLED`, and nothing more is sent.
"""

import http.client
import http.server
import socketserver
import sys
import urllib.parse


class _Handled:
    pass


class Relay(http.server.BaseHTTPRequestHandler):
    upstream = None
    timeout_seconds = 120
    HANDLED = _Handled()

    def before(self, body):
        """Called with the request's body before it is passed on. Returning
        (status, headers, data) answers the request here instead."""
        return None

    def after(self, body, status, data):
        """Called with upstream's answer before it is passed back (its
        headers are in self.upstream_headers). Returning (status, headers,
        data) passes that back instead."""

    def _relay(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        answer = self.before(body)
        if answer is None:
            connection = http.client.HTTPConnection(self.upstream.hostname, self.upstream.port, timeout=self.timeout_seconds)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection", "keep-alive")}
            connection.request(self.command, self.path, body=body, headers=headers)
            response = connection.getresponse()
            status, headers, data = response.status, response.getheaders(), response.read()
            connection.close()
            self.upstream_headers = headers
            answer = self.after(body, status, data)
        if answer is self.HANDLED:
            self.close_connection = True
            return
        if answer is not None:
            status, headers, data = answer
        self.send_response(status)
        for key, value in headers:
            if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _relay

    def log_message(self, *args):
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def serve(handler, upstream):
    handler.upstream = urllib.parse.urlsplit(upstream)
    server = _Server(("127.0.0.1", 0), handler)
    sys.stdout.write(f"{server.server_address[1]}\n")
    sys.stdout.flush()
    server.serve_forever()
