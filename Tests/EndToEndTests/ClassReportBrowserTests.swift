import Course
import Foundation
import TestSupport
import XCTest

/// The class report page as a browser shows it: headless Chromium runs its
/// script, and the page it leaves (`--dump-dom`) is read back. Headless
/// Chromium cannot click, so sorting is driven through the URL fragment the
/// page honours for shared links, which the click handler shares its sort with.
final class ClassReportBrowserTests: XCTestCase {
    private let chromium = URL(fileURLWithPath: "/usr/bin/chromium")

    private func page() throws -> URL {
        let folder = try TestEnvironment.temporaryFolder("ecslab-report-page")
        let url = folder.appendingPathComponent("report.html")
        try Data(ClassHeatMapPage().render(ClassGradeFixture.grade(.en)).utf8).write(to: url)
        return url
    }

    /// Chromium with a home of its own, so it neither reads nor writes the
    /// user's profile. Its standard error is noise (D-Bus, GPU) and ignored.
    private func run(_ arguments: [String]) async throws -> String {
        try TestEnvironment.need("chromium at \(chromium.path)", FileManager.default.isExecutableFile(atPath: chromium.path))
        let home = try TestEnvironment.temporaryFolder("ecslab-chromium-home")
        defer { try? FileManager.default.removeItem(at: home) }
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(home.appendingPathComponent("profile").path)"]
        // A browser that hangs must not hang the suite: coreutils' timeout ends it.
        let timeout = URL(fileURLWithPath: "/usr/bin/timeout")
        let (program, words) = FileManager.default.isExecutableFile(atPath: timeout.path)
            ? (timeout, ["120", chromium.path] + flags + arguments) : (chromium, flags + arguments)
        let result = try await ProcessRunner.run(program, words, environment: ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
        XCTAssertEqual(result.status, 0, "chromium \(arguments.joined(separator: " ")) failed")
        return result.stdout
    }

    private func dom(_ page: URL, fragment: String = "") async throws -> String {
        try await run(["--virtual-time-budget=3000", "--dump-dom", page.absoluteString + fragment])
    }

    private func learners(_ dom: String) throws -> [String] {
        try dom.matches(of: Regex(#"<tr data-learner="([^"]*)""#)).compactMap { $0.output[1].substring.map(String.init) }
    }

    /// The opening tag and the text of the cell of `check` in `learner`'s row.
    private func cell(_ dom: String, learner: String, check: String) throws -> (tag: String, text: String) {
        let row = try XCTUnwrap(dom.firstMatch(of: try Regex(#"<tr data-learner="\#(learner)"[\s\S]*?</tr>"#))?.output[0].substring)
        let match = try XCTUnwrap(row.firstMatch(of: try Regex(#"(<td [^>]*data-check="\#(check)"[^>]*>)([^<]*)</td>"#)))
        return (String(try XCTUnwrap(match.output[1].substring)), String(try XCTUnwrap(match.output[2].substring)))
    }

    private func attribute(_ name: String, of tag: String) throws -> String? {
        tag.firstMatch(of: try Regex(#"\s\#(name)="([^"]*)""#))?.output[1].substring.map(String.init)
    }

    func testThePageShowsEveryLearnersCellsAfterItsScriptRan() async throws {
        let page = try page()
        let dom = try await dom(page)
        XCTAssertEqual(try learners(dom), ["s01", "s02", "s03"])
        XCTAssertEqual(dom.matches(of: try Regex(#"<td class="cell "#)).count, 12, "four checks for each of three learners")

        let failed = try cell(dom, learner: "s02", check: "public-subnets")
        XCTAssertEqual(try attribute("data-status", of: failed.tag), "failed")
        XCTAssertEqual(failed.text, "1.5/3")
        let title = try XCTUnwrap(try attribute("title", of: failed.tag))
        XCTAssertTrue(title.contains("Public subnets: expected 2, found 1"), title)
        XCTAssertTrue(title.contains("found: 1"), title)

        let notGraded = try cell(dom, learner: "s03", check: "vpc-exists")
        XCTAssertEqual(try attribute("data-status", of: notGraded.tag), "not-graded")
        // Chromium writes a text node's quotes as they are, its < and > escaped: text, not an element.
        XCTAssertTrue(dom.contains(#"<span class="name">Learner "Two", &lt;script&gt;alert(1)&lt;/script&gt;</span>"#), "the hostile name is text")
        XCTAssertFalse(dom.contains("<script>alert"))
        XCTAssertFalse(dom.contains(#"" aria-sort=""#), "no header is marked sorted without a fragment")
    }

    func testTheFragmentSortsTheRowsAndMarksTheSortedColumn() async throws {
        let page = try page()
        let ascending = try await dom(page, fragment: "#sort=total-asc")
        // The learner not graded has no total and stays last either way.
        XCTAssertEqual(try learners(ascending), ["s02", "s01", "s03"])
        XCTAssertTrue(ascending.contains(#"data-sort="total" aria-sort="ascending""#), "the sorted header says so")

        let byLearner = try await dom(page, fragment: "#sort=learner-desc")
        XCTAssertEqual(try learners(byLearner), ["s03", "s02", "s01"])
        XCTAssertTrue(byLearner.contains(#"data-sort="learner" aria-sort="descending""#))

        let byCheck = try await dom(page, fragment: "#sort=check%3Apublic-subnets-asc")
        XCTAssertEqual(try learners(byCheck), ["s02", "s01", "s03"])
    }

    func testAScreenshotOfThePageIsAPicture() async throws {
        let page = try page()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-report-screenshot")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("report.png").path
        try? FileManager.default.removeItem(atPath: path)
        _ = try await run(["--screenshot=\(path)", "--window-size=1400,900", "--hide-scrollbars", page.absoluteString])
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        XCTAssertGreaterThan(data.count, 5_000, "more than a blank page")
        print("report screenshot: \(path)")
    }
}
