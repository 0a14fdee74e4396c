/// The endpoint a service's requests go to, the region their signatures name,
/// and which setting chose them (for `--debug` and for messages).
public struct ResolvedEndpoint: Sendable, Equatable {
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        /// `AWS_ENDPOINT_URL_<SERVICE>`.
        case serviceEnvironment(variable: String)
        /// `AWS_ENDPOINT_URL`.
        case globalEnvironment
        /// `endpoint_url` under the service's key in a `[services name]` section.
        case servicesSection(name: String, key: String)
        /// `endpoint_url` in the profile itself.
        case profile(String)
        /// AWS's own endpoint for the service and region.
        case awsDefault

        public var description: String {
            switch self {
            case .serviceEnvironment(let variable): return variable
            case .globalEnvironment: return "AWS_ENDPOINT_URL"
            case .servicesSection(let name, let key): return "the \(key) endpoint_url of [services \(name)]"
            case .profile(let name): return "endpoint_url of the profile \"\(name)\""
            case .awsDefault: return "the AWS default endpoint"
            }
        }
    }

    public var endpoint: Endpoint
    public var signingRegion: String
    public var source: Source

    public init(endpoint: Endpoint, signingRegion: String, source: Source) {
        self.endpoint = endpoint
        self.signingRegion = signingRegion
        self.source = source
    }
}
