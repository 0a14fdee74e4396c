import Course

/// Every problem in a course's lesson and check files, with file, line and
/// column, in the shape editors understand. It needs no account.
public enum CourseLint {
    public struct Report: Sendable {
        public var lines: [String]
        public var passed: Bool
    }

    public static func run(_ folder: String?) -> Report {
        let loaded = CourseLoader(root: CourseFolder.locate(folder)).load()
        let diagnostics = loaded.diagnostics + CourseLinter(catalog: ModelCatalog()).lint(loaded.content)
        var lines = diagnostics.map(\.description)
        if diagnostics.isEmpty {
            lines.append("lint: \(loaded.content.lessons.count) lessons and \(loaded.content.checks.count) checks, no problems")
        } else {
            lines.append("lint: \(diagnostics.count) problems")
        }
        return Report(lines: lines, passed: diagnostics.isEmpty)
    }
}
