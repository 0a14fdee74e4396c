import AWS
import XCTest

final class ARNTests: XCTestCase {
    func testParts() throws {
        let vpc = try XCTUnwrap(ARN("arn:aws:ec2:ap-northeast-1:123456789012:vpc/vpc-0a1b"))
        XCTAssertEqual(vpc.service, "ec2")
        XCTAssertEqual(vpc.account, "123456789012")
        XCTAssertEqual(vpc.resource, "vpc/vpc-0a1b")
        XCTAssertEqual(vpc.lastName, "vpc-0a1b")
        XCTAssertEqual(ARN("arn:aws:sts::123456789012:assumed-role/learner/session-1")?.lastName, "session-1")
        XCTAssertEqual(ARN("arn:aws:logs:us-east-1:1:log-group:/ecslab/x:*")?.resource, "log-group:/ecslab/x:*")
        XCTAssertNil(ARN("vpc-0a1b"))
    }
}
