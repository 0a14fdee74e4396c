"""Course resources with chosen expiry times, for `ecslab reap`.

    python expiring.py --endpoint URL --regions ap-northeast-1,us-west-2 --owner learner

With the credentials in the environment, in every region it makes the same
set of resources three times over, each carrying the course tags
(`ecslab:course=ecslab`, a lesson, an owner) and an `ecslab:expires-at`
that is

- past: an hour ago, so reap deletes it;
- future: a week from now, so reap keeps it;
- none: no expiry tag at all, which reap cannot call expired, so keeps.

The set: a VPC with a subnet and a security group in it (so the deletion
order matters), an Elastic IP, a launch template, a log group, an ECR
repository, an ECS cluster and a schedule group, of which the VPC, subnet,
security group, log group and cluster are in the tagging API and the rest
are not (see inventory.py). Once, for the account: an IAM role of each
expiry, since IAM is global. And an expired and an unexpired log group of
another learner: reap is course-wide, so the owner does not matter.

Times are written the way ecslab writes them, ISO 8601 in UTC to the
second (2026-12-02T23:00:00Z), from this machine's clock, which is the
clock reap reads. Prints a JSON list: region, kind, id, expiry (past,
future or none) and owner, for survivors.py.
"""

import argparse
import datetime
import json
import sys
import uuid

import boto3

NOW = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
EXPIRES = {
    "past": (NOW - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "future": (NOW + datetime.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "none": None,
}
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}]})


def course_tags(name, lesson, owner, expiry):
    tags = {"Name": name, "ecslab:course": "ecslab", "ecslab:lesson": lesson, "ecslab:owner": owner,
            "ecslab:entry": str(uuid.uuid4())}
    if EXPIRES[expiry]:
        tags["ecslab:expires-at"] = EXPIRES[expiry]
    return tags


def key_value(tags):
    return [{"Key": k, "Value": v} for k, v in tags.items()]


def build(session, endpoint, region, owner, with_iam):
    def client(name):
        return session.client(name, endpoint_url=endpoint, region_name=region)

    ec2, logs, ecr, ecs, scheduler, iam = (client(n) for n in ("ec2", "logs", "ecr", "ecs", "scheduler", "iam"))
    made = []

    def record(kind, ident, expiry, who=owner):
        made.append({"region": region if kind != "role" else "global", "kind": kind, "id": ident, "expiry": expiry,
                     "owner": who})

    for index, expiry in enumerate(EXPIRES):
        label = f"ecslab-reap-{expiry}"

        def tags(resource_type, lesson="network"):
            return [{"ResourceType": resource_type, "Tags": key_value(course_tags(label, lesson, owner, expiry))}]

        vpc = ec2.create_vpc(CidrBlock=f"10.{50 + index}.0.0/16", TagSpecifications=tags("vpc"))["Vpc"]["VpcId"]
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.{50 + index}.1.0/24",
                                   TagSpecifications=tags("subnet"))["Subnet"]["SubnetId"]
        group = ec2.create_security_group(GroupName=label, Description="reap test", VpcId=vpc,
                                          TagSpecifications=tags("security-group", "clusters"))["GroupId"]
        address = ec2.allocate_address(Domain="vpc", TagSpecifications=tags("elastic-ip"))["AllocationId"]
        template = ec2.create_launch_template(
            LaunchTemplateName=label, LaunchTemplateData={"InstanceType": "t2.micro"},
            TagSpecifications=tags("launch-template", "clusters"))["LaunchTemplate"]["LaunchTemplateId"]
        record("security-group", group, expiry)
        record("subnet", subnet, expiry)
        record("vpc", vpc, expiry)
        record("elastic-ip", address, expiry)
        record("launch-template", template, expiry)

        logs.create_log_group(logGroupName=f"/ecs/{label}", tags=course_tags(label, "fargate-task", owner, expiry))
        record("log-group", f"/ecs/{label}", expiry)
        ecr.create_repository(repositoryName=label, tags=key_value(course_tags(label, "web-app", owner, expiry)))
        record("repository", label, expiry)
        ecs.create_cluster(clusterName=label, tags=[{"key": k, "value": v}
                                                    for k, v in course_tags(label, "clusters", owner, expiry).items()])
        record("cluster", label, expiry)
        scheduler.create_schedule_group(Name=label, Tags=key_value(course_tags(label, "network", owner, expiry)))
        record("schedule-group", label, expiry)
        if with_iam:
            iam.create_role(RoleName=label, AssumeRolePolicyDocument=TRUST,
                            Tags=key_value(course_tags(label, "iam-roles", owner, expiry)))
            record("role", label, expiry)

    for expiry in ("past", "future"):
        name = f"/ecs/ecslab-reap-other-learner-{expiry}"
        logs.create_log_group(logGroupName=name, tags=course_tags(name, "fargate-task", "other-learner", expiry))
        record("log-group", name, expiry, "other-learner")
    return made


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--regions", required=True)
    parser.add_argument("--owner", required=True)
    args = parser.parse_args()
    session = boto3.Session()
    made = []
    for index, region in enumerate(r for r in args.regions.split(",") if r):
        made += build(session, args.endpoint, region, args.owner, with_iam=index == 0)
    json.dump(made, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
