import JSON

/// A reference from a structure member, list member or map key/value to a
/// named shape, with the traits the reference itself adds.
public struct ShapeReference: Sendable, Equatable {
    public var target: String
    public var traits: SerializationTraits
    /// botocore fills a missing idempotency token with a fresh UUID.
    public var idempotencyToken: Bool

    public init(target: String, traits: SerializationTraits = SerializationTraits(), idempotencyToken: Bool = false) {
        self.target = target
        self.traits = traits
        self.idempotencyToken = idempotencyToken
    }

    init?(_ json: JSON?) {
        guard let object = json?.objectValue, let target = object["shape"]?.stringValue else { return nil }
        self.init(
            target: target, traits: SerializationTraits(object),
            idempotencyToken: object["idempotencyToken"]?.boolValue ?? false)
    }
}
