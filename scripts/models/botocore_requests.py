"""Builds requests with botocore's own serializer, for ecslab's wire-parity tests.

Reads a JSON list of {"service", "operation", "params"} on stdin and writes a
JSON list of {"method", "path", "query", "headers", "body"} (or {"error"}) to
the file named by the first argument. Nothing is sent: a before-send hook
captures each request and stops it. Run by Tests/AWSTests/Parity at test time.
"""

import json
import sys
from urllib.parse import urlsplit

import botocore.session


class Captured(Exception):
    def __init__(self, request):
        self.request = request


def capture(request, **kwargs):
    raise Captured(request)


def main():
    cases = json.load(sys.stdin)
    session = botocore.session.get_session()
    session.set_credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    clients = {}
    results = []
    for case in cases:
        service = case["service"]
        if service not in clients:
            client = session.create_client(
                service, region_name="us-east-1", endpoint_url="http://127.0.0.1:9"
            )
            client.meta.events.register_first("before-send", capture)
            clients[service] = client
        client = clients[service]
        method = getattr(client, botocore.xform_name(case["operation"]))
        try:
            method(**case["params"])
            results.append({"error": "the request was not captured"})
        except Captured as captured:
            request = captured.request
            url = urlsplit(request.url)
            body = request.body or b""
            if hasattr(body, "read"):
                body = body.read()
            if isinstance(body, bytes):
                body = body.decode("utf-8")
            results.append(
                {
                    "method": request.method,
                    "host": url.hostname,
                    "path": url.path,
                    "query": url.query,
                    "headers": {k: (v.decode() if isinstance(v, bytes) else v) for k, v in request.headers.items()},
                    "body": body,
                    "protocol": client.meta.service_model.resolved_protocol
                    if hasattr(client.meta.service_model, "resolved_protocol")
                    else client.meta.service_model.protocol,
                }
            )
        except Exception as error:  # a case botocore rejects is reported, not fatal
            results.append({"error": f"{type(error).__name__}: {error}"})
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(results, out)


if __name__ == "__main__":
    main()
