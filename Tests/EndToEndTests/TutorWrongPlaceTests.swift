import Foundation
import XCTest

/// A check that finds nothing in the learner's region looks in the other
/// regions the learner has worked in, and says where the resource is.
final class TutorWrongPlaceTests: XCTestCase {
    func testACheckThatFindsNothingHereSaysWhichOtherRegionHasIt() throws {
        let osaka = try TutorFixture(region: "ap-northeast-3")
        let made = try osaka.ecslab.run(
            osaka.arguments + ["--lang", "en"], standardInput: "start feature\ndo\nquit\n", environment: osaka.environment)
        XCTAssertTrue(made.standardOutput.contains("✓ feature-vpc      The VPC exists  2/2"), made.standardOutput)

        // The learner opens the tutor again, forgetting the region.
        let paris = osaka.inRegion("eu-south-2")
        let checked = try paris.ecslab.run(
            paris.arguments + ["--lang", "en"], standardInput: "start feature\ncheck\nquit\n", environment: paris.environment)
        XCTAssertEqual(checked.status, 0, checked.standardError)
        XCTAssertTrue(checked.standardOutput.contains("✗ feature-vpc"), checked.standardOutput)
        XCTAssertTrue(
            checked.standardOutput.contains("What feature-vpc looks for is in ap-northeast-3, not in eu-south-2. Open ecslab again with --region ap-northeast-3."),
            checked.standardOutput)
        // The DNS check only runs once the VPC is found: it is not reported as elsewhere.
        XCTAssertFalse(checked.standardOutput.contains("What feature-vpc-dns looks for"), checked.standardOutput)
    }

    func testNothingIsSaidWhenTheOtherRegionsDoNotHaveItEither() throws {
        // The learner started the lesson in Melbourne, but made nothing there.
        let melbourne = try TutorFixture(region: "ap-southeast-4")
        _ = try melbourne.ecslab.run(melbourne.arguments + ["--lang", "en"], standardInput: "start feature\nquit\n", environment: melbourne.environment)
        XCTAssertTrue(FileManager.default.fileExists(atPath: melbourne.state.appendingPathComponent("ecslab/progress/123456789012-ap-southeast-4.json").path))

        let zurich = melbourne.inRegion("eu-central-2")
        let checked = try zurich.ecslab.run(
            zurich.arguments + ["--lang", "en"], standardInput: "start feature\ncheck\nquit\n", environment: zurich.environment)
        XCTAssertTrue(checked.standardOutput.contains("✗ feature-vpc"), checked.standardOutput)
        XCTAssertFalse(checked.standardOutput.contains("looks for is in"), checked.standardOutput)
    }
}
