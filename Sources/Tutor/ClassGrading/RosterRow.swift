import AWS

/// One learner as written in a roster, CSV row or YAML item alike, before
/// it is checked: so both formats are held to the same rules and say the
/// same things when one is broken.
struct RosterRow {
    /// The learner's fields: CSV column names and YAML keys are the same words.
    enum Field: String, CaseIterable {
        case id, name, profile
        case roleARN = "role_arn"
        case externalID = "external_id"
        case region

        /// "id, name, profile, role_arn, external_id, region", for messages.
        static let list = allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// Where the row or item starts.
    var line: Int
    /// The non-empty values, each with the line it is on (a YAML key's own
    /// line; a CSV row's start), so a complaint points at the value.
    var values: [Field: (text: String, line: Int)] = [:]
    /// Name to value, empty values already left out.
    var variables: [String: String] = [:]

    init(line: Int) {
        self.line = line
    }

    /// Keeps `text` unless it is empty: an empty cell means "not given".
    mutating func set(_ field: Field, _ text: String, line: Int) {
        if !text.isEmpty { values[field] = (text, line) }
    }

    /// The variable name shape lessons use; the grader checks the names
    /// against the lessons themselves.
    static func isVariableName(_ name: String) -> Bool {
        name.wholeMatch(of: /[a-z_][a-z0-9_]*/) != nil
    }

    static let variableNameShape = "lowercase letters, digits and '_', not starting with a digit"

    /// The checked entry. `firstLines` holds the line each id was first
    /// used on, across the rows checked so far.
    func entry(index: Int, file: String, firstLines: inout [String: Int]) throws(RosterError) -> RosterEntry {
        guard let (id, idLine) = values[.id] else {
            throw RosterError(file: file, line: line, problem: "the row has no id")
        }
        // The grader writes `<id>.json` for each learner, so an id must not
        // climb out of the folder (`/`, `..`) or make a hidden file (`.x`).
        guard id.wholeMatch(of: /[A-Za-z0-9][A-Za-z0-9._-]{0,63}/) != nil else {
            throw RosterError(
                file: file, line: idLine,
                problem: "id '\(id)' cannot be a file name: use letters, digits, '.', '_' and '-', "
                    + "starting with a letter or digit, at most 64 characters")
        }
        if let first = firstLines[id] {
            throw RosterError(file: file, line: idLine, problem: "id \(id) is used again; it was first used on line \(first)")
        }
        firstLines[id] = line

        let profile = values[.profile]?.text
        let access: RosterEntry.Access
        if let (arn, arnLine) = values[.roleARN] {
            guard arn.wholeMatch(of: /arn:aws[-a-z]*:iam::[0-9]{12}:role\/([A-Za-z0-9_+=,.@-]+\/)*[A-Za-z0-9_+=,.@-]+/) != nil
            else {
                throw RosterError(
                    file: file, line: arnLine,
                    problem: "row \(id): role_arn '\(arn)' is not a role ARN like arn:aws:iam::123456789012:role/ecslab-grader")
            }
            access = .role(arn: arn, externalID: values[.externalID]?.text, sourceProfile: profile)
        } else if let profile {
            if let (_, externalLine) = values[.externalID] {
                throw RosterError(
                    file: file, line: externalLine, problem: "row \(id): external_id is only used with a role_arn, and it has none")
            }
            access = .profile(profile)
        } else {
            throw RosterError(file: file, line: line, problem: "row \(id) needs a profile or a role_arn")
        }

        let region = values[.region]
        if let (region, regionLine) = region,
            !RegionName.isWellFormed(region)
        {
            throw RosterError(
                file: file, line: regionLine, problem: "row \(id): region '\(region)' is not an AWS region like eu-west-1")
        }
        return RosterEntry(
            id: id, name: values[.name]?.text ?? id, access: access, region: region?.text, variables: variables,
            line: line, index: index)
    }
}
