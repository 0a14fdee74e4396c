import Course
import Foundation
import JSON

/// The course engine's account in sandbox mode: every call goes to moto
/// through `base`, with moto's gaps fixed on the way in (`MotoQuirks`) and
/// what moto cannot do simulated around it (the ECS agent, task containers,
/// task public IPs). Lessons never see the difference.
public struct SandboxAccount: AccountAPI {
    public let base: any AccountAPI
    let quirks: MotoQuirks
    let agent: ContainerAgentSimulator
    let tasks: TaskSimulator
    let natGateways: NatGatewayProvisioning
    let notices: SandboxNotices

    init(base: any AccountAPI, tasks: TaskSimulator, natGatewaySeconds: Double, notices: SandboxNotices) {
        self.base = base
        self.quirks = MotoQuirks(notices: notices)
        self.agent = ContainerAgentSimulator(notices: notices)
        self.tasks = tasks
        self.natGateways = NatGatewayProvisioning(seconds: natGatewaySeconds, notices: notices)
        self.notices = notices
    }

    /// What the sandbox simulates is said in `language` from now on.
    public func speak(_ language: Language) {
        notices.speak(language)
    }

    public var account: String { base.account }
    public var region: String { base.region }

    /// ECS reads that show container instances: the agent registers first.
    static let agentReads: Set<String> = [
        "ListContainerInstances", "DescribeContainerInstances", "DescribeClusters", "RunTask", "CreateService", "UpdateService",
    ]
    static let taskChanges: Set<String> = [
        "RunTask", "StartTask", "StopTask", "CreateService", "UpdateService", "DeleteService", "DeleteCluster",
    ]

    public func call(_ operation: OperationName, input: JSON) async throws -> JSON {
        try await perform(operation, input: input) { try await base.call(operation, input: $0) }
    }

    public func paginate(_ operation: OperationName, input: JSON) async throws -> JSON {
        try await perform(operation, input: input) { try await base.paginate(operation, input: $0) }
    }

    private func perform(_ operation: OperationName, input: JSON, _ send: (JSON) async throws -> JSON) async throws -> JSON {
        var request = input
        if operation.service == "ec2", operation.operation == "DescribeNatGateways" {
            let (fixed, states) = natGateways.request(input)
            return natGateways.described(try await send(fixed), states: states)
        }
        if operation.service == "ecs" {
            if Self.agentReads.contains(operation.operation) { try await agent.sync(base) }
            if operation.operation == "RegisterTaskDefinition" { request = quirks.containerMemory(request) }
            if MotoQuirks.awsvpcOperations.contains(operation.operation) {
                if operation.operation == "UpdateService" { request = try await quirks.serviceNetwork(request, api: base) }
                request = try await quirks.defaultSecurityGroup(request, api: base)
                let fixed = request
                let result = try await quirks.withDNSHostnames(fixed, api: base) { try await send(fixed) }
                try await afterTaskChange(operation, input: fixed, result: result)
                return tasks.addressRewrite.apply(result)
            }
        }
        let result = try await send(request)
        if operation.service == "ecs", Self.taskChanges.contains(operation.operation) {
            try await afterTaskChange(operation, input: request, result: result)
        }
        if operation.service == "ecs", operation.operation == "DescribeTasks" {
            try await tasks.sync(base)
            return tasks.addressRewrite.apply(result)
        }
        if operation.service == "autoscaling", !operation.isRead { try await agent.sync(base) }
        if operation.service == "resourcegroupstaggingapi", operation.operation == "GetResources" {
            return try await InactiveResourceFilter(notices: notices).apply(result, api: base)
        }
        if operation.service == "ec2", operation.operation == "CreateNatGateway" {
            return natGateways.created(result)
        }
        if operation.service == "ec2", operation.operation == "DescribeNetworkInterfaces" {
            try await tasks.sync(base)
            return tasks.addressRewrite.apply(withSimulatedPublicIPs(result))
        }
        return result
    }

    private func afterTaskChange(_ operation: OperationName, input: JSON, result: JSON) async throws {
        var wanted: Set<String> = []
        if operation.operation == "RunTask" || operation.operation == "StartTask",
            MotoQuirks.awsvpc(input)?["assignPublicIp"]?.stringValue == "ENABLED"
        {
            wanted = Set((result["tasks"]?.arrayValue ?? []).compactMap { $0["taskArn"]?.stringValue })
        }
        try await tasks.sync(base, wantPublicIP: wanted)
    }

    /// AWS shows a task's public IP as the association of its network
    /// interface; the sandbox adds the simulated one, tagged as simulated.
    func withSimulatedPublicIPs(_ result: JSON) -> JSON {
        let simulated = tasks.store.load()
        guard var object = result.objectValue, var interfaces = object["NetworkInterfaces"]?.arrayValue else { return result }
        for index in interfaces.indices {
            guard var interface = interfaces[index].objectValue, interface["Association"] == nil,
                let id = interface["NetworkInterfaceId"]?.stringValue,
                let task = simulated.first(where: { $0.networkInterfaceId == id }), let ip = task.publicIp
            else { continue }
            interface["Association"] = ["IpOwnerId": "amazon", "PublicDnsName": "", "PublicIp": .string(ip)]
            var tags = interface["TagSet"]?.arrayValue ?? []
            tags.append(["Key": "ecslab:simulated", "Value": "public-ip"])
            interface["TagSet"] = .array(tags)
            interfaces[index] = .object(interface)
            notices.quirk("network interface \(id) shows the simulated public IP \(ip)")
        }
        object["NetworkInterfaces"] = .array(interfaces)
        return .object(object)
    }

    /// Polls through the sandbox, so waits see the simulations; polling a
    /// local server costs nothing, so it polls every second.
    public func wait(service: String, waiter: String, input: JSON, progress: @escaping @Sendable (WaitProgress) -> Void) async throws {
        try await AccountWaiter(api: self, pollEvery: .seconds(1)).wait(service: service, waiter: waiter, input: input, progress: progress)
    }

    public func cliCommand(_ operation: OperationName, input: JSON) -> String { base.cliCommand(operation, input: input) }
    public func tagParameter(of operation: OperationName) -> TagParameter? { base.tagParameter(of: operation) }
    public func validate(_ operation: OperationName, input: JSON?) throws { try base.validate(operation, input: input) }
    public func idempotencyTokenMember(of operation: OperationName) -> String? { base.idempotencyTokenMember(of: operation) }
    public func errorCode(of error: any Error) -> String? { base.errorCode(of: error) }
}
