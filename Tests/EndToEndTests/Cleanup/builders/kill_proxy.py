"""A loopback proxy in front of a moto server that passes every request on
and counts the calls that change something. The Nth such call is passed on
too, so AWS holds whatever it made, but its answer never comes back: the
proxy prints one line and holds the connection, and the test kills ecslab
right then. That is a learner's laptop dying at the worst moment of that
call, N = 1, 2, ... for every call a lesson makes.

    python kill_proxy.py UPSTREAM_URL N

Prints the port it listens on, then, at the Nth changing call,
`killed-at N OPERATION` (one line, flushed), and hangs that request. Each
counted call is written to standard error as `call K OPERATION`.

A call counts when its operation starts with one of MUTATING: the
operation is the form body's `Action=` for the query protocols (EC2, IAM,
Auto Scaling, STS), the `X-Amz-Target` header for the JSON ones (ECS, ECR,
Logs, SSM), and for rest-json (EventBridge Scheduler) a POST, PUT or PATCH,
named by its method and path. Reads, and the deletes that a lesson's own
undo makes, pass uncounted: the test is about what a crash leaves behind.
"""

import http.client
import http.server
import socketserver
import sys
import threading
import time
import urllib.parse

MUTATING = ("Create", "Allocate", "Associate", "Attach", "Run", "Register", "Put", "Authorize", "Modify", "Tag",
            "Add", "Update", "Start")

upstream = urllib.parse.urlparse(sys.argv[1])
kill_at = int(sys.argv[2])
lock = threading.Lock()
counted = 0


def operation(command, path, headers, body):
    target = headers.get("X-Amz-Target")
    if target:
        return target.rsplit(".", 1)[-1], None
    if b"Action=" in body:
        action = urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("Action", [""])[0]
        return action, None
    # rest-json: the method says whether it changes something.
    return f"{command} {path.split('?', 1)[0]}", command in ("POST", "PUT", "PATCH")


def is_mutating(name, rest_mutating):
    if rest_mutating is not None:
        return rest_mutating
    return name.startswith(MUTATING)


class Proxy(http.server.BaseHTTPRequestHandler):
    def _relay(self):
        global counted
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        name, rest_mutating = operation(self.command, self.path, self.headers, body)
        hang = False
        if is_mutating(name, rest_mutating):
            with lock:
                counted += 1
                hang = counted == kill_at
                # Every counted call on standard error, for a failure's story.
                sys.stderr.write(f"call {counted} {name}\n")
                sys.stderr.flush()
        connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=60)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        connection.request(self.command, self.path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        if hang:
            sys.stdout.write(f"killed-at {kill_at} {name}\n")
            sys.stdout.flush()
            while True:
                time.sleep(3600)
        self.send_response(response.status)
        for key, value in response.getheaders():
            if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _relay

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Proxy)
sys.stdout.write(f"{server.server_address[1]}\n")
sys.stdout.flush()
server.serve_forever()
