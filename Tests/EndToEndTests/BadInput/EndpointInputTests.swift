import Foundation
import TestSupport
import XCTest

/// An endpoint that is down, or that is a web server rather than AWS: the
/// call is made and fails (exit 1), said in one sentence without the
/// server's markup, and the ledger and progress stay as they were.
final class EndpointInputTests: BadInputTestCase {
    func testAnEndpointThatIsDown() throws {
        let machine = try machine()
        let before = machine.stateFiles()
        let address = "127.0.0.1:\(StandInServer.closedPort())"
        let outcome = try machine.run(["do", "iam-roles", "--yes", "--endpoint-url", "http://\(address)"], environment: BadInputMachine.motoKeys())
        assertOneSentence(outcome, status: 1, mentioning: ["Could not connect to \(address): the connection was refused"])
        assertUnchanged(before, machine)
    }

    /// A web server refusing the POST with its error page, as
    /// `python -m http.server` (501) or a static site (405) does.
    func testAnEndpointThatAnswersWithAWebServersErrorPage() throws {
        let server = try StandInServer(
            status: 405, contentType: "text/html",
            body: "<!DOCTYPE html>\n<html><head><title>405 Not Allowed</title></head><body><h1>405 Not Allowed</h1><hr>nginx</body></html>\n")
        defer { server.stop() }
        let machine = try machine()
        let before = machine.stateFiles()
        let outcome = try machine.run(["do", "iam-roles", "--yes", "--endpoint-url", server.url], environment: BadInputMachine.motoKeys())
        assertOneSentence(outcome, status: 1, mentioning: ["web page (\"405 Not Allowed\")", "endpoint"])
        assertUnchanged(before, machine)
    }

    /// A web server that answers everything with its home page, 200 OK.
    func testAnEndpointThatAnswersWithAWebPage() throws {
        let server = try StandInServer(
            status: 200, contentType: "text/html",
            body: "<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>\n")
        defer { server.stop() }
        let machine = try machine()
        let before = machine.stateFiles()
        let outcome = try machine.run(["do", "iam-roles", "--yes", "--endpoint-url", server.url], environment: BadInputMachine.motoKeys())
        assertOneSentence(outcome, status: 1, mentioning: ["web page", "endpoint"])
        XCTAssertFalse(outcome.standardError.contains("retries may succeed"), "retrying a web page gets the same page: \(outcome.standardError)")
        assertUnchanged(before, machine)
    }
}
