import JMESPath
import JSON
import XCTest

/// JEP-18 lexical scope: the JEP's own examples and test cases, then the edge
/// cases its text implies.
final class LetExpressionTests: XCTestCase {
    // MARK: The JEP's examples

    func testBasicBindings() {
        let document = #"{"foo": {"bar": "baz"}}"#
        assertSearch("let $foo = foo in $foo", document, gives: #"{"bar": "baz"}"#)
        assertSearch("let $foo = foo.bar in $foo", document, gives: #""baz""#)
        assertSearch("let $foo = foo.bar in [$foo, $foo]", document, gives: #"["baz", "baz"]"#)
        assertSearch("let $foo = 'foo', $bar = 'bar' in [$foo, $bar]", document, gives: #"["foo", "bar"]"#)
    }

    func testNestedScopesShadowOuterBindings() {
        assertSearch(
            "let $a = a in b[*].[a, $a, let $a = 'shadow' in $a]",
            #"{"a": "topval", "b": [{"a": "inner1"}, {"a": "inner2"}]}"#,
            gives: #"[["inner1", "topval", "shadow"], ["inner2", "topval", "shadow"]]"#)
    }

    func testBindingsAreVisibleOnlyInTheBody() {
        // $b = $a sees the outer $a, not the $a bound beside it.
        assertSearch("let $a = 'top-a' in let $a = 'in-a', $b = $a in $b", "{}", gives: #""top-a""#)
    }

    func testLetAndInRemainIdentifiers() {
        let document = #"{"let": {"let": "let-val", "in": "in-val"}}"#
        assertSearch(
            "let $let = let in {let: let, in: $let}", document,
            gives: #"{"let": {"let": "let-val", "in": "in-val"}, "in": {"let": "let-val", "in": "in-val"}}"#)
        assertSearch(
            "let $let = 'let' in { let: let, in: $let }", document,
            gives: #"{"let": {"let": "let-val", "in": "in-val"}, "in": "let"}"#)
        assertSearch("let $let = 'let' in { let: 'let', in: $let }", document, gives: #"{"let": "let", "in": "let"}"#)
        assertSearch("let", document, gives: #"{"let": "let-val", "in": "in-val"}"#)
        assertSearch("let.in", document, gives: #""in-val""#)
        assertSearch("let.let", document, gives: #""let-val""#)
    }

    func testBindingAProjectionStopsIt() {
        let document = #"{"foo": [[0, 1], [2, 3], [4, 5]]}"#
        assertSearch("foo[*][0]", document, gives: "[0, 2, 4]")
        assertSearch("let $foo = foo[*] in $foo[0]", document, gives: "[0, 1]")
    }

    func testHomeStateExample() {
        let states = #"""
            [{"name": "WA", "cities": ["Seattle", "Bellevue", "Olympia"]},
             {"name": "CA", "cities": ["Los Angeles", "San Francisco"]},
             {"name": "NY", "cities": ["New York City", "Albany"]}]
            """#
        assertSearch(
            "[*].[let $home_state = home_state in states[? name == $home_state].cities[]][]",
            #"[{"home_state": "WA", "states": \#(states)}, {"home_state": "NY", "states": \#(states)}]"#,
            gives: #"[["Seattle", "Bellevue", "Olympia"], ["New York City", "Albany"]]"#)
    }

    func testImageDetailsExampleOverSeveralLines() {
        let document = #"""
            {"imageDetails": [
              {"repositoryName": "org/first-repo", "imageTags": ["latest", "v1.0", "v1.2"], "imageDigest": "sha256:abcd"},
              {"repositoryName": "org/second-repo", "imageTags": ["v2.0", "v2.2"], "imageDigest": "sha256:efgh"}
            ]}
            """#
        let expression = """
            imageDetails[].[
              let $repo = repositoryName,
                  $digest = imageDigest
              in
                imageTags[].[@, $digest, $repo]
            ][][]
            """
        assertSearch(
            expression, document,
            gives: #"""
                [["latest", "sha256:abcd", "org/first-repo"], ["v1.0", "sha256:abcd", "org/first-repo"],
                 ["v1.2", "sha256:abcd", "org/first-repo"], ["v2.0", "sha256:efgh", "org/second-repo"],
                 ["v2.2", "sha256:efgh", "org/second-repo"]]
                """#)
    }

    func testUndefinedVariables() throws {
        let unbound = try XCTUnwrap(assertSearchFails("$noexist", kind: .undefinedVariable))
        XCTAssertEqual(unbound.message, "the variable $noexist is not defined here")
        XCTAssertEqual(unbound.column, 1)

        // The binding ended with its let: the second $scope is unbound.
        let outOfScope = try XCTUnwrap(
            assertSearchFails("[let $scope = 'foo' in [$scope], $scope]", kind: .undefinedVariable))
        XCTAssertEqual(outOfScope.column, 34)
        XCTAssertEqual(
            outOfScope.description,
            """
            undefined-variable error at column 34: the variable $scope is not defined here
            [let $scope = 'foo' in [$scope], $scope]
                                             ^
            """)
    }

    func testVariableReferencesAreNotAllowedAfterADot() throws {
        let error = try XCTUnwrap(assertSearchFails("foo.$bar", kind: .syntax))
        XCTAssertEqual(error.column, 5)
    }

    // MARK: Edge cases

    func testAnUnboundVariableIsAnErrorOnlyWhenEvaluated() throws {
        XCTAssertNoThrow(try JMESPathExpression("$nowhere"))
        assertSearch("`false` && $nowhere", "{}", gives: "false")
        assertSearch("`true` || $nowhere", "{}", gives: "true")
        assertSearch("missing[*].[$nowhere]", "{}", gives: "null")
        assertSearch("[][?$nowhere]", "[]", gives: "[]")
        assertSearchFails("[`1`][?$nowhere]", kind: .undefinedVariable)
    }

    func testTheInitialScopeComesFromTheCaller() {
        // JEP-18 leaves room for a global scope; checks pass parameters this way.
        assertSearch(
            "length(Groups) == length($params.GroupNames)", #"{"Groups": [1, 2]}"#, gives: "true",
            variables: ["params": ["GroupNames": ["a", "b"]]])
        assertSearch("let $params = 'shadowed' in $params", "{}", gives: #""shadowed""#, variables: ["params": 1])
    }

    func testBindingsAreEvaluatedOnceAgainstTheCurrentNode() {
        assertSearch("a[*].[let $x = b in $x, @.b]", #"{"a": [{"b": 1}, {"b": 2}]}"#, gives: "[[1, 1], [2, 2]]")
        assertSearch("let $all = @ in items[*].[name, $all.owner]",
                     #"{"owner": "me", "items": [{"name": "x"}, {"name": "y"}]}"#,
                     gives: #"[["x", "me"], ["y", "me"]]"#)
    }

    func testExpressionReferencesSeeTheLexicalScope() {
        assertSearch("let $suffix = '!' in map(&join('', [@, $suffix]), names)", #"{"names": ["a", "b"]}"#,
                     gives: #"["a!", "b!"]"#)
        assertSearch("let $key = 'n' in sort_by(items, &n)[*].n", #"{"items": [{"n": 2}, {"n": 1}]}"#, gives: "[1, 2]")
    }

    func testTheBodyExtendsAsFarAsPossible() {
        // The body takes the pipe; a comma ends it inside a list.
        assertSearch("let $a = a in b | [$a, @]", #"{"a": 1, "b": 2}"#, gives: "[1, 2]")
        assertSearch("[let $a = a in $a, b]", #"{"a": 1, "b": 2}"#, gives: "[1, 2]")
        assertSearch("let $a = a in $a || b", #"{"a": null, "b": 2}"#, gives: "2")
    }

    func testVariablesHoldAnyValue() {
        assertSearch("let $n = `null` in $n", "{}", gives: "null")
        assertSearch("let $o = {a: `1`} in $o.a", "{}", gives: "1")
        assertSearch("let $xs = `[3, 1, 2]` in sort($xs)[-1]", "{}", gives: "3")
        assertSearch("let $f = foo[?x > `1`] in length($f)", #"{"foo": [{"x": 1}, {"x": 2}, {"x": 3}]}"#, gives: "2")
    }

    func testJoiningTwoListsAsChecksDo() {
        // The subnets associated with a route table that routes to an internet gateway.
        let document = #"""
            {"Subnets": [{"SubnetId": "subnet-a", "Tags": [{"Key": "Name", "Value": "public-a"}]},
                         {"SubnetId": "subnet-b", "Tags": [{"Key": "Name", "Value": "private-b"}]}],
             "RouteTables": [{"Routes": [{"GatewayId": "igw-1"}], "Associations": [{"SubnetId": "subnet-a"}]},
                             {"Routes": [{"GatewayId": "local"}], "Associations": [{"SubnetId": "subnet-b"}]}]}
            """#
        let expression = """
            let $public = RouteTables[?Routes[?starts_with(GatewayId, 'igw-')]].Associations[].SubnetId
            in Subnets[?contains($public, SubnetId)].SubnetId
            """
        assertSearch(expression, document, gives: #"["subnet-a"]"#)
    }

    func testMalformedLetExpressions() throws {
        for expression in [
            "let $a = 1", "let $a = `1` in", "let $a in $a", "let $a = `1`, in $a", "let $ = `1` in $",
            "let $a == `1` in $a", "let a = `1` in a", "$", "$1", "let $a = `1` $b = `2` in $a", "foo.let $a = `1` in $a",
        ] {
            assertSearchFails(expression, kind: .syntax)
        }
        let missingIn = try XCTUnwrap(assertSearchFails("let $a = `1` $a", kind: .syntax))
        XCTAssertEqual(missingIn.message, "expected ',' or 'in' after the binding but found the variable '$a'")
        XCTAssertEqual(missingIn.column, 14)
    }
}
