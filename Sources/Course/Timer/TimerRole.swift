import JSON

/// The role the timer's schedules run under: Scheduler may assume it for
/// this account only, and it may do nothing but the timer's four calls, on
/// this account's resources that carry the course tag.
public enum TimerRole {
    public static let name = "ecslab-timer"
    public static let policyName = "ecslab-timer-stops"

    public static func trustPolicy(account: String) -> JSON {
        [
            "Version": "2012-10-17",
            "Statement": [
                [
                    "Effect": "Allow", "Principal": ["Service": "scheduler.amazonaws.com"], "Action": "sts:AssumeRole",
                    "Condition": ["StringEquals": ["aws:SourceAccount": .string(account)]],
                ]
            ],
        ]
    }

    public static func permissions(account: String) -> JSON {
        let ours: JSON = ["StringEquals": ["aws:ResourceTag/\(CourseTags.courseKey)": .string(CourseTags.courseValue)]]
        func statement(_ sid: String, _ actions: [String], _ resources: [String]) -> JSON {
            ["Sid": .string(sid), "Effect": "Allow", "Action": .array(actions.map(JSON.string)), "Resource": .array(resources.map(JSON.string)), "Condition": ours]
        }
        return [
            "Version": "2012-10-17",
            "Statement": [
                statement("ForceDeleteOurAutoScalingGroups", ["autoscaling:DeleteAutoScalingGroup"], ["arn:aws:autoscaling:*:\(account):autoScalingGroup:*:autoScalingGroupName/*"]),
                statement(
                    "DeleteOurNatGatewaysAndAddresses", ["ec2:DeleteNatGateway", "ec2:ReleaseAddress"],
                    ["arn:aws:ec2:*:\(account):natgateway/*", "arn:aws:ec2:*:\(account):elastic-ip/*"]),
                statement("StopOurTasks", ["ecs:StopTask"], ["arn:aws:ecs:*:\(account):task/*"]),
            ],
        ]
    }
}
