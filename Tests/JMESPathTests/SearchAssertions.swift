import JMESPath
import JSON
import XCTest

/// Evaluates `expression` over the JSON text `document` and compares the
/// result with the JSON text `expected`, as text with sorted keys, so that an
/// integer never passes for a double and an explicit null must be there.
func assertSearch(
    _ expression: String, _ document: String, gives expected: String,
    variables: [String: JSON] = [:], file: StaticString = #filePath, line: UInt = #line
) {
    do {
        let input = try JSON(parsing: document)
        let wanted = try JSON(parsing: expected)
        let actual = try JMESPathExpression(expression).evaluate(input, variables: variables)
        let format = JSONFormat(sortKeys: true)
        XCTAssertEqual(actual.formatted(format), wanted.formatted(format), expression, file: file, line: line)
    } catch {
        XCTFail("\(expression): \(error)", file: file, line: line)
    }
}

/// Asserts that compiling or evaluating `expression` fails with `kind`, and
/// returns the error for further checks.
@discardableResult
func assertSearchFails(
    _ expression: String, _ document: String = "{}", kind: JMESPathError.Kind,
    file: StaticString = #filePath, line: UInt = #line
) -> JMESPathError? {
    let input: JSON
    do {
        input = try JSON(parsing: document)
    } catch {
        XCTFail("the test document is not JSON: \(error)", file: file, line: line)
        return nil
    }
    do {
        let result = try JMESPathExpression(expression).evaluate(input)
        XCTFail("\(expression): expected a \(kind.rawValue) error, got \(result)", file: file, line: line)
        return nil
    } catch {
        XCTAssertEqual(error.kind, kind, "\(expression): \(error)", file: file, line: line)
        return error
    }
}
