// libFuzzer entry point for the XML reader of AWS responses, compiled into one
// module with Sources/AWS/XML by scripts/fuzz/libfuzzer. A failed property is
// a crash, which libFuzzer saves as crash-<hash>.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let root = try XMLElement(parsing: bytes)
        _ = root.descendant("Errors", "Error")?.text(at: "Code")
    } catch {
        precondition(error.line >= 1 && error.column >= 1 && error.offset <= size, "bad position: \(error)")
        precondition(!error.description.contains(where: \.isNewline), "not one line: \(error)")
        precondition(error.description.count < 1000, "too long: \(error.description.prefix(200))")
    }
    return 0
}
