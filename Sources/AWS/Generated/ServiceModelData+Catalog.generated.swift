// GENERATED FILE - do not edit. Written by scripts/models/generate from botocore
// 1.43.11, the version pinned in scripts/requirements.txt: change
// scripts/models/generate.py or the pin, then run scripts/models/generate.

extension ServiceModelData {
    static let botocoreVersion = "1.43.11"

    static let serviceNames: [String] = ["sts", "iam", "ec2", "ecs", "ecr", "logs", "autoscaling", "elbv2", "application-autoscaling", "cloudformation", "ssm", "resourcegroupstaggingapi", "scheduler", "servicediscovery"]

    /// The parsed model of `service`, parsed on first use (static lets are lazy and thread-safe).
    static func model(for service: String) -> Result<ServiceModel, ServiceModelError>? {
        switch service {
        case "sts": return Parsed.sts
        case "iam": return Parsed.iam
        case "ec2": return Parsed.ec2
        case "ecs": return Parsed.ecs
        case "ecr": return Parsed.ecr
        case "logs": return Parsed.logs
        case "autoscaling": return Parsed.autoscaling
        case "elbv2": return Parsed.elbv2
        case "application-autoscaling": return Parsed.applicationAutoscaling
        case "cloudformation": return Parsed.cloudformation
        case "ssm": return Parsed.ssm
        case "resourcegroupstaggingapi": return Parsed.resourcegroupstaggingapi
        case "scheduler": return Parsed.scheduler
        case "servicediscovery": return Parsed.servicediscovery
        default: return nil
        }
    }

    private enum Parsed {
        static let sts = ServiceModel.decode(service: "sts", json: ServiceModelData.sts)
        static let iam = ServiceModel.decode(service: "iam", json: ServiceModelData.iam)
        static let ec2 = ServiceModel.decode(service: "ec2", json: ServiceModelData.ec2)
        static let ecs = ServiceModel.decode(service: "ecs", json: ServiceModelData.ecs)
        static let ecr = ServiceModel.decode(service: "ecr", json: ServiceModelData.ecr)
        static let logs = ServiceModel.decode(service: "logs", json: ServiceModelData.logs)
        static let autoscaling = ServiceModel.decode(service: "autoscaling", json: ServiceModelData.autoscaling)
        static let elbv2 = ServiceModel.decode(service: "elbv2", json: ServiceModelData.elbv2)
        static let applicationAutoscaling = ServiceModel.decode(service: "application-autoscaling", json: ServiceModelData.applicationAutoscaling)
        static let cloudformation = ServiceModel.decode(service: "cloudformation", json: ServiceModelData.cloudformation)
        static let ssm = ServiceModel.decode(service: "ssm", json: ServiceModelData.ssm)
        static let resourcegroupstaggingapi = ServiceModel.decode(service: "resourcegroupstaggingapi", json: ServiceModelData.resourcegroupstaggingapi)
        static let scheduler = ServiceModel.decode(service: "scheduler", json: ServiceModelData.scheduler)
        static let servicediscovery = ServiceModel.decode(service: "servicediscovery", json: ServiceModelData.servicediscovery)
    }
}
