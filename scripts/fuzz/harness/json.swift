// libFuzzer entry point for the JSON parser, compiled into one module with
// Sources/JSON by scripts/fuzz/libfuzzer. A failed property is a crash, which
// libFuzzer saves as crash-<hash> and prints the input of.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let value = try JSON(parsing: bytes)
        precondition(String(validating: bytes, as: UTF8.self) != nil, "accepted invalid UTF-8")
        for format in [JSONFormat.compact, .awsCLI] {
            let printed = value.formatted(format)
            guard let again = try? JSON(parsing: printed), again == value else {
                preconditionFailure("does not print and parse back: \(printed)")
            }
        }
    } catch {
        precondition(error.line >= 1 && error.column >= 1 && error.offset <= size, "bad position: \(error)")
        precondition(!error.description.contains(where: \.isNewline), "not one line: \(error)")
    }
    return 0
}
