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

import os
import sys
import threading
import time
import urllib.parse

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), *[".."] * 4, "scripts", "lib"))
from relay_proxy import Relay, serve  # noqa: E402

MUTATING = ("Create", "Allocate", "Associate", "Attach", "Run", "Register", "Put", "Authorize", "Modify", "Tag",
            "Add", "Update", "Start")

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


class Proxy(Relay):
    timeout_seconds = 60

    def before(self, body):
        global counted
        name, rest_mutating = operation(self.command, self.path, self.headers, body)
        self.hang = None
        if is_mutating(name, rest_mutating):
            with lock:
                counted += 1
                if counted == kill_at:
                    self.hang = name
                # Every counted call on standard error, for a failure's story.
                sys.stderr.write(f"call {counted} {name}\n")
                sys.stderr.flush()
        return None

    def after(self, body, status, data):
        # AWS has made it; the answer never comes back.
        if self.hang is not None:
            sys.stdout.write(f"killed-at {kill_at} {self.hang}\n")
            sys.stdout.flush()
            while True:
                time.sleep(3600)


serve(Proxy, sys.argv[1])
