"""Writes the trimmed AWS service models that ecslab compiles into its binary.

Reads botocore's own models (service-2, paginators-1, waiters-2) for the
course's services from the botocore installed in the project virtualenv,
keeps every operation, shape, paginator and waiter, drops what is never used
at runtime (documentation, examples, deprecation notes), and writes one Swift
file per service under Sources/AWS/Models/ holding the compact JSON as a raw
string literal. A raw literal compiles fast and costs nothing at start-up: the
runtime parses a service's JSON only when that service is first used.

Run it through scripts/models/generate.
"""

import json
import pathlib
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
OUT = ROOT / "Sources" / "AWS" / "Models"


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


def main():
    loader = botocore.loaders.Loader()
    OUT.mkdir(parents=True, exist_ok=True)
    header = (
        "// GENERATED FILE - do not edit.\n"
        f"// Trimmed from botocore {botocore.__version__}'s models by scripts/models/generate.py.\n"
        "// To regenerate: scripts/models/generate\n"
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
        path = OUT / f"ServiceModelData+{name}.swift"
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
    (OUT / "ServiceModelData+Catalog.swift").write_text(
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
    total = sum(size for _, _, size in written)
    print(f"botocore {botocore.__version__}: {len(written)} services, {total} bytes of JSON -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
