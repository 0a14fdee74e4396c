/// The words of the drawings, in both languages: one table.
public enum DrawingText {
    /// Something wrong a drawing marks, said in the learner's language.
    public enum Problem: Sendable, Equatable {
        case noInternetGateway
        case secondZoneMissing(role: String)
        case publicRouteNotToInternetGateway
        case privateRouteToInternetGateway
        case privateRouteNowhere
        case natNotInPublicSubnet
        case agentNotConnected
        case instanceNotRegistered

        public var text: LocalizedText {
            switch self {
            case .noInternetGateway: LocalizedText(zh: "VPC 没有连接互联网网关", en: "no internet gateway is attached to the VPC")
            case .secondZoneMissing(let role):
                role == "public"
                    ? LocalizedText(zh: "缺少第二个可用区的公有子网", en: "the second zone's public subnet is missing")
                    : LocalizedText(zh: "缺少第二个可用区的私有子网", en: "the second zone's private subnet is missing")
            case .publicRouteNotToInternetGateway: LocalizedText(zh: "公有子网的默认路由要指向互联网网关", en: "a public subnet's default route must go to the internet gateway")
            case .privateRouteToInternetGateway:
                LocalizedText(zh: "私有子网的默认路由指向了互联网网关：应指向 NAT 网关", en: "goes to the internet gateway; a private subnet's default route should go to the NAT gateway")
            case .privateRouteNowhere: LocalizedText(zh: "私有子网没有默认路由：应指向 NAT 网关", en: "no default route; a private subnet's default route should go to the NAT gateway")
            case .natNotInPublicSubnet: LocalizedText(zh: "NAT 网关要放在公有子网里", en: "the NAT gateway must sit in a public subnet")
            case .agentNotConnected: LocalizedText(zh: "代理未连接", en: "agent not connected")
            case .instanceNotRegistered: LocalizedText(zh: "没有注册到集群", en: "not registered with the cluster")
            }
        }
    }

    static let publicSubnet = LocalizedText(zh: "公有子网", en: "public")
    static let privateSubnet = LocalizedText(zh: "私有子网", en: "private")
    static let otherSubnet = LocalizedText(zh: "其他子网", en: "other")
    static let internetGateway = LocalizedText(zh: "互联网网关", en: "internet gateway")
    static let nowhere = LocalizedText(zh: "无（到不了外网）", en: "nowhere (no way out)")
    static let natGateway = LocalizedText(zh: "NAT 网关", en: "NAT gateway")
    static let natGatewayHere = LocalizedText(zh: "NAT 网关在这里", en: "the NAT gateway is here")
    static let missingZone = LocalizedText(zh: "（缺少的可用区）", en: "(missing zone)")
    static let attached = LocalizedText(zh: "已连接", en: "attached")
    static let cluster = LocalizedText(zh: "集群", en: "Cluster")
    static let capacity = LocalizedText(zh: "容量", en: "capacity")
    static let capacityProvider = LocalizedText(zh: "容量提供程序", en: "capacity provider")
    static let autoScalingGroup = LocalizedText(zh: "Auto Scaling 组", en: "Auto Scaling group")
    static let agentConnected = LocalizedText(zh: "代理已连接", en: "agent connected")
    static let task = LocalizedText(zh: "任务", en: "task")
    static let subnet = LocalizedText(zh: "子网", en: "subnet")
    static let privateIP = LocalizedText(zh: "私有 IP", en: "private")
    static let publicIP = LocalizedText(zh: "公有 IP", en: "public")
    static let noTasks = LocalizedText(zh: "没有运行中的任务", en: "no running tasks")
    static let noInstances = LocalizedText(zh: "没有实例", en: "no instances")
    static let clusterMissing = LocalizedText(zh: "不存在", en: "does not exist")
    static let simulated = LocalizedText(zh: "（沙箱模拟）", en: "(simulated)")
}
