import JMESPath
import JSON
import XCTest

/// What the compliance suite leaves open about the built-in functions and
/// operators, pinned to what the aws CLI's JMESPath (Python) does.
final class FunctionBehaviourTests: XCTestCase {
    func testNumbersKeepTheirKind() {
        assertSearch("sum(@)", "[1, 2, 3]", gives: "6")
        assertSearch("sum(@)", "[1, 2.5]", gives: "3.5")
        assertSearch("sum(@)", "[]", gives: "0")
        assertSearch("avg(@)", "[1, 2]", gives: "1.5")
        assertSearch("avg(@)", "[2, 2]", gives: "2.0")
        assertSearch("avg(@)", "[]", gives: "null")
        assertSearch("ceil(`1.2`)", "{}", gives: "2")
        assertSearch("floor(`-1.2`)", "{}", gives: "-2")
        assertSearch("floor(`3`)", "{}", gives: "3")
        assertSearch("abs(`-2.5`)", "{}", gives: "2.5")
    }

    func testIntegerOverflowBecomesADoubleInsteadOfTrapping() {
        assertSearch("sum(@)", "[9223372036854775807, 1]", gives: "9.223372036854776e+18")
        assertSearch("abs(@)", "-9223372036854775808", gives: "9.223372036854776e+18")
        assertSearch("ceil(@)", "1e300", gives: "1e+300")
    }

    func testStringsCompareByCodePoints() {
        assertSearch("'a' < 'b'", "{}", gives: "true")
        assertSearch("'Z' < 'a'", "{}", gives: "true")
        assertSearch("'2024-01-02T00:00:00Z' >= '2024-01-01T00:00:00Z'", "{}", gives: "true")
        assertSearch("'\u{E9}' > 'z'", "{}", gives: "true")
        assertSearch("'a' < `1`", "{}", gives: "null")
        assertSearch("`true` < `false`", "{}", gives: "null")
        assertSearch("sort(@)", #"["b", "B", "a", "\u00e9", "A"]"#, gives: #"["A", "B", "a", "b", "\u00e9"]"#)
        assertSearch("max(@)", #"["apple", "pear", "fig"]"#, gives: #""pear""#)
        // Canonically equivalent but different code points are different strings.
        assertSearch("'e\u{301}' == '\u{E9}'", "{}", gives: "false")
        assertSearch("starts_with('e\u{301}x', 'e')", "{}", gives: "true")
    }

    func testStringFunctionsCountCodePoints() {
        assertSearch("length('h\u{E9}llo')", "{}", gives: "5")
        assertSearch("length('\u{1F600}')", "{}", gives: "1")
        assertSearch("reverse('ab\u{1F600}')", "{}", gives: #""\ud83d\ude00ba""#)
        assertSearch("contains('ecs-cluster', 'cluster')", "{}", gives: "true")
        assertSearch("contains('ecs', '')", "{}", gives: "true")
        assertSearch("contains('ecs', `1`)", "{}", gives: "false")
        assertSearch("ends_with('task.json', '.json')", "{}", gives: "true")
        assertSearch("ends_with('a', 'ba')", "{}", gives: "false")
    }

    func testSortingIsStableAndTiesGoToTheFirst() {
        assertSearch("sort(@)", "[1.0, 1, 0]", gives: "[0, 1.0, 1]")
        assertSearch(
            "sort_by(@, &n)[*].id", #"[{"n": 2, "id": "a"}, {"n": 1, "id": "b"}, {"n": 2, "id": "c"}, {"n": 1, "id": "d"}]"#,
            gives: #"["b", "d", "a", "c"]"#)
        assertSearch("max_by(@, &n).id", #"[{"n": 2, "id": "a"}, {"n": 2, "id": "b"}]"#, gives: #""a""#)
        assertSearch("min_by(@, &n).id", #"[{"n": 1, "id": "a"}, {"n": 1, "id": "b"}]"#, gives: #""a""#)
        assertSearch("min_by(@, &n)", "[]", gives: "null")
        assertSearch("sort_by(@, &n)", "[]", gives: "[]")
    }

    func testConversions() {
        assertSearch("to_number(' 12 ')", "{}", gives: "12")
        assertSearch("to_number('-1.5')", "{}", gives: "-1.5")
        assertSearch("to_number('1e3')", "{}", gives: "1000.0")
        assertSearch("to_number('0x10')", "{}", gives: "null")
        assertSearch("to_number('12abc')", "{}", gives: "null")
        assertSearch("to_number('')", "{}", gives: "null")
        assertSearch("to_number(`true`)", "{}", gives: "null")
        assertSearch("to_number('99999999999999999999')", "{}", gives: "1e+20")
        assertSearch("to_string(@)", #"{"a": [1, 2.5, null], "b": "\u262f"}"#, gives: #""{\"a\":[1,2.5,null],\"b\":\"\\u262f\"}""#)
        assertSearch("to_string(@)", #"["\ud83d\ude00"]"#, gives: #""[\"\\ud83d\\ude00\"]""#)
        assertSearch("to_string('x')", "{}", gives: #""x""#)
        assertSearch("to_array(`1`)", "{}", gives: "[1]")
        assertSearch("type(@)", "1.5", gives: #""number""#)
    }

    func testObjectFunctionsKeepKeyOrder() throws {
        let merged = try JSON(parsing: #"{"b": 1, "a": 2}"#).search(#"merge(@, `{"c": 3, "b": 4}`)"#)
        XCTAssertEqual(merged.formatted(.compact), #"{"b":4,"a":2,"c":3}"#)
        let keys = try JSON(parsing: #"{"z": 1, "a": 2}"#).search("keys(@)")
        XCTAssertEqual(keys.formatted(.compact), #"["z","a"]"#)
        assertSearch("merge(`{}`)", "{}", gives: "{}")
    }

    func testLegacyUnquotedLiteralsAreStrings() {
        // AWS's own documentation writes filters this way.
        assertSearch("Reservations[].Instances[?State.Name==`running`].InstanceId[]",
                     #"{"Reservations": [{"Instances": [{"InstanceId": "i-1", "State": {"Name": "running"}},"#
                        + #"{"InstanceId": "i-2", "State": {"Name": "stopped"}}]}]}"#,
                     gives: #"["i-1"]"#)
        assertSearch("`  foo bar`", "{}", gives: #""foo bar""#)
    }

    func testEveryBuiltinFunctionIsThere() throws {
        let names = [
            "abs", "avg", "ceil", "contains", "ends_with", "floor", "join", "keys", "length", "map", "max", "max_by",
            "merge", "min", "min_by", "not_null", "reverse", "sort", "sort_by", "starts_with", "sum", "to_array",
            "to_number", "to_string", "type", "values",
        ]
        XCTAssertEqual(names.count, 26)
        for name in names {
            // Every function needs an argument, so this is an arity error, which
            // proves the name resolved: an unknown name would say so instead.
            XCTAssertThrowsError(try JMESPathExpression("\(name)()")) { error in
                XCTAssertEqual((error as? JMESPathError)?.kind, .invalidArity, name)
            }
        }
    }
}
