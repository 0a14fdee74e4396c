"""A loopback proxy in front of a moto server that passes every request on,
except that after forwarding one whose form body names HANG_ACTION it never
answers: the resource exists, but the caller never hears of it. Used to kill
ecslab between a create call's intent and its result."""
import os
import sys
import time

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), *[".."] * 4, "scripts", "lib"))
from relay_proxy import Relay, serve  # noqa: E402

hang_action = sys.argv[2].encode()


class Proxy(Relay):
    timeout_seconds = 30

    def after(self, body, status, data):
        if b"Action=" + hang_action + b"&" in body + b"&":
            sys.stdout.write("hanging\n")
            sys.stdout.flush()
            while True:
                time.sleep(3600)


serve(Proxy, sys.argv[1])
