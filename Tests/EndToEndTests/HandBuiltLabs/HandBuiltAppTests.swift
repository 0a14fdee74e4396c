import Foundation
import TestSupport
import XCTest

/// Lesson 6's app as learners write it by hand: Express 4 or 5, Bootstrap
/// from a CDN or from public/. Graded by `ecslab check web-app` from the
/// files alone, with an empty HOME.
final class HandBuiltAppTests: XCTestCase {
    struct App {
        var name: String
        var express: String
        var page: String
        var extraFiles: [String: String] = [:]
        /// What app-package and app-page must say.
        var package: String
        var pageVerdict: String
    }

    static let cdnPage = #"<link href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css" rel="stylesheet">"#
    static let localPage = #"<link href="/css/bootstrap.min.css" rel="stylesheet">"#

    static let apps = [
        App(name: "express-4-cdn", express: "^4.21.2", page: cdnPage, package: "passed", pageVerdict: "passed"),
        App(
            name: "express-5-local-bootstrap", express: "^5.1.0", page: localPage,
            extraFiles: ["public/css/bootstrap.min.css": "/*! Bootstrap  v5.3.3 */"], package: "passed", pageVerdict: "passed"),
        App(name: "express-3", express: "~3.21.2", page: cdnPage, package: "failed", pageVerdict: "skipped"),
        App(name: "no-bootstrap", express: "^4.21.2", page: "<h1>Hello</h1>", package: "passed", pageVerdict: "failed"),
    ]

    func testTheAppsFilesAreGradedWhicheverWayTheyWereWritten() async throws {
        let moto = try TestEnvironment.motoURL()
        let ecslab = try BuiltExecutable("ecslab").url
        var wrong: [String] = []
        for app in Self.apps {
            let folder = try TestEnvironment.temporaryFolder("ecslab-app-\(app.name)")
            let home = try TestEnvironment.temporaryFolder("ecslab-app-home")
            defer {
                try? FileManager.default.removeItem(at: folder)
                try? FileManager.default.removeItem(at: home)
            }
            let files = [
                "package.json": #"{"name": "web", "scripts": {"start": "node app.js"}, "dependencies": {"express": "\#(app.express)"}}"#,
                "public/index.html": "<html><head>\(app.page)</head><body></body></html>",
            ].merging(app.extraFiles) { first, _ in first }
            for (path, text) in files {
                let file = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: file, atomically: true, encoding: .utf8)
            }
            let environment = [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home.path, "NO_COLOR": "1",
                "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "ap-southeast-5",
                "AWS_ENDPOINT_URL": moto, "ECSLAB_COURSE": TestEnvironment.projectRoot.path,
            ]
            let run = try await ProcessRunner.run(
                ecslab, ["check", "web-app", "--format", "json", "--lang", "en", "--set", "app_dir=\(folder.path)"], environment: environment)
            let report = try JSONDecoder().decode(GradeReport.self, from: Data(run.stdout.utf8))
            let status = Dictionary(report.checks.map { ($0.id, $0.status) }, uniquingKeysWith: { first, _ in first })
            if status["app-package"] != app.package || status["app-page"] != app.pageVerdict {
                wrong.append("\(app.name): app-package \(status["app-package"] ?? "?") (want \(app.package)), app-page \(status["app-page"] ?? "?") (want \(app.pageVerdict))")
            }
            XCTAssertEqual(report.errors, 0, "\(app.name): \(run.stdout)")
        }
        XCTAssertEqual(wrong, [], "apps \(Self.apps.count), right verdicts \(Self.apps.count - wrong.count)")
    }
}
