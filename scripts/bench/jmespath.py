"""Times the compliance suite's benchmark cases with Python's jmespath (the
one the aws CLI uses) exactly as jmespath-bench times ours: the batch size is
doubled until a batch lasts 50 ms, then the median of 7 batches is taken.
Prints kind, name and nanoseconds per operation, tab-separated.

parse and full compile without jmespath's expression cache (Parser._do_parse),
as ours has none; interpret evaluates an expression compiled beforehand.
"""
import json
import os
import sys
import time

# Run as a script, this file's folder comes first on the path, and its own
# name would shadow the jmespath package.
_here = os.path.dirname(os.path.abspath(__file__))
sys.path = [entry for entry in sys.path if os.path.abspath(entry or ".") != _here]

from jmespath.parser import Parser  # noqa: E402

MINIMUM_BATCH_NS = 50_000_000
SAMPLES = 7


def measure(operation):
    batch = 1
    while True:
        elapsed = run(batch, operation)
        if elapsed >= MINIMUM_BATCH_NS or batch >= 1 << 30:
            break
        batch *= 2
    per_operation = sorted(run(batch, operation) / batch for _ in range(SAMPLES))
    return per_operation[len(per_operation) // 2]


def run(count, operation):
    start = time.perf_counter_ns()
    for _ in range(count):
        operation()
    return time.perf_counter_ns() - start


def main(path):
    with open(path, encoding="utf-8") as handle:
        groups = json.load(handle)
    for group in groups:
        given = group["given"]
        for case in group["cases"]:
            kind = case.get("bench")
            if kind is None:
                continue
            expression = case["expression"]
            name = case.get("comment", expression)
            if kind == "parse":
                nanoseconds = measure(lambda: Parser()._do_parse(expression))
            elif kind == "interpret":
                compiled = Parser()._do_parse(expression)
                nanoseconds = measure(lambda: compiled.search(given))
            else:
                nanoseconds = measure(lambda: Parser()._do_parse(expression).search(given))
            print(f"{kind}\t{name}\t{nanoseconds:.1f}", flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: jmespath.py BENCHMARKS.json")
    main(sys.argv[1])
