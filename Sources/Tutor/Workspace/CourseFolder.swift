import Course
import Foundation
import Terminal

/// Where the course is, and loading it: no account is needed for either.
public enum CourseFolder {
    /// `--course`, then `ECSLAB_COURSE`, then the nearest folder holding
    /// `lessons/` above the executable (a checkout), then `share/ecslab`
    /// beside its `bin/` (an install by scripts/install), then the current one.
    public static func locate(
        _ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment, executable: URL = ExecutableFolder.url
    ) -> URL {
        if let option { return URL(fileURLWithPath: option) }
        if let variable = environment["ECSLAB_COURSE"], !variable.isEmpty { return URL(fileURLWithPath: variable) }
        func holdsLessons(_ folder: URL) -> Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("lessons").path) }
        var folder = executable
        for _ in 0..<6 {
            if holdsLessons(folder) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        let installed = executable.deletingLastPathComponent().appendingPathComponent("share/ecslab")
        if holdsLessons(installed) { return installed }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// Loads the course; a lesson file with errors is reported and left out.
    /// The errors of `naming`'s file, when it did not load, are left to the
    /// command to tell (`Workspace.lesson`), in one sentence.
    public static func load(_ option: String?, console: Console, naming lesson: String? = nil) -> CourseContent {
        let result = CourseLoader(root: locate(option)).load()
        let named = lesson.flatMap { result.content.loadProblem(ofLesson: $0) }
        for diagnostic in result.diagnostics where named.map({ $0.location.file != diagnostic.location.file }) ?? true {
            console.error("ecslab: \(diagnostic)")
        }
        return result.content
    }
}
