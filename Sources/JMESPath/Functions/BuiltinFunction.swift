/// The 26 functions of the JMESPath specification, resolved when an
/// expression is compiled so that an unknown name or a wrong argument count
/// is reported before any data is seen.
enum BuiltinFunction: String, CaseIterable, Sendable {
    case abs, avg, ceil, contains, floor, join, keys, length, map, max, merge, min
    case reverse, sort, sum, type, values
    case endsWith = "ends_with"
    case maxBy = "max_by"
    case minBy = "min_by"
    case notNull = "not_null"
    case sortBy = "sort_by"
    case startsWith = "starts_with"
    case toArray = "to_array"
    case toNumber = "to_number"
    case toString = "to_string"

    var signature: FunctionSignature {
        switch self {
        case .abs, .ceil, .floor: return FunctionSignature(.number)
        case .avg, .sum: return FunctionSignature(.arrayOfNumbers)
        case .contains: return FunctionSignature([.array, .string], .any)
        case .endsWith, .startsWith: return FunctionSignature(.string, .string)
        case .join: return FunctionSignature(.string, .arrayOfStrings)
        case .keys, .values: return FunctionSignature(.object)
        case .length: return FunctionSignature([.string, .array, .object])
        case .map: return FunctionSignature(.expression, .array)
        case .max, .min, .sort: return FunctionSignature([.arrayOfNumbers, .arrayOfStrings])
        case .maxBy, .minBy, .sortBy: return FunctionSignature(.array, .expression)
        case .merge: return FunctionSignature(.object, variadic: true)
        case .notNull: return FunctionSignature(.any, variadic: true)
        case .reverse: return FunctionSignature([.array, .string])
        case .toArray, .toNumber, .toString, .type: return FunctionSignature(.any)
        }
    }
}
