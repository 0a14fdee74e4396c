import AWS
import Course
import Foundation

/// When a check cannot find a resource, it may simply be in another region
/// of the learner's account: the regions the learner has worked in (those
/// with progress in the state directory) are asked the same checks.
struct WrongPlaceSearch {
    struct Found: Equatable {
        var check: String
        var region: String
    }

    let workspace: Workspace
    var state: StateDirectory { workspace.state }

    /// The learner's other regions in this account, from their progress files.
    func otherRegions() -> [String] {
        guard let folder = try? state.folder("progress"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        let prefix = "\(workspace.identity.account)-"
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }
            .map { String($0.dropFirst(prefix.count).dropLast(".json".count)) }
            .filter { $0 != workspace.aws.region }
            .sorted()
    }

    func search(_ failed: [Check], lesson: Lesson) async -> [Found] {
        var found: [Found] = []
        var remaining = failed
        for region in otherRegions() where !remaining.isEmpty {
            guard let account = try? account(in: region),
                let progress = try? ProgressStore(state: state, account: workspace.identity.account, region: region).load()
            else { continue }
            var runner = CheckRunner(api: account, prober: TransportProber(transport: workspace.transport))
            runner.quizAnswers = progress.quizAnswers
            runner.content = workspace.content
            runner.retryInterval = 0
            var builtIns = workspace.scope(for: lesson, overrides: [:]).builtIns
            builtIns["region"] = .string(region)
            let scope = VariableScope(lesson: lesson, builtIns: builtIns, overrides: [:], progress: progress, content: workspace.content)
            let results = await runner.run(remaining, all: workspace.content.checks, scope: scope)
            let passed = Set(results.filter { $0.status == .passed }.map(\.check.id))
            found += remaining.filter { passed.contains($0.id) }.map { Found(check: $0.id, region: region) }
            remaining.removeAll { passed.contains($0.id) }
        }
        return found
    }

    private func account(in region: String) throws -> any AccountAPI {
        var configuration = try workspace.options.awsConfiguration()
        configuration.region = region
        let aws = try AWSSession(configuration: configuration, endpointOverride: workspace.endpoint, transport: workspace.transport)
        return ModelAccount(client: aws.client, account: workspace.identity.account, region: region)
    }
}
