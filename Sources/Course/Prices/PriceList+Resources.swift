extension PriceList {
    /// What a resource found only by its tags costs by the hour, from its
    /// kind: the ledger, where there is one, knows the lesson's own figure.
    /// An Auto Scaling group counts its instances as the course's t2.micro
    /// with a public address each.
    public func usdPerHour(of resource: OwnedResource, region: String) -> Double {
        let quantities: [String: Double]
        switch resource.kind {
        case .natGateway: quantities = ["nat_gateway_hour": 1]
        case .elasticIP: quantities = ["public_ipv4_hour": 1]
        case .instance: quantities = ["t2_micro_hour": 1, "public_ipv4_hour": 1]
        case .autoScalingGroup:
            let instances = Double(resource.context["instances"] ?? "") ?? 0
            quantities = ["t2_micro_hour": instances, "public_ipv4_hour": instances]
        default: return 0
        }
        return usdPerHour(quantities, region: region) ?? 0
    }
}
