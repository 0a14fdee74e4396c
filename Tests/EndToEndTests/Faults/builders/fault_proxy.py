"""A loopback proxy in front of a moto server that breaks a share of the
calls passing through it, the way a bad network and a busy AWS do: what a
learner on hotel Wi-Fi meets. A faulted call is chosen at random, with a
seed, at the given rate, and gets one of these, also chosen at random:

- 500, 503, throttle: an error answer in the shape of the request's
  protocol, so that ecslab reads it exactly as it reads AWS's own (EC2's
  <Response><Errors>, awsQuery's <ErrorResponse> for IAM, STS and Auto
  Scaling, JSON with x-amzn-ErrorType for ECS, ECR, Logs, SSM, the tagging
  API and EventBridge Scheduler);
- reset: the connection closed with SO_LINGER 0 (a TCP reset), no answer;
- drop: the connection closed without a word (an empty reply);
- stall: the answer comes, but slowly (a tenth of a second to one second,
  well inside ecslab's timeout of 60 s);
- truncate: upstream's answer with a Content-Length larger than what is
  sent, then the connection closed;
- hang (only when asked for with --kinds): the answer held for
  --hang-seconds, past ecslab's own timeout, then the connection closed.

Where it strikes matters for a call that changes something. Throttling is
always answered before the call reaches moto (AWS applies nothing it
throttles); truncate and hang always after moto made the change; 500, 503,
reset, drop and stall either way at random. After is the hard case: the
VPC exists, but the client saw an error, and a blind retry makes a second.

Where moto falls short of AWS on a repeated call, the proxy stands in, so
that what a test finds is ecslab's doing and not moto's:

- A call with a client token (EC2's ClientToken, ECS's clientToken,
  Scheduler's ClientToken) that AWS answered before gets that first answer
  again: AWS's idempotency, which moto does not have (a second NAT gateway).
- Some deletes moto cannot take twice: a repeated RemoveRoleFromInstanceProfile,
  DeleteScheduleGroup, DeleteCapacityProvider or DeregisterContainerInstance
  gets a 500 (a Python error) where AWS says NoSuchEntity,
  ResourceNotFoundException or ClientException; a repeated
  DeleteLaunchTemplate gets MissingParameter where AWS says
  InvalidLaunchTemplateName.NotFoundException; and moto deletes an Auto
  Scaling group at once, so a repeated DeleteAutoScalingGroup finds none,
  where on AWS the group is still being deleted. These are only ever
  faulted before they reach moto (moto 5.2.5, checked one by one).

    python fault_proxy.py UPSTREAM_URL --rate 0.1 --seed 1 --log FILE
        [--kinds 500,503,throttle,reset,drop,stall,truncate]
        [--max-in-a-row N] [--start-after N] [--hang-seconds S] [--places before|after]

--max-in-a-row N lets the same request through after N faults in a row
(the same method, path and body: a retry; moto's own server errors count
too), so that a client with N+1 attempts can always finish; without it
there is no limit (--rate 1 then fails every call). --start-after N passes the first N calls untouched.
--places before (or after) keeps to the kinds and places that strike
there, to tell the hard case apart from the rest when something fails.

Prints the port it listens on, then serves until killed. Every call is one
line in the log, flushed as it happens:

    call N SERVICE OPERATION
    fault N KIND before|after change|read SERVICE OPERATION

N numbers the calls; a fault line follows the call line of its call, and
`replay N SERVICE OPERATION` says a call got its client token's first answer.
SERVICE is the signing name from the Authorization header (ec2, iam,
autoscaling, ecs, scheduler, ...); OPERATION is the form body's Action=,
the X-Amz-Target's operation, or for rest-json the method and path.
"""

import argparse
import json
import os
import random
import re
import socket
import struct
import sys
import threading
import time
import urllib.parse
import uuid

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), *[".."] * 4, "scripts", "lib"))
from relay_proxy import Relay, serve  # noqa: E402

KINDS = ("500", "503", "throttle", "reset", "drop", "stall", "truncate")
EVERY_KIND = KINDS + ("hang",)
# Where each kind strikes a call that changes something.
PLACES = {
    "500": ("before", "after"), "503": ("before", "after"), "throttle": ("before",),
    "reset": ("before", "after"), "drop": ("before", "after"), "stall": ("before", "after"),
    "truncate": ("after",), "hang": ("after",),
}
CHANGING = ("Create", "Allocate", "Associate", "Attach", "Run", "Register", "Put", "Authorize", "Modify", "Tag",
            "Add", "Update", "Start", "Delete", "Detach", "Disassociate", "Release", "Remove", "Deregister",
            "Stop", "Terminate", "Revoke", "Replace", "Untag", "Enable", "Disable", "Set")
QUERY_SERVICES = ("iam", "sts", "autoscaling")
# Operations moto cannot take twice (see the module's documentation).
MOTO_CANNOT_REPEAT = ("RemoveRoleFromInstanceProfile", "DELETE /schedule-groups/", "DeleteCapacityProvider",
                      "DeregisterContainerInstance", "DeleteLaunchTemplate", "DeleteAutoScalingGroup")


def request_service(headers):
    """The signing name in the SigV4 credential scope: .../REGION/SERVICE/aws4_request."""
    found = re.search(r"Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request", headers.get("Authorization") or "")
    return found.group(1) if found else "unknown"


def request_protocol(service, headers, body):
    if headers.get("X-Amz-Target"):
        return "json"
    if service == "ec2":
        return "ec2"
    if service in QUERY_SERVICES or b"Action=" in body:
        return "query"
    return "rest-json"


def request_operation(command, path, headers, body):
    target = headers.get("X-Amz-Target")
    if target:
        return target.rsplit(".", 1)[-1]
    if b"Action=" in body:
        return urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("Action", ["?"])[0]
    return f"{command} {path.split('?', 1)[0]}"


def client_token(protocol, body):
    """The request's idempotency token, if it carries one."""
    try:
        if protocol in ("json", "rest-json"):
            fields = json.loads(body or b"{}")
            return fields.get("clientToken") or fields.get("ClientToken") if isinstance(fields, dict) else None
        return urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("ClientToken", [None])[0]
    except ValueError:
        return None


def is_changing(protocol, command, operation):
    if protocol == "rest-json":
        return command not in ("GET", "HEAD")
    return operation.startswith(CHANGING)


def error_answer(kind, protocol):
    """(status, headers, body) of a 500, 503 or throttling error as the
    protocol's services answer it."""
    request_id = str(uuid.uuid4())
    if protocol == "ec2":
        status, code, message = {
            "500": (500, "InternalError", "An internal error has occurred."),
            "503": (503, "Unavailable", "The server is overloaded and can't handle the request."),
            "throttle": (503, "RequestLimitExceeded", "Request limit exceeded."),
        }[kind]
        body = (f"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>{code}</Code>"
                f"<Message>{message}</Message></Error></Errors><RequestID>{request_id}</RequestID></Response>")
        return status, [("Content-Type", "text/xml;charset=UTF-8")], body.encode()
    if protocol == "query":
        status, kind_of, code, message = {
            "500": (500, "Receiver", "InternalFailure", "The request processing has failed because of an unknown error."),
            "503": (503, "Receiver", "ServiceUnavailable", "The request has failed due to a temporary failure of the server."),
            "throttle": (400, "Sender", "Throttling", "Rate exceeded"),
        }[kind]
        body = (f"<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>{kind_of}</Type>"
                f"<Code>{code}</Code><Message>{message}</Message></Error><RequestId>{request_id}</RequestId></ErrorResponse>")
        return status, [("Content-Type", "text/xml"), ("x-amzn-RequestId", request_id)], body.encode()
    status, code, message = {
        "500": (500, "InternalFailure", "The request processing has failed because of an unknown error."),
        "503": (503, "ServiceUnavailableException", "Service is unavailable, try again later."),
        "throttle": (429 if protocol == "rest-json" else 400, "ThrottlingException", "Rate exceeded"),
    }[kind]
    content_type = "application/json" if protocol == "rest-json" else "application/x-amz-json-1.1"
    body = json.dumps({"__type": code, "message": message}).encode()
    return status, [("Content-Type", content_type), ("x-amzn-ErrorType", code), ("x-amzn-RequestId", request_id)], body


class Faults:
    """What every connection's thread shares: the dice, the log and the
    count of faults in a row per request."""

    def __init__(self, arguments):
        self.rate = arguments.rate
        self.kinds = tuple(arguments.kinds)
        self.max_in_a_row = arguments.max_in_a_row
        self.start_after = arguments.start_after
        self.hang_seconds = arguments.hang_seconds
        self.places = {kind: tuple(p for p in places if arguments.places in (None, p)) for kind, places in PLACES.items()}
        self.kinds = tuple(k for k in self.kinds if self.places[k])
        if not self.kinds:
            raise SystemExit(f"none of the kinds {','.join(arguments.kinds)} strikes {arguments.places}")
        self.random = random.Random(arguments.seed)
        self.lock = threading.Lock()
        self.log = open(arguments.log, "a", encoding="utf-8")
        self.calls = 0
        self.in_a_row = {}
        self.answered = {}

    def choose(self, key, service, operation, changing):
        """(number, kind, place) for a call: kind and place are None when it passes."""
        with self.lock:
            self.calls += 1
            number = self.calls
            self.write(f"call {number} {service} {operation}")
            streak = self.in_a_row.get(key, 0)
            limited = self.max_in_a_row is not None and streak >= self.max_in_a_row
            if number <= self.start_after or limited or self.random.random() >= self.rate:
                return number, None, None
            places = self.places
            if operation.startswith(MOTO_CANNOT_REPEAT):
                places = {k: tuple(p for p in v if p == "before") for k, v in places.items()}
            kinds = tuple(k for k in self.kinds if places[k])
            if not kinds:
                return number, None, None
            kind = self.random.choice(kinds)
            place = self.random.choice(places[kind])
            self.in_a_row[key] = streak + 1
            self.write(f"fault {number} {kind} {place} {'change' if changing else 'read'} {service} {operation}")
            return number, kind, place

    def settle(self, key, status):
        """After a call that passed: moto's own server error counts as a
        fault in a row (the client retries it as one), anything else ends the row."""
        with self.lock:
            if status >= 500:
                self.in_a_row[key] = self.in_a_row.get(key, 0) + 1
            else:
                self.in_a_row.pop(key, None)

    def remember(self, token, answer):
        with self.lock:
            self.answered.setdefault(token, answer)

    def earlier_answer(self, token):
        with self.lock:
            return self.answered.get(token)

    def stall_seconds(self):
        with self.lock:
            return self.random.uniform(0.1, 1.0)

    def write(self, line):
        self.log.write(line + "\n")
        self.log.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("upstream")
    parser.add_argument("--rate", type=float, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--log", required=True)
    parser.add_argument("--kinds", type=lambda text: [k for k in text.split(",") if k], default=list(KINDS))
    parser.add_argument("--max-in-a-row", type=int, default=None)
    parser.add_argument("--start-after", type=int, default=0)
    parser.add_argument("--hang-seconds", type=float, default=65)
    parser.add_argument("--places", choices=("before", "after"), default=None)
    arguments = parser.parse_args()
    unknown = [k for k in arguments.kinds if k not in EVERY_KIND]
    if unknown or not arguments.kinds:
        parser.error(f"--kinds takes some of {','.join(EVERY_KIND)}, not {','.join(unknown) or 'nothing'}")
    faults = Faults(arguments)

    class FaultProxy(Relay):
        timeout_seconds = 60

        def before(self, body):
            service = request_service(self.headers)
            self.protocol = request_protocol(service, self.headers, body)
            operation = request_operation(self.command, self.path, self.headers, body)
            changing = is_changing(self.protocol, self.command, operation)
            self.key = (self.command, self.path, body)
            number, self.kind, self.place = faults.choose(self.key, service, operation, changing)
            token = client_token(self.protocol, body)
            self.token = (service, operation, token) if token else None
            if self.place == "before":
                return self.strike()
            earlier = self.token and faults.earlier_answer(self.token)
            if earlier:
                faults.write(f"replay {number} {service} {operation}")
                if self.place is None:
                    faults.settle(self.key, earlier[0])
                # A stall only delays the earlier answer.
                return (self.strike(*earlier) if self.place == "after" else None) or earlier
            return None

        def after(self, body, status, data):
            if self.token and 200 <= status < 300:
                faults.remember(self.token, (status, self.upstream_headers, data))
            if self.place != "after":
                if self.place is None:
                    faults.settle(self.key, status)
                return None
            return self.strike(status, self.upstream_headers, data)

        def strike(self, status=None, headers=None, data=None):
            kind = self.kind
            if kind in ("500", "503", "throttle"):
                return error_answer(kind, self.protocol)
            if kind == "reset":
                # With a zero linger time, close sends a reset, not a goodbye.
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.close_socket()
                return self.HANDLED
            if kind == "drop":
                self.close_socket()
                return self.HANDLED
            if kind == "stall":
                time.sleep(faults.stall_seconds())
                return None
            if kind == "truncate":
                self.send_response(status)
                for name, value in headers:
                    if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data) + 64))
                self.end_headers()
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                self.close_socket()
                return self.HANDLED
            if kind == "hang":
                time.sleep(faults.hang_seconds)
                self.close_socket()
                return self.HANDLED
            raise ValueError(kind)

        def close_socket(self):
            # The buffered reader holds a reference to the socket; until it
            # is closed too, close() would not really close it.
            self.rfile.close()
            self.connection.close()

        def handle_one_request(self):
            # A client gone before its answer (after a hang, say) is what
            # this proxy is for, not an error worth a traceback.
            try:
                super().handle_one_request()
            except (BrokenPipeError, ConnectionResetError, ValueError, OSError):
                self.close_connection = True

    serve(FaultProxy, arguments.upstream)


if __name__ == "__main__":
    main()
