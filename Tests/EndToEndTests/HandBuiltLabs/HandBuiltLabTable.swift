/// What `ecslab check` should say of a hand-built lab.
enum LabVerdict: Sendable {
    /// Nothing failed, skipped or errored, and the score is the possible score.
    case fullMarks
    /// `check` fails, no check errors, and the failing check's message or
    /// failures contain `mentioning`. `${fact}` in it stands for a value the
    /// builder reports (an id known only once the lab exists).
    case fails(check: String, mentioning: String)
}

/// One lab: the builder of that name in builders/labs.py, the lesson it is
/// graded as, the `--set` values the learner would give, and the verdict.
struct HandBuiltLab: Sendable {
    var name: String
    var lesson: String
    var expected: LabVerdict
    var settings: [String] = []
}

/// Every hand-built lab and the verdict it must get, in one table.
enum HandBuiltLabTable {
    static let labs: [HandBuiltLab] = iamRoles + network + clusters + webApp + fargateTask

    typealias Row = (name: String, expected: LabVerdict)

    /// The rows of one lesson's labs, with the `--set` values some are graded with.
    static func lesson(_ id: String, _ rows: [Row], settings: [String: [String]] = [:]) -> [HandBuiltLab] {
        rows.map { HandBuiltLab(name: $0.name, lesson: id, expected: $0.expected, settings: settings[$0.name] ?? []) }
    }

    static let iamRoles = lesson("iam-roles", [
        ("roles-correct", .fullMarks),
        // Every name changed, and given to the check command as the learner would: --set NAME=VALUE.
        ("roles-correct-renamed", .fullMarks),
        ("roles-instance-role-trusts-ecs", .fails(check: "instance-role-trust", mentioning: "ecs.amazonaws.com")),
        ("roles-execution-role-without-policy", .fails(check: "execution-role-policy", mentioning: "AmazonEC2ContainerRegistryReadOnly")),
        ("roles-service-role-untagged", .fails(check: "service-role-tag", mentioning: "found nothing")),
        ("roles-no-instance-profile", .fails(check: "instance-profile", mentioning: "ecslab-ecs-instance-role")),
        ("roles-task-policy-with-s3", .fails(check: "task-policy-dynamodb-only", mentioning: "s3:*")),
        // Least privilege: no other policy may sit next to ecslab-users-dynamodb.
        ("roles-task-role-with-s3-managed-policy", .fails(check: "task-role-policy", mentioning: "AmazonS3ReadOnlyAccess")),
        ("roles-task-role-with-s3-inline-policy", .fails(check: "task-role-policy", mentioning: "ecslab-users-s3")),
    ], settings: [
        "roles-correct-renamed": [
            "instance_role_name=acme-ecs-host", "service_role_name=acme-ecs-service", "autoscale_role_name=acme-ecs-scaling",
            "task_role_name=acme-users-task", "task_policy_name=acme-users-table", "execution_role_name=acme-ecs-execution",
        ],
    ])

    /// Every one of these accounts also holds the decoy: ecslab-vpc-old with
    /// subnets of the course's names, and moto's default VPC.
    static let network = lesson("network", [
        ("network-correct", .fullMarks),
        ("network-correct-one-private-table", .fullMarks),
        ("network-correct-private-on-main-table", .fullMarks),
        ("network-dns-hostnames-off", .fails(check: "vpc-dns-hostnames", mentioning: "found false")),
        ("network-public-without-public-ip", .fails(check: "public-subnets", mentioning: "MapPublicIpOnLaunch")),
        ("network-public-in-one-zone", .fails(check: "public-subnets", mentioning: "ap-northeast-1a")),
        ("network-igw-not-attached", .fails(check: "igw-attached", mentioning: "found nothing")),
        ("network-nat-in-private-subnet", .fails(check: "nat-in-public-subnet", mentioning: "${private_subnet_1}")),
        ("network-private-route-to-igw", .fails(check: "private-default-routes", mentioning: "${private_subnet_1}")),
        ("network-public-subnet-without-default-route", .fails(check: "public-default-routes", mentioning: "${public_subnet_2}")),
        ("network-wrong-cidr", .fails(check: "vpc-exists", mentioning: "10.1.0.0/16")),
        ("network-two-vpcs-named-ecslab-vpc", .fails(check: "vpc-exists", mentioning: "more than one VPC named ecslab-vpc (2)")),
    ])

    /// Lessons 3 and 4 done right (with the decoy) in every account.
    static let clusters = lesson("clusters", [
        ("clusters-correct", .fullMarks),
        // Found through the cluster: cluster → capacity provider → Auto Scaling group → launch template.
        ("clusters-correct-console", .fullMarks),
        ("clusters-instance-type-t3-large", .fails(check: "launch-template", mentioning: "t3.large")),
        ("clusters-amazon-linux-2-ami", .fails(check: "launch-template", mentioning: "${ecs_ami_id}")),
        ("clusters-desired-capacity-zero", .fails(check: "auto-scaling-group", mentioning: "found 0")),
        ("clusters-capacity-provider-not-on-cluster", .fails(check: "capacity-provider", mentioning: "ecslab-ec2-cp")),
        ("clusters-security-group-without-443", .fails(check: "ec2-security-group", mentioning: "443")),
        ("clusters-fargate-untagged", .fails(check: "fargate-cluster", mentioning: "found nothing")),
    ])

    /// The app's files, written by hand in a folder of the test's and run
    /// with node on a free port, and the repository with its image made with
    /// boto3; graded with `--set app_dir=... --set port=...`, filled in by
    /// the test. The checks that need Docker are not applicable here.
    static let webApp = lesson("web-app", [
        ("web-app-correct", .fullMarks),
        ("web-app-scan-on-push-off", .fails(check: "ecr-repository", mentioning: "found false")),
    ])

    /// Lessons 3 and 4, lesson 5's Fargate cluster and lesson 6's image v1 in every account.
    static let fargateTask = lesson("fargate-task", [
        ("task-correct", .fullMarks),
        ("task-without-port-variable", .fails(check: "task-definition-container", mentioning: "PORT")),
        ("task-half-a-vcpu", .fails(check: "task-definition", mentioning: "found 512")),
        ("task-log-group-without-retention", .fails(check: "log-group", mentioning: "found nothing")),
        ("task-security-group-in-default-vpc", .fails(check: "task-security-group", mentioning: "${default_vpc_id}")),
        ("task-definition-with-task-role-as-execution-role", .fails(check: "task-definition", mentioning: "ecslab-users-task-role")),
    ])
}
