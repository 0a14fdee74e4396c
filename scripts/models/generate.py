"""Writes the trimmed AWS service models that ecslab compiles into its binary.

Reads botocore's own models (service-2, paginators-1, waiters-2) for the
course's services from the botocore installed in the project virtualenv,
keeps every operation, shape, paginator and waiter, drops what is never used
at runtime (documentation, examples, deprecation notes), and writes one Swift
file per service under Sources/AWS/Generated/ holding the compact JSON as a raw
string literal. A raw literal compiles fast and costs nothing at start-up: the
runtime parses a service's JSON only when that service is first used.

Run it through scripts/models/generate. `--out DIR` writes somewhere else,
which the tests use to prove the committed files are exactly its output.
"""

import argparse
import json
import pathlib
import re
import sys

import botocore
import botocore.loaders

SERVICES = [
    "sts", "iam", "ec2", "ecs", "ecr", "logs", "autoscaling", "elbv2",
    "application-autoscaling", "cloudformation", "ssm",
    "resourcegroupstaggingapi", "scheduler", "servicediscovery",
]

# Some newer models list several protocols (smithy-rpc-v2-cbor first); the
# runtime speaks the ones below, so the first of these that a model lists wins.
SUPPORTED_PROTOCOLS = ["ec2", "query", "json", "rest-json"]

DROPPED_KEYS = {"documentation", "documentationUrl", "deprecatedMessage", "deprecatedSince", "examples"}

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Sources" / "AWS" / "Generated"
REQUIREMENTS = ROOT / "scripts" / "requirements.txt"
SUFFIX = ".generated.swift"


def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k not in DROPPED_KEYS}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


def choose_protocol(metadata):
    listed = metadata.get("protocols") or [metadata["protocol"]]
    for protocol in listed:
        if protocol in SUPPORTED_PROTOCOLS:
            return protocol
    raise SystemExit(f"{metadata['serviceId']}: no supported protocol in {listed}")


def swift_identifier(service):
    parts = service.replace("-", " ").split()
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


def load_optional(loader, service, kind):
    try:
        return loader.load_service_model(service, kind)
    except botocore.exceptions.UnknownServiceError:
        return {}
    except botocore.exceptions.DataNotFoundError:
        return {}


def pinned_botocore():
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"\s*botocore\s*==\s*([^\s#;]+).*", line)
        if match:
            return match.group(1)
    raise SystemExit(f"{REQUIREMENTS.relative_to(ROOT)} pins no botocore version")


def main():
    parser = argparse.ArgumentParser(description="Writes the trimmed AWS service models ecslab compiles in.")
    parser.add_argument("--out", type=pathlib.Path, default=OUT, help=f"folder to write (default {OUT.relative_to(ROOT)})")
    out = parser.parse_args().out.resolve()
    # The headers name the pinned version, so a virtualenv holding another
    # botocore must not write models that claim to come from the pin.
    pinned = pinned_botocore()
    if botocore.__version__ != pinned:
        raise SystemExit(
            f"botocore {botocore.__version__} is installed but {REQUIREMENTS.relative_to(ROOT)} pins {pinned}: "
            "run scripts/setup first")
    loader = botocore.loaders.Loader()
    out.mkdir(parents=True, exist_ok=True)
    header = (
        "// GENERATED FILE - do not edit. Written by scripts/models/generate from botocore\n"
        f"// {botocore.__version__}, the version pinned in scripts/requirements.txt: change\n"
        "// scripts/models/generate.py or the pin, then run scripts/models/generate.\n"
    )
    written = []
    for service in SERVICES:
        model = strip(loader.load_service_model(service, "service-2"))
        model["metadata"]["protocol"] = choose_protocol(model["metadata"])
        model["metadata"].pop("protocols", None)
        bundle = {
            "service": model,
            "paginators": strip(load_optional(loader, service, "paginators-1")).get("pagination", {}),
            "waiters": strip(load_optional(loader, service, "waiters-2")).get("waiters", {}),
        }
        text = json.dumps(bundle, separators=(",", ":"), ensure_ascii=False)
        hashes = "#"
        # A raw literal ends at `"#` and escapes at `\#`: use more hashes than the text has.
        while ('"' + hashes) in text or ("\\" + hashes) in text:
            hashes += "#"
        name = swift_identifier(service)
        path = out / f"ServiceModelData+{name}{SUFFIX}"
        path.write_text(
            header
            + "\nextension ServiceModelData {\n"
            + f"    static let {name}: String = {hashes}\"{text}\"{hashes}\n"
            + "}\n",
            encoding="utf-8",
        )
        written.append((service, name, len(text)))

    cases = "".join(f'        case "{s}": return Parsed.{n}\n' for s, n, _ in written)
    parsed = "".join(f'        static let {n} = ServiceModel.decode(service: "{s}", json: ServiceModelData.{n})\n' for s, n, _ in written)
    names = ", ".join(f'"{s}"' for s, _, _ in written)
    catalog = out / f"ServiceModelData+Catalog{SUFFIX}"
    catalog.write_text(
        header
        + "\nextension ServiceModelData {\n"
        + f'    static let botocoreVersion = "{botocore.__version__}"\n\n'
        + f"    static let serviceNames: [String] = [{names}]\n\n"
        + "    /// The parsed model of `service`, parsed on first use (static lets are lazy and thread-safe).\n"
        + "    static func model(for service: String) -> Result<ServiceModel, ServiceModelError>? {\n"
        + "        switch service {\n"
        + cases
        + "        default: return nil\n"
        + "        }\n"
        + "    }\n\n"
        + "    private enum Parsed {\n"
        + parsed
        + "    }\n"
        + "}\n",
        encoding="utf-8",
    )
    # A service dropped from SERVICES must not leave its old file compiled in.
    kept = {catalog.name} | {f"ServiceModelData+{name}{SUFFIX}" for _, name, _ in written}
    for stale in out.glob(f"*{SUFFIX}"):
        if stale.name not in kept:
            stale.unlink()
    total = sum(size for _, _, size in written)
    print(f"botocore {botocore.__version__}: {len(written)} services, {total} bytes of JSON -> {out}")


if __name__ == "__main__":
    sys.exit(main())
