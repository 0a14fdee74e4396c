import AWS
import Foundation

/// A task moto reports RUNNING, as the sandbox simulates what moto cannot:
/// a public IP on its network interface and, for the course's app, a local
/// process standing in for the container.
public struct SimulatedTask: Codable, Sendable, Equatable {
    public var taskArn: String
    public var cluster: String
    public var networkInterfaceId: String?
    /// From TEST-NET-3 (203.0.113.0/24, RFC 5737): never routed on the
    /// internet, so a probe of it can only ever reach the sandbox's mapping.
    public var publicIp: String?
    /// The address shown for the task, from its subnet, and the one moto made up.
    public var privateIp: String?
    public var motoPrivateIp: String?
    public var privateDNSName: String?
    public var motoPrivateDNSName: String?
    /// The port the task definition's container listens on.
    public var containerPort: Int?
    /// Where the local stand-in listens.
    public var loopbackPort: Int?
    public var pid: Int32?
    /// Why no local process backs this task, when none does.
    public var unavailable: String?

    public init(taskArn: String, cluster: String) {
        self.taskArn = taskArn
        self.cluster = cluster
    }

    public var taskID: String { ARN(taskArn)?.lastName ?? taskArn }
}
