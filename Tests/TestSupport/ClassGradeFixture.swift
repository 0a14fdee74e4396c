import Course

/// A small class graded by hand, for the class reports' tests: one learner
/// with full marks, one with a failure, an error and a check that does not
/// apply (and a roster name out to break every format), one whose account
/// could not be read.
public enum ClassGradeFixture {
    public static let hostileName = #"Learner "Two", <script>alert(1)</script>"#

    public static func grade(_ language: Language, shard: String? = "1/2") -> ClassGrade {
        let zh = language == .zh
        let provenance = GradeProvenance(
            ecslabVersion: "0.9.0",
            checkFiles: [
                CheckFileVersion(path: "checks/04-network.yaml", sha256: "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
                CheckFileVersion(path: "checks/05-clusters.yaml", sha256: "sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"),
            ],
            gradedAt: "2025-03-01T09:00:00Z", region: "us-east-1", language: language, lessons: ["network", "clusters"], shard: shard)
        let checks = [
            GradedCheck(id: "vpc-exists", lesson: "network", title: zh ? "课程的 VPC 存在" : "The course VPC exists", points: 2),
            GradedCheck(id: "public-subnets", lesson: "network", title: zh ? "有两个公有子网" : "Two public subnets", points: 3),
            GradedCheck(id: "cluster-active", lesson: "clusters", title: zh ? "集群处于活动状态" : "The cluster is active", points: 2),
            GradedCheck(id: "image-built", lesson: "clusters", title: zh ? "镜像已构建" : "The image is built", points: 1),
        ]
        let full = checks.map { check in
            LearnerCheckResult(check: check.id, lesson: check.lesson, status: .passed, points: Double(check.points), possible: check.points)
        }
        let partial = [
            LearnerCheckResult(check: "vpc-exists", lesson: "network", status: .passed, points: 2, possible: 2),
            LearnerCheckResult(
                check: "public-subnets", lesson: "network", status: .failed, points: 1.5, possible: 3, expected: "2", found: "1",
                message: zh ? "公有子网：期望 2，实际是 1" : "Public subnets: expected 2, found 1",
                hint: zh ? "在第二个可用区再建一个公有子网。" : "Create a second public subnet in another Availability Zone.",
                docs: "https://docs.aws.amazon.com/vpc/latest/userguide/create-subnets.html"),
            LearnerCheckResult(
                check: "cluster-active", lesson: "clusters", status: .error, points: 0, possible: 2,
                message: zh ? "ecs:DescribeClusters 被拒绝 (AccessDenied)" : "ecs:DescribeClusters was refused (AccessDenied)"),
            LearnerCheckResult(
                check: "image-built", lesson: "clusters", status: .notApplicable, points: 0, possible: 0,
                message: zh ? "这台机器上没有 Docker 引擎" : "There is no Docker engine on this machine"),
        ]
        let learners = [
            LearnerGrade(
                id: "s01", name: zh ? "学员一|甲班" : "Learner One|Group A", rosterIndex: 0, account: "111111111111", region: "us-east-1",
                gradedAt: "2025-03-01T09:00:01Z", outcome: .graded, results: full, lookups: 4, reads: 6),
            LearnerGrade(
                id: "s02", name: hostileName, rosterIndex: 1, account: "222222222222", region: "eu-west-1", gradedAt: "2025-03-01T09:00:05Z",
                outcome: .graded, results: partial, lookups: 3, reads: 5),
            LearnerGrade(
                id: "s03", name: zh ? "学员三" : "Learner Three", rosterIndex: 2, account: nil, region: "us-east-1",
                gradedAt: "2025-03-01T09:00:09Z",
                outcome: .notGraded(reason: zh ? "无法扮演角色 ecslab-grader：AccessDenied" : "could not assume the role ecslab-grader: AccessDenied"),
                results: []),
        ]
        return ClassGrade(provenance: provenance, checks: checks, learners: learners)
    }
}
