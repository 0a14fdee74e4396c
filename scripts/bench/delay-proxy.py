"""A loopback HTTP proxy that holds every request for a fixed delay before
passing it on: a far region, on this machine. scripts/bench/latency puts it in
front of the sandbox.

    python delay-proxy.py --target http://127.0.0.1:PORT [--delay-ms 100] [--timeline FILE]

Prints the port it listens on, then serves until killed. GET
/__bench/count answers how many requests it has passed on (and POST
/__bench/count sets the count back to 0), so a benchmark can tell how many
calls each way made. --timeline appends a line per request to FILE: when it
arrived and when its answer left (seconds since the epoch), and its action, to
see where a run waits.
"""

import argparse
import os
import sys
import threading
import time

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from relay_proxy import Relay, serve  # noqa: E402

COUNT_PATH = "/__bench/count"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", required=True)
    parser.add_argument("--delay-ms", type=float, default=100)
    parser.add_argument("--timeline")
    arguments = parser.parse_args()
    delay = arguments.delay_ms / 1000
    lock = threading.Lock()
    count = [0]

    class Delayed(Relay):
        protocol_version = "HTTP/1.1"

        def before(self, body):
            with lock:
                if self.path == COUNT_PATH:
                    answer = str(count[0]).encode()
                    if self.command == "POST":
                        count[0] = 0
                    return 200, [], answer
                count[0] += 1
            # The delay of a far link: the request arrives this much later.
            self.arrived = time.time()
            time.sleep(delay)
            return None

        def after(self, body, status, data):
            if arguments.timeline:
                action = self.headers.get("X-Amz-Target") or body.decode("utf-8", "replace").partition("Action=")[2].partition("&")[0]
                with lock, open(arguments.timeline, "a") as timeline:
                    timeline.write(f"{self.arrived:.3f} {time.time():.3f} {action or self.path}\n")

    serve(Delayed, arguments.target)


if __name__ == "__main__":
    main()
