/// A shape as one reference sees it: the shape plus the merged traits.
public struct ResolvedShape: Sendable {
    public var shape: Shape
    public var traits: SerializationTraits
    public var idempotencyToken: Bool

    public var type: ShapeType { shape.type }
}
