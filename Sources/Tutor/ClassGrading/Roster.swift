import Course
import Foundation

/// The learners an instructor grades, read from a CSV or YAML file.
///
/// Everything about a row that can be checked without the lessons or AWS
/// is checked here, so a typo is reported at its line before any grading
/// starts; the `var:` names are checked against the lessons by the grader.
public struct Roster: Sendable {
    /// The path the roster was read from, as messages name it.
    public var file: String
    /// In the order of the file.
    public var entries: [RosterEntry]
    /// Every lesson variable the roster sets: its `var:` columns (even one
    /// left empty on every row) or the names under its learners' `vars:`.
    public var variableNames: Set<String>

    public init(file: String, entries: [RosterEntry], variableNames: Set<String>? = nil) {
        self.file = file
        self.entries = entries
        self.variableNames = variableNames ?? Set(entries.flatMap(\.variables.keys))
    }

    /// Reads the roster at `path`, choosing the format by its extension.
    public static func load(_ path: String) throws(RosterError) -> Roster {
        let kind = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard ["csv", "yaml", "yml"].contains(kind) else {
            throw RosterError(
                file: path,
                problem: "a roster is a .csv or a .yaml (.yml) file; "
                    + (kind.isEmpty ? "this one has no extension" : "this one is .\(kind)"))
        }
        let data: Data
        do {
            data = try InputFile.read(path, what: "a roster")
        } catch {
            switch error {
            case .missing: throw RosterError(file: path, problem: "the file does not exist")
            case .folder: throw RosterError(file: path, problem: "this is a folder, not a roster file")
            case .unreadable(_, let reason):
                throw RosterError(file: path, problem: "the file cannot be read" + (reason.map { ": \($0)" } ?? ""))
            }
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw RosterError(file: path, problem: "the file is not UTF-8 text; save it as UTF-8")
        }
        return kind == "csv" ? try parseCSV(text, file: path) : try parseYAML(text, file: path)
    }

    // MARK: CSV

    /// What a header cell names.
    private enum Column {
        case field(RosterRow.Field)
        case variable(String)
    }

    private static let knownColumns = RosterRow.Field.list + " and var:NAME"

    /// A header row of `id`, `profile` and/or `role_arn`, optionally `name`,
    /// `external_id`, `region` and `var:NAME` columns, in any order; then a
    /// row a learner.
    public static func parseCSV(_ text: String, file: String) throws(RosterError) -> Roster {
        let records = try CSVRecords.parse(text, file: file)
        guard let header = records.first else {
            throw RosterError(file: file, problem: "the file is empty; it needs a header row such as id,name,profile")
        }
        let columns = try csvColumns(header, file: file)
        var variableNames: Set<String> = []
        for case .variable(let name) in columns { variableNames.insert(name) }

        var rows: [RosterRow] = []
        for record in records.dropFirst() {
            guard record.fields.count == columns.count else {
                throw RosterError(
                    file: file, line: record.line,
                    problem: "the row has \(record.fields.count) fields but the header has \(columns.count) columns")
            }
            var row = RosterRow(line: record.line)
            for (column, text) in zip(columns, record.fields) {
                switch column {
                case .field(let field): row.set(field, text, line: record.line)
                case .variable(let name): if !text.isEmpty { row.variables[name] = text }
                }
            }
            rows.append(row)
        }
        return try roster(rows, file: file, variableNames: variableNames)
    }

    private static func csvColumns(_ header: CSVRecord, file: String) throws(RosterError) -> [Column] {
        var columns: [Column] = []
        var seen: Set<String> = []
        for (position, name) in header.fields.enumerated() {
            func problem(_ text: String) -> RosterError { RosterError(file: file, line: header.line, problem: text) }
            guard !name.isEmpty else { throw problem("column \(position + 1) of the header has no name") }
            guard seen.insert(name).inserted else { throw problem("column '\(name)' appears twice in the header") }
            if let field = RosterRow.Field(rawValue: name) {
                columns.append(.field(field))
            } else if name.hasPrefix("var:") {
                let variable = String(name.dropFirst(4))
                guard RosterRow.isVariableName(variable) else {
                    throw problem(
                        "column '\(name)': a variable name is \(RosterRow.variableNameShape)")
                }
                columns.append(.variable(variable))
            } else {
                throw problem("unknown column '\(name)'; the columns are \(knownColumns)")
            }
        }
        guard seen.contains(RosterRow.Field.id.rawValue) else {
            throw RosterError(file: file, line: header.line, problem: "the header has no id column")
        }
        guard seen.contains(RosterRow.Field.profile.rawValue) || seen.contains(RosterRow.Field.roleARN.rawValue) else {
            throw RosterError(file: file, line: header.line, problem: "the header needs a profile or a role_arn column")
        }
        return columns
    }

    // MARK: YAML

    private static let learnerKeys = Set(RosterRow.Field.allCases.map(\.rawValue) + ["vars"])
    private static let knownKeys = RosterRow.Field.list + " and vars"

    /// `learners:`, a list of mappings with the CSV's column names as keys
    /// and `vars:` a mapping of variable name to value.
    public static func parseYAML(_ text: String, file: String) throws(RosterError) -> Roster {
        let root: SourceNode
        switch YAMLSource.parse(text, file: file) {
        case .success(let node): root = node
        case .failure(let diagnostic):
            let line = diagnostic.location.line
            throw RosterError(file: file, line: line > 0 ? line : nil, problem: diagnostic.message)
        }
        guard let top = root.mapping else {
            throw RosterError(
                file: file, line: root.location.line, problem: "a roster is a mapping with a learners: list, not \(root.kindName)")
        }
        try checkKeys(top, known: ["learners"], file: file, list: "learners")
        guard let learners = root["learners"] else {
            throw RosterError(file: file, line: root.location.line, problem: "the roster has no learners: list")
        }
        // `learners:` with nothing after it is an empty scalar: no learners.
        let items = isAbsent(learners) ? [] : learners.sequence
        guard let items else {
            throw RosterError(
                file: file, line: learners.location.line, problem: "learners: should be a list, not \(learners.kindName)")
        }

        var rows: [RosterRow] = []
        for item in items {
            guard let pairs = item.mapping else {
                throw RosterError(
                    file: file, line: item.location.line, problem: "a learner should be a mapping of keys, not \(item.kindName)")
            }
            try checkKeys(pairs, known: learnerKeys, file: file, list: knownKeys)
            var row = RosterRow(line: item.location.line)
            for (key, value) in pairs {
                guard let name = key.scalar else { continue }  // checkKeys let only scalars through
                if let field = RosterRow.Field(rawValue: name) {
                    row.set(field, try scalarText(value, key: name, file: file) ?? "", line: key.location.line)
                } else {
                    row.variables = try variables(value, file: file)
                }
            }
            rows.append(row)
        }
        return try roster(rows, file: file, variableNames: nil)
    }

    /// Every key a scalar and known. (A key given twice YAMLSource has
    /// already refused, at its first use.)
    private static func checkKeys(
        _ pairs: [(key: SourceNode, value: SourceNode)], known: Set<String>, file: String, list: String
    ) throws(RosterError) {
        for (key, _) in pairs {
            guard let name = key.scalar else {
                throw RosterError(file: file, line: key.location.line, problem: "a key should be a name, not \(key.kindName)")
            }
            guard known.contains(name) else {
                throw RosterError(file: file, line: key.location.line, problem: "unknown key '\(name)'; the keys are \(list)")
            }
        }
    }

    /// A scalar's text as written, so `007` stays "007" and an account
    /// number is not read as a number; nil for an empty or null value.
    private static func scalarText(_ value: SourceNode, key: String, file: String) throws(RosterError) -> String? {
        if isAbsent(value) { return nil }
        guard let text = value.scalar else {
            throw RosterError(file: file, line: value.location.line, problem: "'\(key)' should be a text, not \(value.kindName)")
        }
        return text
    }

    /// `key:` with nothing, `~` or `null`, unquoted: YAML's way of not giving a value.
    private static func isAbsent(_ node: SourceNode) -> Bool {
        if case .scalar(let text, quoted: false) = node.value { return ["", "~", "null", "Null", "NULL"].contains(text) }
        return false
    }

    private static func variables(_ node: SourceNode, file: String) throws(RosterError) -> [String: String] {
        if isAbsent(node) { return [:] }
        guard let pairs = node.mapping else {
            throw RosterError(
                file: file, line: node.location.line,
                problem: "vars: should be a mapping of variable names to values, not \(node.kindName)")
        }
        var variables: [String: String] = [:]
        for (key, value) in pairs {
            guard let name = key.scalar, RosterRow.isVariableName(name) else {
                throw RosterError(
                    file: file, line: key.location.line,
                    problem: "'\(key.scalar ?? key.kindName)' under vars: is not a variable name: \(RosterRow.variableNameShape)")
            }
            if let text = try scalarText(value, key: name, file: file), !text.isEmpty { variables[name] = text }
        }
        return variables
    }

    // MARK: Both

    private static func roster(_ rows: [RosterRow], file: String, variableNames: Set<String>?) throws(RosterError) -> Roster {
        guard !rows.isEmpty else { throw RosterError(file: file, problem: "the roster has no learners") }
        var entries: [RosterEntry] = []
        var firstLines: [String: Int] = [:]
        for (index, row) in rows.enumerated() {
            entries.append(try row.entry(index: index, file: file, firstLines: &firstLines))
        }
        return Roster(file: file, entries: entries, variableNames: variableNames)
    }
}
