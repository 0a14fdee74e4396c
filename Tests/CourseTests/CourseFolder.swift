import Course
import Foundation
import XCTest

/// A course folder written by a test into a temporary directory.
struct CourseFolder {
    let root: URL

    init(files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-course-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func load(catalog: (any OperationCatalog)? = nil) -> (content: CourseContent, diagnostics: [String]) {
        let result = CourseLoader(root: root).load()
        let lint = CourseLinter(catalog: catalog).lint(result.content)
        return (result.content, (result.diagnostics + lint).map(\.description))
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// A small, valid lesson and its checks, which tests then break one way at a time.
enum SampleCourse {
    static let lesson = """
        id: net
        order: 4
        title: {zh: 网络, en: The network}
        summary: {zh: 建立 VPC。, en: Build the VPC.}
        variables:
          vpc_name: ecslab-vpc
          vpc_cidr:
            default: 10.0.0.0/16
            description: {zh: VPC 的地址范围, en: The VPC's address range}
        steps:
          - id: vpc
            title: {zh: 建立 VPC, en: Create the VPC}
            explain: {zh: 说明, en: Why}
            console: {zh: 控制台, en: Console}
            calls:
              - call: ec2:CreateVpc
                params: {CidrBlock: "${vpc_cidr}"}
                tags: {resource-type: vpc}
                name: "${vpc_name}"
                save: {vpc_id: Vpc.VpcId}
                undo: {call: ec2:DeleteVpc, params: {VpcId: "${vpc_id}"}}
              - call: ec2:ModifyVpcAttribute
                params: {VpcId: "${vpc_id}", EnableDnsHostnames: {Value: true}}
                tags: none
            checks: [vpc-exists, vpc-dns]
          - id: quiz
            title: {zh: 小测验, en: Quiz}
            explain: {zh: 回答, en: Answer}
            quiz:
              question: {zh: 几个可用区？, en: How many AZs?}
              choices:
                - {zh: 一个, en: One}
                - {zh: 两个, en: Two}
              answer: 2
              explain: {zh: 两个，为了冗余, en: "Two, for redundancy"}
        lookups:
          vpc_id:
            call: ec2:DescribeVpcs
            params: {Filters: [{Name: "tag:Name", Values: ["${vpc_name}"]}]}
            matches: Vpcs
            value: VpcId
            looks-for: {zh: "名为 ${vpc_name} 的 VPC", en: "VPC named ${vpc_name}"}
        """

    static let checks = """
        lesson: net
        checks:
          - id: vpc-exists
            title: {zh: VPC 存在, en: The VPC exists}
            points: 2
            read:
              vpcs: {call: ec2:DescribeVpcs, params: {Filters: [{Name: "tag:Name", Values: ["${vpc_name}"]}]}}
            assert:
              - that: length(vpcs.Vpcs)
                equals: 1
            hints:
              - {zh: 提示, en: Hint}
            docs: https://docs.aws.amazon.com/vpc/latest/userguide/create-vpc.html
            failure: {zh: "期望 {expected}，实际 {actual}", en: "Expected {expected}, found {actual}"}
          - id: vpc-dns
            title: {zh: DNS 主机名, en: DNS hostnames}
            depends: [vpc-exists]
            read:
              attr: {call: ec2:DescribeVpcAttribute, params: {VpcId: "${vpc_id}", Attribute: enableDnsHostnames}}
            assert:
              - that: attr.EnableDnsHostnames.Value
                equals: true
            hints: {zh: 打开 DNS 主机名, en: Turn on DNS hostnames}
            docs: https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html
            failure: {zh: "期望 {expected}，实际 {actual}", en: "Expected {expected}, found {actual}"}
        """

    static func folder(lesson: String = lesson, checks: String = checks, extra: [String: String] = [:]) throws -> CourseFolder {
        var files = ["lessons/04-net/lesson.yaml": lesson, "checks/04-net.yaml": checks]
        files.merge(extra) { _, new in new }
        return try CourseFolder(files: files)
    }
}
