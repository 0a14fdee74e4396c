/// What a resource of ours is, in the order cleanup deletes it: each kind
/// comes after everything that AWS refuses to delete it before (a subnet after
/// the network interfaces in it, a VPC after its subnets and gateways). The
/// order holds without the ledger, from the tags alone.
public enum ResourceKind: String, CaseIterable, Sendable, Comparable {
    /// A program the tutor started on this machine (the app).
    case localProgram
    case service
    case task
    case capacityProvider
    case autoScalingGroup
    /// An instance the Auto Scaling group left behind.
    case instance
    case launchTemplate
    /// Also deregisters its container instances and stops what runs in it.
    case cluster
    case taskDefinition
    case natGateway
    /// Released only once its NAT gateway is gone.
    case elasticIP
    /// Network interfaces ECS left in our VPC (or subnets) after its tasks stopped.
    case networkInterfaces
    case routeTableAssociation
    case routeTable
    case securityGroup
    case subnet
    case internetGateway
    case vpc
    case role
    case instanceProfile
    case policy
    case repository
    case logGroup
    case schedule
    case scheduleGroup
    /// A ledger entry whose undo call names no kind above: its undo is run as recorded.
    case recordedUndo

    public static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool {
        lhs.rank < rhs.rank
    }

    /// Its place in the deletion order, from 1.
    public var rank: Int {
        (ResourceKind.allCases.firstIndex(of: self) ?? 0) + 1
    }

    /// Kinds billed by the hour while they exist: what `--costly` and leaving the tutor remove.
    public var isBilledHourly: Bool {
        [.service, .task, .autoScalingGroup, .instance, .natGateway, .elasticIP].contains(self)
    }

    /// Whether the id its calls take is the name a person gave it (a role,
    /// a cluster), rather than one AWS made up (`vpc-0a1b`).
    public var isNamedByItsID: Bool {
        [.service, .capacityProvider, .autoScalingGroup, .cluster, .taskDefinition, .role, .instanceProfile, .repository, .logGroup, .schedule,
         .scheduleGroup].contains(self)
    }

    public var label: LocalizedText {
        switch self {
        case .localProgram: return LocalizedText(zh: "本机程序", en: "local program")
        case .service: return LocalizedText(zh: "ECS 服务", en: "ECS service")
        case .task: return LocalizedText(zh: "ECS 任务", en: "ECS task")
        case .capacityProvider: return LocalizedText(zh: "容量提供程序", en: "capacity provider")
        case .autoScalingGroup: return LocalizedText(zh: "Auto Scaling 组", en: "Auto Scaling group")
        case .instance: return LocalizedText(zh: "EC2 实例", en: "EC2 instance")
        case .launchTemplate: return LocalizedText(zh: "启动模板", en: "launch template")
        case .cluster: return LocalizedText(zh: "ECS 集群", en: "ECS cluster")
        case .taskDefinition: return LocalizedText(zh: "任务定义", en: "task definition")
        case .natGateway: return LocalizedText(zh: "NAT 网关", en: "NAT gateway")
        case .elasticIP: return LocalizedText(zh: "弹性 IP", en: "Elastic IP")
        case .networkInterfaces: return LocalizedText(zh: "遗留的任务网络接口（如有），位于", en: "leftover task network interfaces, if any, in")
        case .routeTableAssociation: return LocalizedText(zh: "路由表关联", en: "route table association")
        case .routeTable: return LocalizedText(zh: "路由表", en: "route table")
        case .securityGroup: return LocalizedText(zh: "安全组", en: "security group")
        case .subnet: return LocalizedText(zh: "子网", en: "subnet")
        case .internetGateway: return LocalizedText(zh: "互联网网关", en: "internet gateway")
        case .vpc: return LocalizedText(zh: "VPC", en: "VPC")
        case .role: return LocalizedText(zh: "IAM 角色", en: "IAM role")
        case .instanceProfile: return LocalizedText(zh: "实例配置文件", en: "instance profile")
        case .policy: return LocalizedText(zh: "IAM 策略", en: "IAM policy")
        case .repository: return LocalizedText(zh: "ECR 仓库", en: "ECR repository")
        case .logGroup: return LocalizedText(zh: "日志组", en: "log group")
        case .schedule: return LocalizedText(zh: "定时删除计划", en: "timer schedule")
        case .scheduleGroup: return LocalizedText(zh: "计划组", en: "schedule group")
        case .recordedUndo: return LocalizedText(zh: "其他资源", en: "other resource")
        }
    }
}
