import AWS
import Course
import Foundation
import Terminal

extension ClassGrader {
    /// A grader for `options`' account and course: the grader's own session
    /// (the standard chain, `--profile`, `--region`, `--endpoint-url`), the
    /// course's lessons, and `lessons` checked against them.
    /// - Parameter lessons: `--lessons` as given: ids, comma-separated.
    public static func open(_ options: WorkspaceOptions, lessons: String?, jobs: Int, console: Console = .standard) throws -> ClassGrader {
        if options.sandbox {
            throw CommandFailure.usage("grade reads learners' own accounts; --sandbox has none (use --endpoint-url for a local AWS)")
        }
        let content = CourseFolder.load(options.course, console: console)
        let lessons = try chosenLessons(lessons, in: content, language: options.language)
        let endpoint = try options.endpointURL.map { try Endpoint(parsing: $0) }
        let transport = CurlTransport()
        var configuration = try options.awsConfiguration()
        let region = try configuration.requireRegion()
        configuration.region = region
        var grader: AWSSession?
        var noCredentials: CredentialsError?
        do {
            grader = try AWSSession(
                configuration: configuration, endpointOverride: endpoint, debugLog: options.debug ? .standardError() : nil, transport: transport)
        } catch let error as CredentialsError {
            // Only rows with a role_arn and no profile need the grader's own
            // credentials; `validate` says so when one does.
            noCredentials = error
        }
        var classGrader = ClassGrader(
            content: content, courseFolder: CourseFolder.locate(options.course), lessons: lessons, language: options.language, grader: grader, region: region,
            options: options, endpoint: endpoint, transport: transport,
            accountHasECSAgent: Workspace.hasECSAgent(configuration: configuration, region: region, endpoint: endpoint), jobs: jobs)
        classGrader.noCredentials = noCredentials
        return classGrader
    }

    /// `--lessons a,b` as lesson ids, each one the course has; none means every lesson.
    public static func chosenLessons(_ option: String?, in content: CourseContent, language: Language) throws -> [String] {
        let chosen = option.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
        let known = content.lessons.map(\.id)
        for lesson in chosen where !known.contains(lesson) {
            let suggestion = EditDistance.closest(to: lesson, among: known).map { TutorText.didYouMean(language, ["name": $0]) }
                ?? TutorText.knownNames(language, ["known": known.joined(separator: ", ")])
            throw CommandFailure.usage(TutorText.gradeUnknownLesson(language, ["lesson": lesson, "suggestion": suggestion]))
        }
        return chosen
    }

    /// Refuses a roster whose `var:` columns name no lesson variable, with
    /// the line of the first row: a typo there would silently grade the
    /// lesson's default name instead of the learner's.
    public func validate(_ roster: Roster) throws {
        if let noCredentials, roster.entries.contains(where: { $0.roleARN != nil && $0.profile == nil }) {
            throw noCredentials
        }
        let known = Set(content.lessons.flatMap { $0.variables.map(\.name) })
        func suggestion(_ name: String) -> String {
            EditDistance.closest(to: name, among: known).map { TutorText.didYouMean(language, ["name": $0]) }
                ?? TutorText.knownNames(language, ["known": known.sorted().joined(separator: ", ")])
        }
        if let unknown = roster.variableNames.subtracting(known).sorted().first,
            !roster.entries.contains(where: { $0.variables[unknown] != nil })
        {
            throw CommandFailure.usage(
                TutorText.gradeUnknownVariable(language, ["file": roster.file, "line": "1", "name": unknown, "suggestion": suggestion(unknown)]))
        }
        for entry in roster.entries {
            if let unknown = entry.variables.keys.sorted().first(where: { !known.contains($0) }) {
                throw CommandFailure.usage(
                    TutorText.gradeUnknownVariable(
                        language, ["file": roster.file, "line": String(entry.line), "name": unknown, "suggestion": suggestion(unknown)]))
            }
        }
    }
}
