import Course
import Foundation
import JSON

/// Keeps the simulated side of ECS tasks in step with moto: every RUNNING
/// Fargate task gets a simulated public IP when it asked for one, and the
/// course's app runs locally for it; a task that stopped loses its process.
public struct TaskSimulator: Sendable {
    public let store: SimulatedTaskStore
    let launcher: AppLauncher
    /// The images the learner's app stands in for: any image whose text
    /// contains this (empty: every image).
    let imagePattern: String
    let logFolder: URL
    let notices: SandboxNotices

    init(store: SimulatedTaskStore, launcher: AppLauncher, imagePattern: String, logFolder: URL, notices: SandboxNotices) {
        self.store = store
        self.launcher = launcher
        self.imagePattern = imagePattern
        self.logFolder = logFolder
        self.notices = notices
    }

    static let publicIPPrefix = "203.0.113."

    /// Reconciles with moto. `wantPublicIP` names tasks just started with
    /// `assignPublicIp: ENABLED` (a service's tasks are looked up by their service).
    public func sync(_ api: any AccountAPI, wantPublicIP: Set<String> = []) async throws {
        let running = try await runningTasks(api)
        try await store.update { tasks in
            let runningArns = Set(running.map { $0["taskArn"]?.stringValue ?? "" })
            for task in tasks where !runningArns.contains(task.taskArn) {
                if let pid = task.pid {
                    ChildProcess(pid: pid).stop()
                    notices.simulated(
                        zh: "任务 \(task.taskID) 已停止，它在本机的容器（进程 \(pid)）也已停止",
                        en: "task \(task.taskID) stopped, so its local container (pid \(pid)) was stopped")
                }
                try? FileManager.default.removeItem(at: SimulatedTaskStore.log(of: task, in: logFolder))
            }
            tasks.removeAll { !runningArns.contains($0.taskArn) }
            for described in running {
                guard let arn = described["taskArn"]?.stringValue, !tasks.contains(where: { $0.taskArn == arn }) else { continue }
                let wanted = try await wantsPublicIP(described, api: api, hinted: wantPublicIP.contains(arn))
                tasks.append(try await simulate(described, api: api, publicIP: wanted ? nextPublicIP(tasks) : nil, taken: tasks))
            }
        }
    }

    private func runningTasks(_ api: any AccountAPI) async throws -> [JSON] {
        let clusters = try await api.paginate(OperationName(service: "ecs", operation: "ListClusters"), input: [:])
        var found: [JSON] = []
        for cluster in clusters["clusterArns"]?.arrayValue ?? [] {
            let listed = try await api.paginate(
                OperationName(service: "ecs", operation: "ListTasks"), input: ["cluster": cluster, "desiredStatus": "RUNNING"])
            let arns = listed["taskArns"]?.arrayValue ?? []
            guard !arns.isEmpty else { continue }
            for chunk in stride(from: 0, to: arns.count, by: 100) {
                let described = try await api.call(
                    OperationName(service: "ecs", operation: "DescribeTasks"),
                    input: ["cluster": cluster, "tasks": .array(Array(arns[chunk..<min(chunk + 100, arns.count)]))])
                found += (described["tasks"]?.arrayValue ?? []).filter { task in
                    task["lastStatus"]?.stringValue == "RUNNING" && Self.isFargate(task)
                }
            }
        }
        return found
    }

    static func isFargate(_ task: JSON) -> Bool {
        task["launchType"]?.stringValue == "FARGATE" || (task["capacityProviderName"]?.stringValue ?? "").hasPrefix("FARGATE")
    }

    private func wantsPublicIP(_ task: JSON, api: any AccountAPI, hinted: Bool) async throws -> Bool {
        if hinted { return true }
        guard let group = task["group"]?.stringValue, group.hasPrefix("service:"), let cluster = task["clusterArn"] else { return false }
        let services = try await api.call(
            OperationName(service: "ecs", operation: "DescribeServices"),
            input: ["cluster": cluster, "services": [.string(String(group.dropFirst("service:".count)))]])
        let service = services["services"]?[0]
        return service?["networkConfiguration"]?["awsvpcConfiguration"]?["assignPublicIp"]?.stringValue == "ENABLED"
    }

    /// Gives the task an address from its subnet in place of moto's random one.
    private func placeInSubnet(_ task: inout SimulatedTask, described: JSON, api: any AccountAPI, taken: [SimulatedTask]) async throws {
        let details = described["attachments"]?[0]?["details"]?.arrayValue ?? []
        func detail(_ name: String) -> String? { details.first { $0["name"]?.stringValue == name }?["value"]?.stringValue }
        guard let subnet = detail("subnetId"), let motoAddress = detail("privateIPv4Address") else { return }
        let subnets = try await api.call(OperationName(service: "ec2", operation: "DescribeSubnets"), input: ["SubnetIds": [.string(subnet)]])
        guard let cidr = subnets["Subnets"]?[0]?["CidrBlock"]?.stringValue else { return }
        let used = Set(taken.compactMap(\.privateIp))
        guard let address = (6..<250).lazy.compactMap({ SubnetAddress.host($0, in: cidr) }).first(where: { !used.contains($0) }) else { return }
        task.motoPrivateIp = motoAddress
        task.privateIp = address
        task.motoPrivateDNSName = detail("privateDnsName")
        task.privateDNSName = SubnetAddress.dnsName(address, region: api.region)
        notices.quirk("task \(task.taskID) shows the address \(address) from its subnet \(cidr) (moto made up \(motoAddress))")
    }

    /// The task metadata endpoint (v4) answers a container's own networks;
    /// the simulated one is a data: URL, which Node's fetch reads like any other.
    static func metadataURI(address: String) -> String {
        let metadata: JSON = ["Networks": [["NetworkMode": "awsvpc", "IPv4Addresses": [.string(address)]]], "simulated": true]
        return "data:application/json;base64," + Data(metadata.formatted(.compact).utf8).base64EncodedString()
    }

    /// moto's made-up addresses and names -> the ones shown.
    var addressRewrite: StringRewrite {
        var replacements: [String: String] = [:]
        for task in store.load() {
            if let moto = task.motoPrivateIp, let shown = task.privateIp { replacements[moto] = shown }
            if let moto = task.motoPrivateDNSName, let shown = task.privateDNSName { replacements[moto] = shown }
        }
        return StringRewrite(replacements: replacements)
    }

    private func nextPublicIP(_ tasks: [SimulatedTask]) -> String {
        let taken = Set(tasks.compactMap(\.publicIp))
        let free = (10..<255).first { !taken.contains(Self.publicIPPrefix + String($0)) } ?? 254
        return Self.publicIPPrefix + String(free)
    }

    private func simulate(_ described: JSON, api: any AccountAPI, publicIP: String?, taken: [SimulatedTask]) async throws -> SimulatedTask {
        var task = SimulatedTask(taskArn: described["taskArn"]?.stringValue ?? "", cluster: described["clusterArn"]?.stringValue ?? "")
        let details = described["attachments"]?[0]?["details"]?.arrayValue ?? []
        task.networkInterfaceId = details.first { $0["name"]?.stringValue == "networkInterfaceId" }?["value"]?.stringValue
        if let publicIP, task.networkInterfaceId != nil {
            task.publicIp = publicIP
            notices.simulated(
                zh: "任务 \(task.taskID) 得到模拟的公有 IP \(publicIP)（moto 不给任务的网络接口分配公有 IP）",
                en: "task \(task.taskID) got the simulated public IP \(publicIP) (moto gives task ENIs none)")
        }
        try await placeInSubnet(&task, described: described, api: api, taken: taken)
        guard let definitionArn = described["taskDefinitionArn"]?.stringValue else { return task }
        let definition = try await api.call(
            OperationName(service: "ecs", operation: "DescribeTaskDefinition"), input: ["taskDefinition": .string(definitionArn)])
        let containers = definition["taskDefinition"]?["containerDefinitions"]?.arrayValue ?? []
        guard
            let container = containers.first(where: { container in
                let image = container["image"]?.stringValue ?? ""
                return (imagePattern.isEmpty || image.contains(imagePattern)) && !(container["portMappings"]?.arrayValue ?? []).isEmpty
            })
        else { return task }
        task.containerPort = container["portMappings"]?[0]?["containerPort"]?.intValue
        var environment: [String: String] = [:]
        for pair in container["environment"]?.arrayValue ?? [] {
            if let name = pair["name"]?.stringValue, let value = pair["value"]?.stringValue { environment[name] = value }
        }
        let overrides = described["overrides"]?["containerOverrides"]?.arrayValue ?? []
        for override in overrides where override["name"] == container["name"] {
            for pair in override["environment"]?.arrayValue ?? [] {
                if let name = pair["name"]?.stringValue, let value = pair["value"]?.stringValue { environment[name] = value }
            }
        }
        if let address = task.privateIp {
            environment["ECS_CONTAINER_METADATA_URI_V4"] = Self.metadataURI(address: address)
        }
        guard let port = LoopbackPort.free() else {
            task.unavailable = "no free loopback port"
            return task
        }
        let log = SimulatedTaskStore.log(of: task, in: logFolder)
        switch await launcher.launch(taskEnvironment: environment, port: port, log: log) {
        case .success(let process):
            task.pid = process.pid
            task.loopbackPort = port
            notices.simulated(
                zh: "任务 \(task.taskID) 的容器由本机 127.0.0.1:\(port) 上运行的应用代替",
                en: "task \(task.taskID) runs the app locally on 127.0.0.1:\(port) as its container")
        case .failure(let failure):
            task.unavailable = failure.reason
            notices.simulated(zh: "任务 \(task.taskID) 没有本机容器：\(failure.reason)", en: "task \(task.taskID) has no local container: \(failure.reason)")
        }
        return task
    }
}
