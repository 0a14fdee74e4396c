import JSON

/// What a service model says about the service as a whole.
public struct ServiceMetadata: Sendable {
    /// The wire protocol: `ec2`, `query`, `json` or `rest-json`.
    public var `protocol`: String
    public var apiVersion: String
    public var endpointPrefix: String
    /// The SigV4 service name; the endpoint prefix when the model gives none.
    public var signingName: String
    public var targetPrefix: String?
    public var jsonVersion: String?
    public var serviceId: String
    public var xmlNamespace: String?
    public var globalEndpoint: String?

    init(_ json: JSONObject) throws(ServiceModelError) {
        guard let proto = json["protocol"]?.stringValue, let apiVersion = json["apiVersion"]?.stringValue,
            let endpointPrefix = json["endpointPrefix"]?.stringValue, let serviceId = json["serviceId"]?.stringValue
        else {
            throw ServiceModelError(message: "service metadata lacks protocol, apiVersion, endpointPrefix or serviceId")
        }
        self.protocol = proto
        self.apiVersion = apiVersion
        self.endpointPrefix = endpointPrefix
        self.signingName = json["signingName"]?.stringValue ?? endpointPrefix
        self.targetPrefix = json["targetPrefix"]?.stringValue
        self.jsonVersion = json["jsonVersion"]?.stringValue
        self.serviceId = serviceId
        self.xmlNamespace = json["xmlNamespace"]?.stringValue
        self.globalEndpoint = json["globalEndpoint"]?.stringValue
    }
}
