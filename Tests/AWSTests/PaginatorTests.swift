import AWS
import Foundation
import JSON
import TestSupport
import XCTest

final class PaginatorTests: XCTestCase {
    func testPagesAreMergedAsBotocoreBuildsTheFullResult() async throws {
        let model = try XCTUnwrap(try ServiceModel.named("ec2").paginators["DescribeSubnets"])
        let pages: [String: JSON] = [
            "": ["Subnets": [["SubnetId": "s-1"]], "NextToken": "t1"],
            "t1": ["Subnets": [["SubnetId": "s-2"], ["SubnetId": "s-3"]], "NextToken": "t2"],
            "t2": ["Subnets": [], "NextToken": ""],
        ]
        var requests: [JSON] = []
        let merged = try await Paginator(model: model).fullResult(input: ["Filters": []]) { input in
            requests.append(input)
            return pages[input["NextToken"]?.stringValue ?? ""] ?? [:]
        }
        XCTAssertEqual(merged.formatted(), #"{"Subnets":[{"SubnetId":"s-1"},{"SubnetId":"s-2"},{"SubnetId":"s-3"}]}"#)
        XCTAssertEqual(requests.map(\.text), [#"{"Filters":[]}"#, #"{"Filters":[],"NextToken":"t1"}"#, #"{"Filters":[],"NextToken":"t2"}"#])
    }

    func testARepeatedTokenStopsTheLoop() async throws {
        let model = try XCTUnwrap(try ServiceModel.named("ecs").paginators["ListClusters"])
        do {
            _ = try await Paginator(model: model).fullResult(input: [:]) { _ in ["clusterArns": ["a"], "nextToken": "same"] }
            XCTFail("expected an error")
        } catch let error as PaginationError {
            XCTAssertEqual(error.message, "the service returned the same page token twice (\"same\"); stopped to avoid a loop")
        }
    }

    func testPageTokenOrSizeInTheInputMeansOnePage() throws {
        XCTAssertFalse(try AWSClient.isPaginated(service: "ec2", operation: "DescribeSubnets", input: ["MaxResults": 5]))
        XCTAssertFalse(try AWSClient.isPaginated(service: "ec2", operation: "DescribeSubnets", input: ["NextToken": "x"]))
        XCTAssertTrue(try AWSClient.isPaginated(service: "ec2", operation: "DescribeSubnets", input: [:]))
        XCTAssertFalse(try AWSClient.isPaginated(service: "ec2", operation: "DescribeVpcAttribute", input: [:]))
    }

    /// Three log groups read one per page from moto, merged into one result.
    func testPagesFromMotoAreMerged() async throws {
        let client = try MotoClient.client(try TestEnvironment.motoURL())
        let prefix = "/paging/" + UUID().uuidString.prefix(8).lowercased()
        for name in ["a", "b", "c"] {
            _ = try await client.call(service: "logs", operation: "CreateLogGroup", input: ["logGroupName": .string("\(prefix)/\(name)")])
        }
        let model = try XCTUnwrap(try ServiceModel.named("logs").paginators["DescribeLogGroups"])
        var pages = 0
        let merged = try await Paginator(model: model).fullResult(
            input: ["logGroupNamePrefix": .string(prefix), "limit": 1],
            fetch: { try await client.call(service: "logs", operation: "DescribeLogGroups", input: $0) },
            onPage: { number, _ in pages = number })
        XCTAssertEqual(pages, 3)
        XCTAssertEqual(merged["logGroups"]?.arrayValue?.compactMap { $0["logGroupName"]?.stringValue },
            ["\(prefix)/a", "\(prefix)/b", "\(prefix)/c"])
        XCTAssertEqual(merged.objectValue?.keys, ["logGroups"])
    }
}
