import JSON

/// The least-privilege IAM policy a grader needs for some checks: every read
/// the checks make, and every read of the lookups they use, derived from the
/// check and lesson files themselves. The class grader sends its calls
/// through a `PolicyBoundAccount` built from the same policy, so a check
/// cannot make a call the printed policy does not allow.
public struct GraderPolicy: Sendable, Equatable {
    /// IAM actions, sorted: `ec2:DescribeVpcs`.
    public private(set) var actions: [String]

    public init(checks: [Check], content: CourseContent) {
        var operations: Set<OperationName> = []
        var seenLookups: Set<String> = []
        func visit(lookup name: String, lesson: String) {
            guard let lookup = content.lesson(lesson)?.lookup(name), seenLookups.insert("\(lesson)/\(name)").inserted else { return }
            operations.insert(lookup.read.operation)
            if let nearby = lookup.nearby { operations.insert(nearby.read.operation) }
            if let otherwise = lookup.otherwise { visit(lookup: otherwise, lesson: lesson) }
            for reference in lookup.references { visit(lookup: reference.name, lesson: reference.lesson ?? lesson) }
        }
        for check in CheckRunner.withDependencies(checks, all: content.checks) {
            if case .reads(let calls) = check.source { operations.formUnion(calls.map(\.operation)) }
            for reference in check.references { visit(lookup: reference.name, lesson: reference.lesson ?? check.lesson) }
        }
        actions = Set(operations.map(Self.action)).sorted()
    }

    /// The IAM action that allows an API operation. Services whose IAM
    /// prefix differs from their API name are listed.
    static func action(_ operation: OperationName) -> String {
        let prefixes = ["elbv2": "elasticloadbalancing", "elb": "elasticloadbalancing"]
        return "\(prefixes[operation.service] ?? operation.service):\(operation.operation)"
    }

    public func allows(_ operation: OperationName) -> Bool {
        actions.contains(Self.action(operation))
    }

    /// The permissions policy, as IAM takes it (`aws iam put-role-policy`).
    public var permissions: JSON {
        [
            "Version": "2012-10-17",
            "Statement": [
                [
                    "Sid": "EcslabGraderReadsOnly", "Effect": "Allow", "Action": .array(actions.map(JSON.string)), "Resource": "*",
                ]
            ],
        ]
    }

    /// The trust policy of a grader role in a learner's account: only
    /// `principal` (the grader's account or role ARN) may assume it, and only
    /// with the class's external id.
    public static func trust(principal: String, externalID: String) -> JSON {
        let arn = principal.allSatisfy(\.isNumber) ? "arn:aws:iam::\(principal):root" : principal
        return [
            "Version": "2012-10-17",
            "Statement": [
                [
                    "Sid": "EcslabGraderAssumes", "Effect": "Allow", "Principal": ["AWS": .string(arn)], "Action": "sts:AssumeRole",
                    "Condition": ["StringEquals": ["sts:ExternalId": .string(externalID)]],
                ]
            ],
        ]
    }
}
