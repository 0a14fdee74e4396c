/// How teardown and checks read AWS error codes: "it is already gone" is
/// success for a delete, and "something still uses it" is worth a retry.
enum TeardownErrors {
    static func isNotFound(_ code: String) -> Bool {
        let markers = ["NotFound", "NoSuchEntity", "NoSuch", "DoesNotExist", "NotExist"]
        if markers.contains(where: { code.contains($0) }) { return true }
        return ["ClusterNotFoundException", "ResourceNotFoundException", "RepositoryNotFoundException", "ServiceNotFoundException"]
            .contains(code)
    }

    /// What a part's removal answers when the part is already off: the
    /// answer to a retry whose first attempt did it.
    static func isAlreadyOff(_ code: String) -> Bool {
        ["Gateway.NotAttached", "InvalidAssociationID.NotFound"].contains(code)
    }

    static func isDependency(_ code: String) -> Bool {
        [
            "DependencyViolation", "DeleteConflict", "ResourceInUse", "ResourceInUseException", "ClusterContainsServicesException",
            "ClusterContainsTasksException", "ClusterContainsContainerInstancesException",
            "ScalingActivityInProgress", "ResourceContention", "InvalidIPAddress.InUse",
            "IncorrectState", "InvalidNetworkInterface.InUse",
        ].contains(code) || code.hasSuffix(".InUse")
    }
}
