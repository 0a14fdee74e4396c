import JMESPath
import JSON
import XCTest

/// Compile once, evaluate many times, from many threads.
final class JMESPathExpressionTests: XCTestCase {
    func testACompiledExpressionEvaluatesManyDocuments() throws {
        let expression = try JMESPathExpression("clusters[?status == 'ACTIVE'].clusterName")
        XCTAssertEqual(expression.text, "clusters[?status == 'ACTIVE'].clusterName")
        XCTAssertEqual(expression.description, expression.text)
        for count in 0..<50 {
            let clusters = (0..<count).map { index -> JSON in
                ["clusterName": .string("c\(index)"), "status": index.isMultiple(of: 2) ? "ACTIVE" : "INACTIVE"]
            }
            let result = try expression.evaluate(["clusters": .array(clusters)])
            XCTAssertEqual(result, .array(stride(from: 0, to: count, by: 2).map { .string("c\($0)") }))
        }
    }

    func testOneExpressionEvaluatesConcurrently() async throws {
        let expression = try JMESPathExpression("let $n = length(items) in items[*].[@, $n] | sort_by(@, &[0])[-1]")
        let results = await withTaskGroup(of: (Int, JSON?).self) { group in
            for task in 1...32 {
                group.addTask {
                    let items = JSON.array((0..<task).map { JSON.integer(task - 1 - $0) })
                    return (task, try? expression.evaluate(["items": items]))
                }
            }
            var collected: [Int: JSON?] = [:]
            for await (task, result) in group { collected[task] = result }
            return collected
        }
        XCTAssertEqual(results.count, 32)
        for (task, result) in results {
            XCTAssertEqual(result, [JSON.integer(task - 1), JSON.integer(task)], "task \(task)")
        }
    }

    func testSearchCompilesAndEvaluatesInOneStep() throws {
        XCTAssertEqual(try JSON(parsing: #"{"a": {"b": [1, 2]}}"#).search("a.b[-1]"), 2)
        XCTAssertThrowsError(try JSON.null.search("a.")) { error in
            XCTAssertEqual((error as? JMESPathError)?.kind, .syntax)
        }
    }

    func testExplicitNullsAreValues() throws {
        let document = try JSON(parsing: #"{"a": null, "b": [null, 1]}"#)
        XCTAssertEqual(try document.search("a"), .null)
        XCTAssertEqual(try document.search("b[*]"), [1])
        XCTAssertEqual(try document.search("b[0]"), .null)
        XCTAssertEqual(try document.search("{a: a}"), ["a": .null])
        XCTAssertEqual(try document.search("[a]"), [.null])
    }
}
