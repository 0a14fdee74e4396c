"""The boto3 side of scripts/bench/latency: replays the calls `ecslab check
all --trace FILE` made, one after another, as a Python checker would make
them, after the GetCallerIdentity that ecslab also makes first. Credentials
and region come from the environment, as boto3 takes them.

    python check-boto3.py --endpoint URL --trace trace.jsonl

Prints one JSON line: {"calls": N, "sts": 1, "errors": N}.
"""

import argparse
import json
import os
import sys

import boto3

# Last on the path: this folder's jmespath.py must not hide the package (hence -P).
sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from trace_replay import TraceReplayer  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--trace", required=True)
    arguments = parser.parse_args()
    with open(arguments.trace) as file:
        calls = [json.loads(line) for line in file if line.strip()]
    session = boto3.Session()
    session.client("sts", endpoint_url=arguments.endpoint).get_caller_identity()
    replayer = TraceReplayer()
    replayer.replay(session, arguments.endpoint, calls)
    print(json.dumps({"calls": replayer.calls, "sts": 1, "errors": replayer.errors}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
