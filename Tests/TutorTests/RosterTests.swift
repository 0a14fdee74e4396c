import Foundation
import Tutor
import XCTest

final class RosterTests: XCTestCase {
    // MARK: CSV, reading

    func testCSVReadsEveryColumnInAnyOrderWithVariables() throws {
        let roster = try Roster.parseCSV(
            """
            region,id,name,role_arn,external_id,profile,var:cluster_name,var:image_tag
            eu-west-1,s01,Ana Lima,,,class-s01,ana-cluster,
            us-east-1,s02,,arn:aws:iam::123456789012:role/ecslab/grader,ext-9,,,v2
            ,s03,Bo,arn:aws-cn:iam::210987654321:role/grader,,src,,
            """, file: "roster.csv")
        XCTAssertEqual(roster.file, "roster.csv")
        XCTAssertEqual(roster.variableNames, ["cluster_name", "image_tag"])
        XCTAssertEqual(
            roster.entries,
            [
                RosterEntry(
                    id: "s01", name: "Ana Lima", access: .profile("class-s01"), region: "eu-west-1",
                    variables: ["cluster_name": "ana-cluster"], line: 2, index: 0),
                RosterEntry(
                    id: "s02", name: "s02",
                    access: .role(arn: "arn:aws:iam::123456789012:role/ecslab/grader", externalID: "ext-9", sourceProfile: nil),
                    region: "us-east-1", variables: ["image_tag": "v2"], line: 3, index: 1),
                RosterEntry(
                    id: "s03", name: "Bo",
                    access: .role(arn: "arn:aws-cn:iam::210987654321:role/grader", externalID: nil, sourceProfile: "src"),
                    region: nil, variables: [:], line: 4, index: 2),
            ])
        XCTAssertEqual(roster.entries[2].profile, "src")
        XCTAssertEqual(roster.entries[2].roleARN, "arn:aws-cn:iam::210987654321:role/grader")
        XCTAssertNil(roster.entries[0].roleARN)
    }

    func testCSVQuotedFieldsBOMCRLFBlankLinesAndSpaces() throws {
        let text = "\u{FEFF}id , name,profile\r\n\r\n s01 ,\"Lima, Ana\",p1\r\ns02,\"Two\r\nlines \"\"quoted\"\"\", p2 \r\n   \r\n"
        let roster = try Roster.parseCSV(text, file: "r.csv")
        XCTAssertEqual(roster.entries.map(\.id), ["s01", "s02"])
        XCTAssertEqual(roster.entries.map(\.name), ["Lima, Ana", "Two\r\nlines \"quoted\""])
        XCTAssertEqual(roster.entries.map(\.profile), ["p1", "p2"])
        XCTAssertEqual(roster.entries.map(\.line), [3, 4])
        XCTAssertEqual(roster.entries.map(\.index), [0, 1])
    }

    func testALineAfterAMultiLineQuotedFieldIsReportedWhereItIs() {
        let text = """
            id,name,profile
            s01,"Ana, from
            the morning
            group",p1
            s02,Bo,p2
            s03,Cy
            """
        assertCSV(text, "r.csv:6: the row has 2 fields but the header has 3 columns")
    }

    func testCSVSameLinesWithLFAndLoneCR() throws {
        let roster = try Roster.parseCSV("id,profile\rs01,p1\rs02,p2", file: "r.csv")
        XCTAssertEqual(roster.entries.map(\.line), [2, 3])
    }

    // MARK: CSV, errors

    func testCSVHeaderErrors() {
        assertCSV("", "r.csv: the file is empty; it needs a header row such as id,name,profile")
        assertCSV("\n\n", "r.csv: the file is empty; it needs a header row such as id,name,profile")
        assertCSV(
            "id,profile,email\ns01,p,x",
            "r.csv:1: unknown column 'email'; the columns are id, name, profile, role_arn, external_id, region and var:NAME")
        assertCSV("id,profile,profile\ns01,p,q", "r.csv:1: column 'profile' appears twice in the header")
        assertCSV("id,,profile\ns01,,p", "r.csv:1: column 2 of the header has no name")
        assertCSV("name,profile\nAna,p", "r.csv:1: the header has no id column")
        assertCSV("id,name,region\ns01,Ana,eu-west-1", "r.csv:1: the header needs a profile or a role_arn column")
        assertCSV(
            "id,profile,var:Cluster\ns01,p,c",
            "r.csv:1: column 'var:Cluster': a variable name is lowercase letters, digits and '_', not starting with a digit")
        assertCSV("id,profile\n", "r.csv: the roster has no learners")
    }

    func testCSVSyntaxErrors() {
        assertCSV("id,profile\ns01,\"p1\nx", "r.csv:2: a quoted field starts here and is never closed")
        assertCSV(
            "id,profile\ns01,\"p1\"x",
            "r.csv:2: text after the closing quote of a field; inside a quoted field write a quote as \"\"")
    }

    func testCSVRowErrors() {
        let header = "id,name,profile,role_arn,external_id,region\n"
        assertCSV(header + "s01,A,p,,,\ns02,B,p,,", "r.csv:3: the row has 5 fields but the header has 6 columns")
        assertCSV(header + "s01,A,p,,,\n ,B,p,,,", "r.csv:3: the row has no id")
        assertCSV(header + "s01,A,p,,,\ns02,B,p,,,\ns01,C,p,,,", "r.csv:4: id s01 is used again; it was first used on line 2")
        assertCSV(header + "s07,A,,,,eu-west-1", "r.csv:2: row s07 needs a profile or a role_arn")
        assertCSV(
            header + "s07,A,,arn:aws:iam::1234:role/x,,",
            "r.csv:2: row s07: role_arn 'arn:aws:iam::1234:role/x' is not a role ARN like arn:aws:iam::123456789012:role/ecslab-grader")
        assertCSV(
            header + "s07,A,,arn:aws:iam::123456789012:user/x,,",
            "r.csv:2: row s07: role_arn 'arn:aws:iam::123456789012:user/x' is not a role ARN like arn:aws:iam::123456789012:role/ecslab-grader")
        assertCSV(
            header + "s07,A,p,,,us-east",
            "r.csv:2: row s07: region 'us-east' is not an AWS region like eu-west-1")
        assertCSV(
            header + "s07,A,p,,ext,",
            "r.csv:2: row s07: external_id is only used with a role_arn, and it has none")
        let fileName = "cannot be a file name: use letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters"
        assertCSV(header + "../s07,A,p,,,", "r.csv:2: id '../s07' \(fileName)")
        assertCSV(header + ".s07,A,p,,,", "r.csv:2: id '.s07' \(fileName)")
        let long = String(repeating: "a", count: 65)
        assertCSV(header + "\(long),A,p,,,", "r.csv:2: id '\(long)' \(fileName)")
    }

    func testRegionShapes() throws {
        for region in ["eu-west-1", "us-gov-west-1", "us-isob-east-1", "ap-southeast-10"] {
            let roster = try Roster.parseCSV("id,profile,region\ns01,p,\(region)", file: "r.csv")
            XCTAssertEqual(roster.entries.first?.region, region)
        }
        assertCSV("id,profile,region\ns01,p,EU-WEST-1", "r.csv:2: row s01: region 'EU-WEST-1' is not an AWS region like eu-west-1")
    }

    // MARK: YAML

    func testYAMLReadsLearnersWithVariablesAndKeepsNumbersAsWritten() throws {
        let roster = try Roster.parseYAML(
            """
            # The morning group
            learners:
              - id: 007
                name: James
                profile: class-007
                region: eu-west-1
                vars:
                  cluster_name: bond
                  desired_count: 02
                  empty: ""
              - id: s02
                role_arn: arn:aws:iam::012345678901:role/grader
                external_id: 0123
                profile:
            """, file: "roster.yaml")
        XCTAssertEqual(
            roster.entries,
            [
                RosterEntry(
                    id: "007", name: "James", access: .profile("class-007"), region: "eu-west-1",
                    variables: ["cluster_name": "bond", "desired_count": "02"], line: 3, index: 0),
                RosterEntry(
                    id: "s02", name: "s02",
                    access: .role(arn: "arn:aws:iam::012345678901:role/grader", externalID: "0123", sourceProfile: nil),
                    line: 11, index: 1),
            ])
        XCTAssertEqual(roster.variableNames, ["cluster_name", "desired_count"])
    }

    func testYAMLErrorsAtTheirLines() {
        assertYAML(
            "learners:\n  - id: s01\n    profile: p\n    email: a@b\n",
            "r.yaml:4: unknown key 'email'; the keys are id, name, profile, role_arn, external_id, region and vars")
        assertYAML("class: 1\nlearners: []\n", "r.yaml:1: unknown key 'class'; the keys are learners")
        assertYAML("- id: s01\n", "r.yaml:1: a roster is a mapping with a learners: list, not a list")
        assertYAML("{}\n", "r.yaml:1: the roster has no learners: list")
        assertYAML("learners:\n", "r.yaml: the roster has no learners")
        assertYAML("learners: s01\n", "r.yaml:1: learners: should be a list, not a scalar")
        assertYAML("learners:\n  - s01\n", "r.yaml:2: a learner should be a mapping of keys, not a scalar")
        assertYAML("learners:\n  - id: s01\n    profile: p\n    profile: q\n", "r.yaml:3: 'profile' is given more than once in this mapping")
        assertYAML(
            "learners:\n  - id: s01\n    profile: p\n    vars:\n      a: 1\n      a: 2\n",
            "r.yaml:5: 'a' is given more than once in this mapping")
        assertYAML("learners:\n  - id: s01\n    profile: [p]\n", "r.yaml:3: 'profile' should be a text, not a list")
        assertYAML("learners:\n  - id: s01\n    profile: p\n    vars: [a]\n", "r.yaml:4: vars: should be a mapping of variable names to values, not a list")
        assertYAML(
            "learners:\n  - id: s01\n    profile: p\n    vars:\n      Bad: 1\n",
            "r.yaml:5: 'Bad' under vars: is not a variable name: lowercase letters, digits and '_', not starting with a digit")
        assertYAML("learners:\n  - id: s01\n   profile: p\n", "r.yaml:3: not valid YAML: did not find expected '-' indicator")
    }

    func testYAMLHoldsRowsToTheCSVRules() {
        assertYAML("learners:\n  - id: s01\n    profile: p\n  - name: Bo\n    profile: p\n", "r.yaml:4: the row has no id")
        assertYAML(
            "learners:\n  - id: s01\n    profile: p\n  - name: Bo\n    id: s01\n    profile: p\n",
            "r.yaml:5: id s01 is used again; it was first used on line 2")
        assertYAML("learners:\n  - id: s07\n    region: eu-west-1\n", "r.yaml:2: row s07 needs a profile or a role_arn")
        assertYAML(
            "learners:\n  - id: s07\n    profile: p\n    region: Europe\n",
            "r.yaml:4: row s07: region 'Europe' is not an AWS region like eu-west-1")
        assertYAML(
            "learners:\n  - id: s07\n    profile: p\n    external_id: x\n",
            "r.yaml:4: row s07: external_id is only used with a role_arn, and it has none")
        assertYAML(
            "learners:\n  - id: s07\n    role_arn: arn:aws:iam::123:role/x\n",
            "r.yaml:3: row s07: role_arn 'arn:aws:iam::123:role/x' is not a role ARN like arn:aws:iam::123456789012:role/ecslab-grader")
        assertYAML(
            "learners:\n  - id: a b\n    profile: p\n",
            "r.yaml:2: id 'a b' cannot be a file name: use letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters")
    }

    // MARK: Files

    func testLoadChoosesTheFormatByExtension() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("class.csv").path
        let yaml = folder.appendingPathComponent("class.yml").path
        try "id,profile\ns01,p\n".write(toFile: csv, atomically: true, encoding: .utf8)
        try "learners:\n  - id: s02\n    profile: q\n".write(toFile: yaml, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Roster.load(csv).entries.map(\.id), ["s01"])
        XCTAssertEqual(try Roster.load(csv).file, csv)
        XCTAssertEqual(try Roster.load(yaml).entries.map(\.id), ["s02"])

        let latin1 = folder.appendingPathComponent("latin1.csv").path
        try Data([0x69, 0x64, 0x2C, 0xE9]).write(to: URL(fileURLWithPath: latin1))
        assertLoad(latin1, "\(latin1): the file is not UTF-8 text; save it as UTF-8")
        assertLoad(folder.appendingPathComponent("none.csv").path, "\(folder.path)/none.csv: the file does not exist")
        let dir = folder.appendingPathComponent("dir.yaml").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        assertLoad(dir, "\(dir): this is a folder, not a roster file")
        assertLoad("class.txt", "class.txt: a roster is a .csv or a .yaml (.yml) file; this one is .txt")
        assertLoad("class", "class: a roster is a .csv or a .yaml (.yml) file; this one has no extension")
    }

    func testARosterErrorIsAUsageFailureOfOneLine() {
        let failure = CommandFailure.from(RosterError(file: "roster.csv", line: 4, problem: "the row has no id"))
        XCTAssertEqual(failure.message, "roster.csv:4: the row has no id")
        XCTAssertEqual(failure.status, 2)
    }

    // MARK: Helpers

    private func assertCSV(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        assertError(expected, file: file, line: line) { () throws(RosterError) in _ = try Roster.parseCSV(text, file: "r.csv") }
    }

    private func assertYAML(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        assertError(expected, file: file, line: line) { () throws(RosterError) in _ = try Roster.parseYAML(text, file: "r.yaml") }
    }

    private func assertLoad(_ path: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        assertError(expected, file: file, line: line) { () throws(RosterError) in _ = try Roster.load(path) }
    }

    private func assertError(
        _ expected: String, file: StaticString, line: UInt, _ body: () throws(RosterError) -> Void
    ) {
        do {
            try body()
            XCTFail("no error; expected \(expected)", file: file, line: line)
        } catch {
            XCTAssertEqual(error.description, expected, file: file, line: line)
        }
    }
}
