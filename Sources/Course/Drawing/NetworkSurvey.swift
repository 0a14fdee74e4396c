import JSON

/// Reads the course VPC from the account, however it was built, and makes
/// the `NetworkPicture` of it: the VPC is the network lesson's lookup finds,
/// its subnets are told public or private by the names the lesson gave them,
/// and each one's route is the one AWS would really use (its own route
/// table, or else the VPC's main one).
public struct NetworkSurvey: Sendable {
    public enum Outcome: Sendable {
        case picture(NetworkPicture)
        /// No course VPC to draw, and why, in the learner's words.
        case nothing(LocalizedText)
    }

    public var api: any AccountAPI
    public var content: CourseContent
    public static let lessonID = "network"

    public init(api: any AccountAPI, content: CourseContent) {
        self.api = api
        self.content = content
    }

    public func survey(scope: VariableScope) async throws -> Outcome {
        var resolver = LookupResolver(content: content, api: api)
        var cache = ReadCache()
        let vpcID: String
        switch await resolver.resolve(.init(lesson: Self.lessonID, name: "vpc_id"), base: scope.withoutSaved, cache: &cache, fresh: true) {
        case .found(let value): vpcID = value.stringValue ?? value.text
        case .missing(let why), .unreadable(let why): return .nothing(why)
        }
        let byVPC: JSON = [["Name": "vpc-id", "Values": [.string(vpcID)]]]
        func read(_ operation: String, _ input: JSON) async throws -> JSON {
            try await api.paginate(OperationName(service: "ec2", operation: operation), input: input)
        }
        async let vpcs = read("DescribeVpcs", ["VpcIds": [.string(vpcID)]])
        async let subnets = read("DescribeSubnets", ["Filters": byVPC])
        async let tables = read("DescribeRouteTables", ["Filters": byVPC])
        async let gateways = read("DescribeInternetGateways", ["Filters": [["Name": "attachment.vpc-id", "Values": [.string(vpcID)]]]])
        async let nats = read("DescribeNatGateways", ["Filter": byVPC])
        return .picture(
            Self.picture(
                vpc: try await vpcs["Vpcs"]?[0] ?? [:], subnets: try await subnets["Subnets"]?.arrayValue ?? [],
                routeTables: try await tables["RouteTables"]?.arrayValue ?? [], internetGateways: try await gateways["InternetGateways"]?.arrayValue ?? [],
                natGateways: (try await nats["NatGateways"]?.arrayValue ?? []).filter { !["deleted", "deleting", "failed"].contains($0["State"]?.stringValue ?? "") },
                variables: scope.variables))
    }

    /// The picture from the answers, with the lesson's subnet names (`public_subnet_1_name`, ...).
    static func picture(
        vpc: JSON, subnets: [JSON], routeTables: [JSON], internetGateways: [JSON], natGateways: [JSON], variables: [String: String]
    ) -> NetworkPicture {
        let publicNames = Set(["public_subnet_1_name", "public_subnet_2_name"].compactMap { variables[$0] })
        let privateNames = Set(["private_subnet_1_name", "private_subnet_2_name"].compactMap { variables[$0] })
        let gateway = internetGateways.first?["InternetGatewayId"]?.stringValue
        let main = routeTables.first { ($0["Associations"]?.arrayValue ?? []).contains { $0["Main"]?.boolValue == true } }
        var subnetOfNAT: [String: String] = [:]
        for nat in natGateways {
            if let id = nat["NatGatewayId"]?.stringValue, let subnet = nat["SubnetId"]?.stringValue { subnetOfNAT[id] = subnet }
        }
        func name(_ item: JSON) -> String {
            (item["Tags"]?.arrayValue ?? []).first { $0["Key"]?.stringValue == "Name" }?["Value"]?.stringValue ?? ""
        }
        var cells: [(zone: String, subnet: NetworkPicture.Subnet)] = []
        for subnet in subnets {
            let id = subnet["SubnetId"]?.stringValue ?? ""
            let label = name(subnet)
            let role: NetworkPicture.Role = publicNames.contains(label) ? .publicSubnet : privateNames.contains(label) ? .privateSubnet : .other
            let table = routeTables.first { ($0["Associations"]?.arrayValue ?? []).contains { $0["SubnetId"]?.stringValue == id } } ?? main
            let route = defaultRoute(of: table)
            cells.append((subnet["AvailabilityZone"]?.stringValue ?? "?", NetworkPicture.Subnet(
                id: id, name: label, cidr: subnet["CidrBlock"]?.stringValue ?? "", role: role, route: route,
                natGateways: subnetOfNAT.filter { $0.value == id }.keys.sorted(), problems: [])))
        }
        let publicIDs = Set(cells.filter { $0.subnet.role == .publicSubnet }.map(\.subnet.id))
        for index in cells.indices {
            var subnet = cells[index].subnet
            switch (subnet.role, subnet.route) {
            case (.publicSubnet, .internetGateway(let id)) where id == gateway: break
            case (.publicSubnet, _): subnet.problems.append(.publicRouteNotToInternetGateway)
            case (.privateSubnet, .internetGateway): subnet.problems.append(.privateRouteToInternetGateway)
            case (.privateSubnet, .nowhere), (.privateSubnet, .elsewhere): subnet.problems.append(.privateRouteNowhere)
            case (.privateSubnet, .natGateway(let id)):
                if let home = subnetOfNAT[id], !publicIDs.contains(home) { subnet.problems.append(.natNotInPublicSubnet) }
            case (.other, _): break
            }
            if !subnet.natGateways.isEmpty, subnet.role != .publicSubnet { subnet.problems.append(.natNotInPublicSubnet) }
            cells[index].subnet = subnet
        }
        let order: [NetworkPicture.Role] = [.publicSubnet, .privateSubnet, .other]
        let zones = Dictionary(grouping: cells, by: \.zone).keys.sorted().map { zone in
            NetworkPicture.Zone(
                name: zone,
                subnets: cells.filter { $0.zone == zone }.map(\.subnet).sorted {
                    (order.firstIndex(of: $0.role) ?? 0, $0.name) < (order.firstIndex(of: $1.role) ?? 0, $1.name)
                })
        }
        var problems: [DrawingText.Problem] = []
        if gateway == nil { problems.append(.noInternetGateway) }
        for (role, label) in [(NetworkPicture.Role.publicSubnet, "public"), (.privateSubnet, "private")]
        where Set(cells.filter { $0.subnet.role == role }.map(\.zone)).count < 2 {
            problems.append(.secondZoneMissing(role: label))
        }
        return NetworkPicture(
            vpcID: vpc["VpcId"]?.stringValue ?? "", vpcName: name(vpc), cidr: vpc["CidrBlock"]?.stringValue ?? "", internetGateway: gateway,
            zones: zones, problems: problems)
    }

    static func defaultRoute(of table: JSON?) -> NetworkPicture.DefaultRoute {
        guard let route = (table?["Routes"]?.arrayValue ?? []).first(where: { $0["DestinationCidrBlock"]?.stringValue == "0.0.0.0/0" }),
            route["State"]?.stringValue != "blackhole"
        else { return .nowhere }
        if let nat = route["NatGatewayId"]?.stringValue { return .natGateway(nat) }
        if let gateway = route["GatewayId"]?.stringValue, gateway.hasPrefix("igw-") { return .internetGateway(gateway) }
        let target = ["GatewayId", "InstanceId", "VpcPeeringConnectionId", "TransitGatewayId", "NetworkInterfaceId"].lazy.compactMap { route[$0]?.stringValue }.first
        return .elsewhere(target ?? "?")
    }
}
