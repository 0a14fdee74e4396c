@testable import Course
import XCTest

/// The hand-written scan for `$name` in a JMESPath expression finds what the
/// two regular expressions it replaced found: quoted text blanked out, then
/// every `$name` left. (They removed quoted text outright, which could join
/// `$a""b` into a name `$ab` that is not in the expression.)
final class ExpressionVariablesTests: XCTestCase {
    func testNamesOutsideQuotesAreFoundAndNamesInsideAreNot() {
        XCTAssertEqual(names("Vpcs[?VpcId == $vpc_id] | [0].CidrBlock"), ["vpc_id"])
        XCTAssertEqual(names("a[?b == '$not' && c == `\"$lit\"` && \"$quoted\" == $yes]"), ["yes"])
        XCTAssertEqual(names("let $x = `1` in $x.$y"), ["x", "x", "y"])
        XCTAssertEqual(names("'it\\'s $hidden' || $_shown2"), ["_shown2"])
        XCTAssertEqual(names("$1 || $ || $a-b"), ["a"])
        XCTAssertEqual(names("'unclosed $seen"), ["seen"])
        XCTAssertEqual(names("名前[?x == $名] || $ok"), ["ok"])
    }

    func testRandomExpressionsAgreeWithTheRegularExpressions() {
        var state: UInt64 = 0x5EED
        let alphabet = Array("$$$ab_Z09'`\"\\ .[]?=|名")
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(next(&state) % 24) { text.append(alphabet[Int(next(&state) % UInt64(alphabet.count))]) }
            XCTAssertEqual(names(text), regexNames(text), text)
        }
    }

    private func names(_ expression: String) -> [String] {
        Assertion.expressionVariables(expression).map(\.name)
    }

    private func regexNames(_ expression: String) -> [String] {
        let code = expression.replacing(/'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*"/, with: " ")
        return code.matches(of: /\$([A-Za-z_][A-Za-z0-9_]*)/).map { String($0.1) }
    }

    private func next(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
