/// The course VPC as AWS describes it, ready to draw: one column per
/// Availability Zone, each subnet with where its default route really goes,
/// and what is wrong marked where it is.
public struct NetworkPicture: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        case publicSubnet, privateSubnet, other
    }

    /// Where a subnet's 0.0.0.0/0 goes.
    public enum DefaultRoute: Sendable, Equatable {
        case internetGateway(String)
        case natGateway(String)
        case nowhere
        /// To something the course does not use (a peering, an instance).
        case elsewhere(String)
    }

    public struct Subnet: Sendable, Equatable {
        public var id: String
        public var name: String
        public var cidr: String
        public var role: Role
        public var route: DefaultRoute
        /// The NAT gateways that sit in this subnet.
        public var natGateways: [String]
        /// What is wrong with it; empty when it is as the lesson wants.
        public var problems: [DrawingText.Problem]
    }

    public struct Zone: Sendable, Equatable {
        public var name: String
        public var subnets: [Subnet]
    }

    public var vpcID: String
    public var vpcName: String
    public var cidr: String
    /// The internet gateway attached to the VPC, if any.
    public var internetGateway: String?
    public var zones: [Zone]
    /// What is wrong with the whole: no internet gateway, a second zone missing.
    public var problems: [DrawingText.Problem]
}
