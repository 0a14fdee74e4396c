/// The trimmed botocore models compiled into the binary, one compact JSON
/// string per service (generated into `Sources/AWS/Generated/` by
/// `scripts/models/generate`). A string literal lives in the binary's constant
/// data, so holding all of them costs nothing until a service is first parsed.
enum ServiceModelData {}
