/// Random and mutated `~/.aws/config` and `~/.aws/credentials` files never
/// crash or hang the parser, and never make a secret show: parsing either
/// succeeds or throws an `AWSConfigurationError` of one line, and so does
/// resolving the profile, region, retry settings and endpoint from what was
/// parsed; no secret written in the files (`aws_secret_access_key`,
/// `aws_session_token`, `aws_security_token`) is ever in an error's text, nor
/// in the description or dump of the parsed configuration. The files come
/// from a small grammar (sections, `[profile x]`, `[services x]` with nested
/// `s3 =` style sub-settings, comments, continuation lines, CRLF, a BOM,
/// NULs, huge lines) and are then damaged line by line and byte by byte.
///
/// CI runs a small budget with a fixed seed. A longer run, or another seed:
///
///     ECSLAB_FUZZ_ITERATIONS=100000 swift test --filter SharedConfigFuzzTests
///     ECSLAB_FUZZ_SEED=12345 ECSLAB_FUZZ_ITERATIONS=100000 swift test --filter SharedConfigFuzzTests
import AWS
import Foundation
import TestSupport
import XCTest

final class SharedConfigFuzzTests: XCTestCase {
    private static let slowInput: Duration = .seconds(2)
    private static let secretKeys = ["aws_secret_access_key", "aws_session_token", "aws_security_token"]
    private static let locations = ConfigFileLocations(
        configPath: "/home/learner/.aws/config", credentialsPath: "/home/learner/.aws/credentials", homeDirectory: "/home/learner")

    private struct Tally {
        var inputs = 0
        var parsed = 0
        var malformed = 0
        var resolved = 0
        var refused = 0
        var slowest: Duration = .zero
    }

    func testRandomAndMutatedFilesParseOrFailWithoutShowingSecrets() throws {
        let budget = FuzzBudget(defaultIterations: 3000)
        var random = budget.makeRandom()
        var tally = Tally()

        func run(config: String, credentials: String, secrets: [String]) {
            let failuresBefore = testRun?.totalFailureCount ?? 0
            check(config: config, credentials: credentials, secrets: secrets, &tally)
            if (testRun?.totalFailureCount ?? 0) > failuresBefore {
                budget.keep(Array(config.utf8), named: "shared-config-\(tally.inputs)-config")
                budget.keep(Array(credentials.utf8), named: "shared-config-\(tally.inputs)-credentials")
            }
        }
        for text in Self.hostileTexts() {
            run(config: text, credentials: text, secrets: ["HOSTILESECRET"])
        }
        for iteration in 0..<budget.iterations {
            var secrets: [String] = []
            var config = Self.randomFile(kind: .config, secrets: &secrets, &random)
            var credentials = Self.randomFile(kind: .credentials, secrets: &secrets, &random)
            switch iteration % 4 {
            case 0: break
            case 1: config = Self.mutateLines(config, &random)
            case 2: credentials = Self.mutateLines(credentials, &random)
            default:
                config = String(decoding: ByteMutation.mutate(Array(config.utf8), &random), as: UTF8.self)
                credentials = Self.mutateLines(credentials, &random)
            }
            run(config: config, credentials: credentials, secrets: secrets)
        }

        print(
            "shared config fuzz (seed \(budget.seed)): \(tally.inputs) pairs of files, \(tally.parsed) parsed, "
                + "\(tally.malformed) malformed; \(tally.resolved) resolved, \(tally.refused) refused; "
                + "slowest \(Int(tally.slowest / .milliseconds(1))) ms")
        XCTAssertGreaterThan(tally.parsed, budget.iterations / 20)
        XCTAssertGreaterThan(tally.malformed, budget.iterations / 20)
        XCTAssertGreaterThan(tally.resolved, budget.iterations / 20)
        XCTAssertGreaterThan(tally.refused, budget.iterations / 20)
    }

    private func check(config: String, credentials: String, secrets: [String], _ tally: inout Tally) {
        tally.inputs += 1
        func shown() -> String { "config \(Self.show(config)), credentials \(Self.show(credentials))" }
        let clock = ContinuousClock()
        let started = clock.now
        defer {
            let elapsed = clock.now - started
            tally.slowest = max(tally.slowest, elapsed)
            XCTAssertLessThan(elapsed, Self.slowInput, "slow: \(shown())")
        }

        let shared: SharedConfig
        do {
            shared = SharedConfig(
                locations: Self.locations,
                config: try SharedConfigFile(parsing: config, kind: .config, displayPath: "~/.aws/config"),
                credentials: try SharedConfigFile(parsing: credentials, kind: .credentials, displayPath: "~/.aws/credentials"))
            tally.parsed += 1
        } catch {
            tally.malformed += 1
            assertSafe(error, secrets: secrets, in: nil, shown)
            return
        }

        // What the parser took for secrets must stay hidden wherever the configuration is shown.
        let parsedSecrets = Self.secretValues(of: shared)
        for text in [String(describing: shared), String(reflecting: shared), Self.dumped(shared)] {
            for secret in parsedSecrets where text.contains(secret) {
                XCTFail("the secret \(secret) shows in \(text.prefix(300).debugDescription): \(shown())")
            }
        }

        let profiles = [nil] + Array(shared.config.profiles.keys.sorted().prefix(3)) + Array(shared.credentials.profiles.keys.sorted().prefix(2))
        for profile in profiles {
            do {
                let configuration = try AWSConfiguration(environment: [:], shared: shared, profile: profile)
                let shownConfiguration = [String(describing: configuration), String(reflecting: configuration), Self.dumped(configuration)]
                for text in shownConfiguration {
                    for secret in parsedSecrets where text.contains(secret) {
                        XCTFail("the secret \(secret) shows in \(text.prefix(300).debugDescription): \(shown())")
                    }
                }
                _ = try configuration.endpoint(serviceID: "ECS", endpointPrefix: "ecs")
                _ = try configuration.endpoint(serviceID: "Resource Groups Tagging API", endpointPrefix: "tagging")
                tally.resolved += 1
            } catch {
                tally.refused += 1
                assertSafe(error, secrets: secrets, in: shared, shown)
            }
        }
    }

    private func assertSafe(_ error: AWSConfigurationError, secrets: [String], in shared: SharedConfig?, _ shown: () -> String) {
        let text = error.description
        XCTAssertFalse(text.isEmpty, shown())
        XCTAssertFalse(text.contains(where: \.isNewline), "not one line: \(text.prefix(300).debugDescription): \(shown())")
        // A mutation can move a secret into a section's name or another
        // setting's own line; there it is no secret any more, and may be quoted.
        let renamed = shared.map(Self.quotableTexts) ?? []
        for secret in secrets where text.contains(secret) && !renamed.contains(where: { $0.contains(secret) }) {
            XCTFail("the secret \(secret) is in the error \(text.prefix(300).debugDescription): \(shown())")
        }
    }

    private static func secretValues(of shared: SharedConfig) -> Set<String> {
        var values: Set<String> = []
        for section in Array(shared.config.profiles.values) + Array(shared.credentials.profiles.values) {
            for key in secretKeys {
                if let value = section.settings[key], value.count >= 8 { values.insert(value) }
            }
        }
        return values
    }

    /// Section names, and the first lines of settings that hold no secret:
    /// what the files say openly. (Lines that continue a value are never
    /// quoted: a secret indented by mistake lands there.)
    private static func quotableTexts(of shared: SharedConfig) -> [String] {
        var texts = Array(shared.config.profiles.keys) + Array(shared.config.services.keys) + Array(shared.credentials.profiles.keys)
        let sections = Array(shared.config.profiles.values) + Array(shared.config.services.values) + Array(shared.credentials.profiles.values)
        for section in sections {
            for (key, value) in section.settings where !secretKeys.contains(key) {
                texts.append(String(value.prefix { $0 != "\n" }))
            }
        }
        return texts
    }

    private static func dumped(_ value: some Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }

    // MARK: Files

    private static let profileNames = ["default", "dev", "prod", "learner3"]
    private static let oddProfileNames = ["a b", "ünï", "x]y", "", " dev "]
    private static let plainKeys = [
        "region", "output", "aws_access_key_id", "role_arn", "source_profile", "external_id", "max_attempts", "retry_mode",
        "endpoint_url", "services", "credential_process", "ignore_configured_endpoint_urls", "sts_regional_endpoints",
        "Region", "REGION", "cli_pager",
    ]
    private static let goodValues: [String: [String]] = [
        "region": ["us-east-1", "ap-northeast-1"], "max_attempts": ["3", "10"], "retry_mode": ["standard", "adaptive"],
        "endpoint_url": ["https://localhost:5000", "http://127.0.0.1:4566"], "services": ["local"],
        "ignore_configured_endpoint_urls": ["true", "false"], "sts_regional_endpoints": ["legacy", "regional"],
    ]
    private static let wildValues = [
        "us east 1", "US-EAST-1", "1region", "", "json", "0", "-1", "abc", "10 # comment", "fast", "https://user:pass@host",
        "ftp://x", "https://h/?q=1", "https://[::1", "https://h:99999", "other", "a;b", "x #y", "x#y",
        "arn:aws:iam::123456789012:role/r", String(repeating: "v", count: 5000), "\u{0}", "é",
    ]

    private static func value(for key: String, _ random: inout SplitMix64) -> String {
        if let good = goodValues[key.lowercased()], random.below(3) > 0 { return random.pick(good) }
        return random.below(2) == 0 ? "value" : random.pick(wildValues)
    }

    /// A file from the grammar, mostly well formed; secrets get fresh,
    /// recognisable values, collected in `secrets`.
    private static func randomFile(kind: SharedConfigFile.Kind, secrets: inout [String], _ random: inout SplitMix64) -> String {
        var lines: [String] = []
        if random.below(10) == 0 { lines.append("region = us-east-1") }
        for _ in 0..<(1 + random.below(4)) {
            let name = random.below(8) == 0 ? random.pick(oddProfileNames) : random.pick(profileNames)
            switch (kind, random.below(8)) {
            case (.config, 0): lines.append("[services \(random.pick(["local", "other", ""]))]")
            case (.config, 1): lines.append("[\(random.pick(["default", "sso-session corp", "profile", "profile a b"]))]")
            case (.config, _): lines.append(name == "default" && random.below(2) == 0 ? "[default]" : "[profile \(name)]")
            case (.credentials, _): lines.append("[\(name)]")
            }
            for _ in 0..<random.below(7) {
                let indent = random.below(30) == 0 ? random.pick(["  ", "\t"]) : ""
                switch random.below(10) {
                case 0, 1:
                    let secret = "SECRET" + String(random.next(), radix: 36).uppercased()
                    secrets.append(secret)
                    lines.append("\(indent)\(random.pick(secretKeys)) = \(secret)")
                case 2:
                    lines.append(random.pick(["# a comment", "; a comment", "   # indented comment", "", "   "]))
                case 3:
                    // A setting with sub-settings, as `s3 =` and `[services x]` sections have.
                    lines.append(random.pick(["s3 =", "ecs =", "resource_groups_tagging_api ="]))
                    for _ in 0..<(1 + random.below(3)) {
                        let key = random.pick(["endpoint_url", "max_concurrent_requests", "region"])
                        lines.append("  \(key) = \(value(for: key, &random))")
                    }
                case 4:
                    // A value continued on an indented line.
                    let key = random.pick(plainKeys)
                    lines.append("\(key) = \(value(for: key, &random))")
                    lines.append("  \(value(for: key, &random))")
                default:
                    let key = random.pick(plainKeys)
                    lines.append("\(indent)\(key)\(random.pick([" = ", " = ", "=", "= ", " == "]))\(value(for: key, &random))")
                }
            }
        }
        let separator = random.pick(["\n", "\n", "\n", "\r\n", "\r"])
        let text = lines.joined(separator: separator) + (random.below(2) == 0 ? separator : "")
        return random.below(20) == 0 ? "\u{FEFF}" + text : text
    }

    /// One to three line edits: delete, duplicate, indent (a continuation
    /// line), unindent, swap with the next, comment out, truncate, or break.
    private static func mutateLines(_ text: String, _ random: inout SplitMix64) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0...random.below(3) {
            guard !lines.isEmpty else { break }
            let index = random.below(lines.count)
            switch random.below(9) {
            case 0: lines.remove(at: index)
            case 1: lines.insert(lines[index], at: index)
            case 2: lines[index] = random.pick(["  ", "\t", " "]) + lines[index]
            case 3: lines[index] = String(lines[index].drop { $0 == " " || $0 == "\t" })
            case 4 where index + 1 < lines.count: lines.swapAt(index, index + 1)
            case 5: lines[index] = random.pick(["#", ";", "[", "]", "="]) + lines[index]
            case 6: lines[index] = String(lines[index].prefix(random.below(lines[index].count + 1)))
            case 7: lines.insert(random.pick(["[", "[]", "[ ]", "[a] b", "=", "= v", "key", "  x = y", "\u{0}", "[profile x] ; c"]), at: index)
            default: lines[index] += random.pick([" ", "\r", "\u{0}", " # c", "]", "=", "\\"])
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Files made to hurt: long, many lines, endless continuation, NULs.
    private static func hostileTexts() -> [String] {
        func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }
        return [
            "[default]\nregion = " + repeated("x", 200_000), "[" + repeated("a", 200_000) + "]",
            "[default]\nregion = us-east-1\n" + repeated("  continued\n", 20_000),
            "[default]\ns3 =\n" + repeated("  k = v\n", 20_000), repeated("[default]\n", 20_000), repeated("\n", 50_000),
            repeated("# comment\n", 20_000), repeated("\u{0}", 10_000), "[default]\n" + repeated("k = v\n", 20_000),
            "[default]\naws_secret_access_key = HOSTILESECRET\n" + repeated("  HOSTILESECRET\n", 1_000),
            "", "\u{FEFF}", "\u{FEFF}[default]\nregion = us-east-1\n", "\r\n\r\n", "\r", " ", "=", "[", "]",
        ]
    }

    private static func show(_ text: String) -> String {
        text.count > 300 ? "\(text.prefix(300).debugDescription)… (\(text.utf8.count) bytes)" : text.debugDescription
    }
}
