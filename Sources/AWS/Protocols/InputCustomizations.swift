import Foundation
import JSON

/// The changes botocore's handlers make to parameters before they are
/// serialized, so that our requests match the SDK's: idempotency tokens filled
/// in, and `UserData` base64-encoded where the SDK does it for the caller.
enum InputCustomizations {
    static func apply(to input: JSON, operation: OperationModel, model: ServiceModel) throws(ServiceModelError) -> JSON {
        guard case .object(var object) = input, let inputReference = operation.input else { return input }
        let inputShape = try model.shape(inputReference.target)
        for member in inputShape.members where member.reference.idempotencyToken && object[member.name] == nil {
            object[member.name] = .string(UUID().uuidString.lowercased())
        }
        let encodesUserData =
            (model.name == "ec2" && operation.name == "RunInstances")
            || (model.name == "autoscaling" && operation.name == "CreateLaunchConfiguration")
        if encodesUserData, let userData = object["UserData"]?.stringValue {
            object["UserData"] = .string(Data(userData.utf8).base64EncodedString())
        }
        return .object(object)
    }
}
