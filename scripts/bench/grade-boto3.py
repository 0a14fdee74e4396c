"""The boto3 side of scripts/bench/grade: replays the calls `ecslab grade
--jobs 1 --trace FILE` made, one learner after another, the way a Python
grading script would make them.

    python grade-boto3.py --endpoint URL --roster roster.csv --grader grader.json --trace t1.jsonl [--region R]

Per learner: AssumeRole into the roster's role_arn with the grader's keys and
the row's external id, GetCallerIdentity, then every traced call of that
learner in order, with boto3's paginator when the trace says `paginate`.
The trace leaves out STS, so both are made here as ecslab made them.
Prints one JSON line: {"learners": N, "calls": N, "sts": N, "errors": N}:
calls counts the requests the traced calls took (each page one), sts the
AssumeRole and GetCallerIdentity requests besides.
"""

import argparse
import csv
import json
import os
import sys
from collections import OrderedDict

import boto3
import botocore.exceptions

# Last on the path: this folder's jmespath.py must not hide the package (hence -P).
sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from trace_replay import TraceReplayer  # noqa: E402


class Replayer(TraceReplayer):
    def __init__(self, endpoint, grader, region):
        super().__init__()
        self.endpoint = endpoint
        self.region = region
        self.sts = boto3.client("sts", endpoint_url=endpoint, region_name=region,
                                aws_access_key_id=grader["AccessKeyId"], aws_secret_access_key=grader["SecretAccessKey"])
        self.sts_calls = 0

    def learner(self, row, calls):
        region = row["region"] or self.region
        self.sts_calls += 1
        try:
            keys = self.sts.assume_role(RoleArn=row["role_arn"], RoleSessionName="ecslab-grader",
                                        ExternalId=row["external_id"])["Credentials"]
        except botocore.exceptions.ClientError:
            # Not graded, as ecslab does not grade them either.
            self.errors += 1
            return
        session = boto3.Session(aws_access_key_id=keys["AccessKeyId"], aws_secret_access_key=keys["SecretAccessKey"],
                                aws_session_token=keys["SessionToken"], region_name=region)
        self.sts_calls += 1
        session.client("sts", endpoint_url=self.endpoint).get_caller_identity()
        self.replay(session, self.endpoint, calls)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--roster", required=True)
    parser.add_argument("--grader", required=True, help="grader.json: the grader's access key")
    parser.add_argument("--trace", required=True, help="the trace of `ecslab grade --jobs 1`")
    parser.add_argument("--region", default="ap-northeast-1")
    arguments = parser.parse_args()

    with open(arguments.grader) as file:
        grader = json.load(file)
    with open(arguments.roster, newline="") as file:
        rows = list(csv.DictReader(file))
    traced = OrderedDict((row["id"], []) for row in rows)
    with open(arguments.trace) as file:
        for line in file:
            if line.strip():
                call = json.loads(line)
                traced.setdefault(call["learner"], []).append(call)

    replayer = Replayer(arguments.endpoint, grader, arguments.region)
    for row in rows:
        replayer.learner(row, traced[row["id"]])
    print(json.dumps({"learners": len(rows), "calls": replayer.calls, "sts": replayer.sts_calls, "errors": replayer.errors}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
