import JSON

/// The `aws --output text` format (awscli's `text.py`): scalars of an object
/// on one tab-separated line in sorted key order, nested values on following
/// lines headed by their key in capitals; lists of objects share the union
/// of their scalar keys as columns.
enum CLITextFormatter {
    static func format(_ value: JSON) -> String {
        var output = ""
        write(value, identifier: nil, scalarKeys: nil, to: &output)
        return output
    }

    private static func write(_ value: JSON, identifier: String?, scalarKeys: [String]?, to output: inout String) {
        switch value {
        case .object(let object):
            writeObject(object, identifier: identifier, scalarKeys: scalarKeys, to: &output)
        case .array(let items):
            writeList(items, identifier: identifier, to: &output)
        default:
            output += pythonString(value) + "\n"
        }
    }

    private static func writeList(_ items: [JSON], identifier: String?, to output: inout String) {
        if items.isEmpty { return }
        if items.contains(where: { $0.objectValue != nil }) {
            let keys = allScalarKeys(items)
            for item in items { write(item, identifier: identifier, scalarKeys: keys, to: &output) }
        } else if items.contains(where: { $0.arrayValue != nil }) {
            let scalars = items.filter { $0.arrayValue == nil && $0.objectValue == nil }
            if !scalars.isEmpty { writeScalars(scalars, identifier: identifier, to: &output) }
            for item in items where item.arrayValue != nil || item.objectValue != nil {
                write(item, identifier: identifier, scalarKeys: nil, to: &output)
            }
        } else {
            writeScalars(items, identifier: identifier, to: &output)
        }
    }

    private static func writeScalars(_ items: [JSON], identifier: String?, to output: inout String) {
        if let identifier {
            for item in items { output += "\(identifier.uppercased())\t\(pythonString(item))\n" }
        } else {
            output += items.map(pythonString).joined(separator: "\t") + "\n"
        }
    }

    private static func writeObject(_ object: JSONObject, identifier: String?, scalarKeys: [String]?, to output: inout String) {
        var scalars: [String] = []
        var nested: [(String, JSON)] = []
        if let scalarKeys {
            for key in scalarKeys { scalars.append(object[key].map(pythonString) ?? "") }
            let remaining = Set(object.keys).subtracting(scalarKeys).sorted(by: utf8Order)
            for key in remaining { nested.append((key, object[key] ?? .null)) }
        } else {
            for key in object.keys.sorted(by: utf8Order) {
                let value = object[key] ?? .null
                if value.objectValue != nil || value.arrayValue != nil {
                    nested.append((key, value))
                } else {
                    scalars.append(pythonString(value))
                }
            }
        }
        if !scalars.isEmpty {
            if let identifier { scalars.insert(identifier.uppercased(), at: 0) }
            output += scalars.joined(separator: "\t") + "\n"
        }
        for (key, value) in nested { write(value, identifier: key, scalarKeys: nil, to: &output) }
    }

    private static func allScalarKeys(_ items: [JSON]) -> [String] {
        var keys = Set<String>()
        for item in items {
            for (key, value) in item.objectValue?.members ?? [] where value.objectValue == nil && value.arrayValue == nil {
                keys.insert(key)
            }
        }
        return keys.sorted(by: utf8Order)
    }

    private static func utf8Order(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Python's `str()` of a scalar, which is what the CLI writes.
    static func pythonString(_ value: JSON) -> String {
        switch value {
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .double: return value.text
        case .array, .object: return value.text
        }
    }
}
