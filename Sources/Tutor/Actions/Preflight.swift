import AWS
import Course
import Foundation
import Terminal

/// What the tutor checks before its first prompt: credentials, region, that
/// the endpoint answers and, on a real account, ECS's service-linked role
/// and the tools the later lessons use. Each problem is one line with its fix.
public enum Preflight {
    /// Opens the workspace, or says in one line each why it cannot.
    public static func open(
        _ options: WorkspaceOptions, target: AccountTarget, state: StateDirectory = StateDirectory(), console: Console = .standard
    ) async -> Result<Workspace, PreflightProblemList> {
        var options = options
        // The sandbox is the workspace's to open: the tutor only asks for it.
        if target == .sandbox { options.sandbox = true }
        do {
            return .success(try await Workspace.open(options, state: state, interactive: true, console: console))
        } catch {
            return .failure(PreflightProblemList(problems: [problem(for: error, language: options.language)]))
        }
    }

    /// The one error mapping's sentence, with its fix, or a general one.
    static func problem(for error: any Error, language: Language) -> PreflightProblem {
        let failure = CommandFailure.from(error, language: language)
        return PreflightProblem(problem: LocalizedText(zh: failure.message, en: failure.message), fix: (failure.fix ?? .fixGeneral).text, blocking: true)
    }

    /// On a real account: the service-linked role ECS needs, and Docker and
    /// Node for the web app lessons. None of these stops the tutor.
    public static func realAccountProblems(_ workspace: Workspace, tools: any ToolAvailability = LocalTools()) async -> [PreflightProblem] {
        let environment = workspace.options.environment
        var problems: [PreflightProblem] = []
        // Found by its path rather than its name: AWS calls it
        // AWSServiceRoleForECS, moto 5.2.5 AWSServiceRoleForecs.
        let linked = try? await workspace.account.call(
            OperationName(service: "iam", operation: "ListRoles"), input: ["PathPrefix": "/aws-service-role/ecs.amazonaws.com/"])
        if let roles = linked?["Roles"]?.arrayValue, roles.isEmpty {
            problems.append(PreflightProblem(.noServiceLinkedRole, fix: .fixServiceLinkedRole))
        }
        if !tools.isAvailable("docker") {
            problems.append(
                onPath("docker", environment: environment)
                    ? PreflightProblem(.dockerEngineDown, fix: .fixDockerEngine) : PreflightProblem(.noDocker, fix: .fixDocker))
        }
        if !tools.isAvailable("node") {
            problems.append(PreflightProblem(.noNode, fix: .fixNode))
        }
        return problems
    }

    static func onPath(_ tool: String, environment: [String: String]) -> Bool {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }
}

/// The problems that stopped the tutor from starting.
public struct PreflightProblemList: Error {
    public var problems: [PreflightProblem]
}
