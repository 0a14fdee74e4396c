/// The comparison operators.
enum Comparator: Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
}
