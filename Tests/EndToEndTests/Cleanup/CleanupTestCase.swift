import Foundation
import XCTest

/// A test with a moto server of its own (see OwnMotoServer), started before
/// each test and stopped after it, and the learners' accounts it made,
/// removed from disk after it.
class CleanupTestCase: XCTestCase {
    private(set) var server: OwnMotoServer?
    private var accounts: [LearnerAccount] = []

    override func setUpWithError() throws {
        try super.setUpWithError()
        server = try OwnMotoServer()
    }

    override func tearDown() {
        server?.stop()
        server = nil
        accounts.forEach { $0.remove() }
        accounts = []
        super.tearDown()
    }

    /// A fresh account on this test's server.
    func freshAccount() throws -> LearnerAccount {
        let server = try XCTUnwrap(server, "setUp starts the server")
        let account = try LearnerAccount.make(on: server.url)
        accounts.append(account)
        return account
    }

    /// Fails the test with everything ecslab said when it did not exit 0.
    func assertSucceeded(_ outcome: Run.Outcome, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(outcome.status, 0, "\(what) exited \(outcome.status):\n\(outcome.said.suffix(4000))", file: file, line: line)
    }
}
