import JSON
import Synchronization

/// A model's operations or shapes by name, each built from its JSON the first
/// time it is asked for and kept from then on. Every name is known at once;
/// a run builds only the few dozen entries its calls reach.
public final class ModelTable<Value: Sendable>: Sendable {
    public typealias Build = @Sendable (_ name: String, _ json: JSONObject) throws(ServiceModelError) -> Value

    /// Every name, in model order.
    public let keys: [String]
    private let text: JSONObjectText
    private let what: String
    private let build: Build
    private let built = Mutex<[String: Value]>([:])

    init(_ text: JSONObjectText, of what: String, build: @escaping Build) {
        self.text = text
        self.keys = text.keys
        self.what = what
        self.build = build
    }

    public var count: Int { keys.count }

    public func contains(_ name: String) -> Bool {
        text.contains(name)
    }

    /// The entry `name`; nil when the model has none, and an error when its
    /// JSON cannot be built into one.
    public func value(_ name: String) throws(ServiceModelError) -> Value? {
        if let value = built.withLock({ $0[name] }) { return value }
        let json: JSON?
        do {
            json = try text.value(name)
        } catch {
            throw ServiceModelError(message: "the compiled-in \(what) \(name) is not JSON: \(error)")
        }
        guard let json else { return nil }
        guard let object = json.objectValue else {
            throw ServiceModelError(message: "the compiled-in \(what) \(name) is not an object")
        }
        let value = try build(name, object)
        built.withLock { $0[name] = value }
        return value
    }

    /// The entry `name`, or nil when there is none or it cannot be built.
    public subscript(name: String) -> Value? {
        try? value(name)
    }
}
