// libFuzzer entry point for the shared config and credentials file parser,
// compiled into one module with its files from Sources/AWS/Configuration by
// scripts/fuzz/libfuzzer. Secrets in the input are lines that set
// aws_secret_access_key; none may show in an error.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let secrets = text.split(whereSeparator: \.isNewline).compactMap { line -> Substring? in
        guard let equals = line.firstIndex(of: "="), line[..<equals].contains("aws_secret_access_key") else { return nil }
        let value = line[line.index(after: equals)...].drop { $0 == " " }
        return value.count >= 8 ? value : nil
    }
    for kind in [SharedConfigFile.Kind.config, .credentials] {
        do {
            _ = try SharedConfigFile(parsing: text, kind: kind, displayPath: "~/.aws/config")
        } catch {
            let description = error.description
            precondition(!description.contains(where: \.isNewline), "not one line: \(description)")
            for secret in secrets {
                precondition(!description.contains(secret), "a secret in the error: \(description)")
            }
        }
    }
    return 0
}
