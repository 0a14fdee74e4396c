/// The kinds of shape in AWS's models.
public enum ShapeType: String, Sendable {
    case structure, list, map, string, integer, long, boolean, timestamp, blob, float, double
}
