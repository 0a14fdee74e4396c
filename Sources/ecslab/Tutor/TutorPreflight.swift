import AWS
import Course
import Foundation
import REPL

/// What the tutor checks before its first prompt: credentials, region, that
/// the endpoint answers and, on a real account, ECS's service-linked role
/// and the tools the later lessons use. Each problem is one line with its fix.
enum TutorPreflight {
    /// Opens the workspace, or says in one line each why it cannot.
    static func open(_ options: GlobalOptions, target: TutorTarget) async -> Result<CourseWorkspace, PreflightProblemList> {
        var options = options
        // The sandbox is the workspace's to open: the tutor only asks for it.
        if target == .sandbox { options.sandbox = true }
        do {
            return .success(try await CourseWorkspace.open(options, interactive: true))
        } catch {
            return .failure(PreflightProblemList(problems: [problem(for: error, options: options)]))
        }
    }

    static func problem(for error: any Error, options: GlobalOptions) -> PreflightProblem {
        switch error {
        case let error as AWSConfigurationError:
            if case .missingRegion = error {
                return PreflightProblem(
                    problem: LocalizedText(zh: "没有设置区域", en: "No region is set"),
                    fix: LocalizedText(
                        zh: "设置 AWS_REGION=ap-northeast-1，或运行 aws configure set region ap-northeast-1，或加 --region",
                        en: "set AWS_REGION=ap-northeast-1, run aws configure set region ap-northeast-1, or pass --region"),
                    blocking: true)
            }
            return blocking(error.description, fixZh: "修正 ~/.aws/config 中的这一项", fixEn: "correct that setting in ~/.aws/config")
        case let error as CredentialsError:
            return blocking(error.description, fixZh: "运行 aws configure 配置访问密钥，或设置 AWS_PROFILE", fixEn: "run aws configure to set an access key, or set AWS_PROFILE")
        case let error as EndpointParseError:
            return blocking(error.description, fixZh: "检查 --endpoint-url 的写法，例如 http://127.0.0.1:5000", fixEn: "check --endpoint-url, e.g. http://127.0.0.1:5000")
        case let error as AWSTransportError:
            let endpoint = options.endpointURL ?? "AWS"
            return PreflightProblem(
                problem: LocalizedText(zh: "端点 \(endpoint) 没有应答（\(error.description)）", en: "The endpoint \(endpoint) does not answer (\(error.description))"),
                fix: LocalizedText(zh: "确认服务器正在运行、网络可用，然后重新打开 ecslab", en: "make sure the server runs and the network is up, then open ecslab again"),
                blocking: true)
        case let error as AWSServiceError:
            return blocking(
                "AWS refused the credentials: \(error)", fixZh: "在 IAM 控制台检查访问密钥是否有效、是否已过期", fixEn: "check in the IAM console that the access key is active and not expired")
        default:
            return blocking(CommandFailure.from(error).message, fixZh: "按上面的说明修正后重新打开 ecslab", fixEn: "fix what the message says, then open ecslab again")
        }
    }

    private static func blocking(_ message: String, fixZh: String, fixEn: String) -> PreflightProblem {
        PreflightProblem(problem: LocalizedText(zh: message, en: message), fix: LocalizedText(zh: fixZh, en: fixEn), blocking: true)
    }

    /// On a real account: the service-linked role ECS needs, and Docker and
    /// Node for the web app lessons. None of these stops the tutor.
    static func realAccountProblems(_ workspace: CourseWorkspace, environment: [String: String] = ProcessInfo.processInfo.environment) async -> [PreflightProblem] {
        var problems: [PreflightProblem] = []
        // Found by its path rather than its name: AWS calls it
        // AWSServiceRoleForECS, moto 5.2.5 AWSServiceRoleForecs.
        let linked = try? await workspace.account.call(
            OperationName(service: "iam", operation: "ListRoles"), input: ["PathPrefix": "/aws-service-role/ecs.amazonaws.com/"])
        if let roles = linked?["Roles"]?.arrayValue, roles.isEmpty {
            problems.append(PreflightProblem(
                problem: LocalizedText(zh: "账户里还没有 ECS 的服务关联角色", en: "ECS's service-linked role does not exist in this account yet"),
                fix: LocalizedText(
                    zh: "运行 aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com",
                    en: "run aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com"),
                blocking: false))
        }
        let tools = LocalTools()
        if !tools.isAvailable("docker") {
            problems.append(onPath("docker", environment: environment)
                ? PreflightProblem(
                    problem: LocalizedText(zh: "Docker 已安装，但它的引擎没有回应（docker info 失败）", en: "Docker is installed, but its engine does not answer (docker info failed)"),
                    fix: LocalizedText(
                        zh: "启动 Docker Desktop，或运行 sudo systemctl start docker（第 6 课构建镜像时要用）",
                        en: "start Docker Desktop, or run sudo systemctl start docker (lesson 6 builds an image with it)"),
                    blocking: false)
                : PreflightProblem(
                    problem: LocalizedText(zh: "找不到 docker", en: "docker is not installed"),
                    fix: LocalizedText(zh: "安装 Docker（第 6 课构建镜像时要用）", en: "install Docker (lesson 6 builds an image with it)"),
                    blocking: false))
        }
        if !tools.isAvailable("node") {
            problems.append(PreflightProblem(
                problem: LocalizedText(zh: "找不到 node", en: "node is not installed"),
                fix: LocalizedText(zh: "安装 Node.js（第 6 课在本机运行 Web 应用时要用）", en: "install Node.js (lesson 6 runs the web app on this machine with it)"),
                blocking: false))
        }
        return problems
    }

    static func onPath(_ tool: String, environment: [String: String]) -> Bool {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }
}

/// The problems that stopped the tutor from starting.
struct PreflightProblemList: Error {
    var problems: [PreflightProblem]
}
