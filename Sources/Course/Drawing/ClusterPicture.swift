/// The course's clusters as AWS describes them: each cluster's capacity
/// providers, the Auto Scaling group behind one and its instances with
/// their agents, and the running tasks with where they are on the network.
public struct ClusterPicture: Sendable, Equatable {
    public struct Instance: Sendable, Equatable {
        public var id: String
        public var zone: String
        public var lifecycle: String
        /// nil when the instance never registered with the cluster.
        public var agentConnected: Bool?
    }

    public struct Provider: Sendable, Equatable {
        public var name: String
        public var autoScalingGroup: String?
        public var desired: Int?
        public var instances: [Instance]
    }

    public struct Task: Sendable, Equatable {
        public var id: String
        public var definition: String
        public var status: String
        public var subnet: String?
        public var subnetName: String?
        public var privateIP: String?
        public var publicIP: String?
    }

    public struct Cluster: Sendable, Equatable {
        public var name: String
        /// nil when there is no such cluster (never made, or deleted as lesson 5 does).
        public var status: String?
        public var providers: [Provider]
        public var tasks: [Task]
    }

    public var clusters: [Cluster]
    /// The tasks and agents are the sandbox's own simulation.
    public var simulated: Bool

    public var isFlawed: Bool {
        clusters.contains { cluster in cluster.providers.contains { $0.instances.contains { $0.agentConnected != true } } }
    }
}
