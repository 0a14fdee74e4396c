"""Resources that look like the course's but are not ours, for proving that a
cleanup deletes by our tags and ledger only, never by name.

    python lookalikes.py prefixed --endpoint URL --region REGION > before.json
    python lookalikes.py same-names --endpoint URL --region REGION > after.json

Both print a JSON list of what they made (region, kind, id, name, and
whether it is another learner's), which survivors.py checks afterwards.
`prefixed` runs before the lessons; `same-names` after them, because
`ecslab do` refuses to build next to a resource of the lesson's name that
it did not make ("there is already a VPC named ecslab-vpc that the tutor did
not make ... Nothing was created"), which is right: the look-alikes meet the
cleanup either way.

With the credentials in the environment, they make:

- same-names: untagged resources with the course's very names, where AWS
  allows a second one (a VPC is named by a tag, and so are its subnets,
  gateway and route table; a security group's name need only be unique in
  its VPC): a second VPC 10.99.0.0/16 named `ecslab-vpc`, subnets
  `ecslab-public-1`, `ecslab-public-2`, `ecslab-private-1`,
  `ecslab-private-2`, the internet gateway `ecslab-igw` attached to it, the
  route table `ecslab-public-rt` and the security group `ecslab-ec2-web` in
  it, and an Elastic IP tagged only `Name=ecslab-nat-eip`;
- prefixed: untagged resources whose names the account or region holds
  once, named so that a cleanup matching the course's names by prefix would
  take them: the role `ecslab-ecs-task-execution-role-old`, the instance
  profile `ecslab-ecs-instance-role-old`, the policy
  `ecslab-users-dynamodb-old`, the log group `/ecs/ecslab-web-old` (lesson
  7's is `/ecs/ecslab-web`), the ECR repository `ecslab-web-old`, the launch
  template `ecslab-ec2-lt-old`, and the schedule group `ecslab-lookalike`
  with a schedule in it (the timer's group is `ecslab`);
- prefixed, too: another learner's resources in the same account, a log
  group and an Elastic IP carrying `ecslab:course=ecslab` but
  `ecslab:owner=other-learner` and an `ecslab:expires-at` far in the future.
  `cleanup` is one learner's and must leave them; `reap` is course-wide and
  deletes by expiry alone, and they have not expired. The log group is one
  the tagging API lists, the Elastic IP one it does not, so both ways of
  finding our resources are tried.
"""

import argparse
import json
import sys

import boto3

OTHER_OWNER = "other-learner"
FAR_FUTURE = "2099-01-01T00:00:00Z"


def other_learners_tags(lesson, name):
    return {
        "Name": name, "ecslab:course": "ecslab", "ecslab:lesson": lesson, "ecslab:owner": OTHER_OWNER,
        "ecslab:expires-at": FAR_FUTURE, "ecslab:entry": "00000000-0000-4000-8000-000000000000",
    }


def ec2_tags(resource_type, tags):
    return [{"ResourceType": resource_type, "Tags": [{"Key": k, "Value": v} for k, v in tags.items()]}]


TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
POLICY = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "*"}]})


def create(session, endpoint, region, only):
    def client(name):
        return session.client(name, endpoint_url=endpoint, region_name=region)

    ec2, iam, logs, ecr, scheduler = client("ec2"), client("iam"), client("logs"), client("ecr"), client("scheduler")
    made = []

    def record(kind, ident, name, other=False):
        made.append({"region": region, "kind": kind, "id": ident, "name": name, "otherLearner": other})

    if only == "same-names":
        same_names(ec2, record)
    else:
        prefixed(session, endpoint, region, ec2, iam, logs, ecr, scheduler, record)
    return made


def same_names(ec2, record):
    vpc = ec2.create_vpc(CidrBlock="10.99.0.0/16", TagSpecifications=ec2_tags("vpc", {"Name": "ecslab-vpc"}))["Vpc"]["VpcId"]
    record("vpc", vpc, "ecslab-vpc")
    zones = sorted(z["ZoneName"] for z in ec2.describe_availability_zones()["AvailabilityZones"])
    for name, cidr, zone in [("ecslab-public-1", "10.99.1.0/24", zones[0]), ("ecslab-public-2", "10.99.2.0/24", zones[1]),
                             ("ecslab-private-1", "10.99.11.0/24", zones[0]), ("ecslab-private-2", "10.99.12.0/24", zones[1])]:
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock=cidr, AvailabilityZone=zone,
                                   TagSpecifications=ec2_tags("subnet", {"Name": name}))["Subnet"]["SubnetId"]
        record("subnet", subnet, name)
    igw = ec2.create_internet_gateway(
        TagSpecifications=ec2_tags("internet-gateway", {"Name": "ecslab-igw"}))["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    record("internet-gateway", igw, "ecslab-igw")
    table = ec2.create_route_table(
        VpcId=vpc, TagSpecifications=ec2_tags("route-table", {"Name": "ecslab-public-rt"}))["RouteTable"]["RouteTableId"]
    ec2.create_route(RouteTableId=table, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
    record("route-table", table, "ecslab-public-rt")
    group = ec2.create_security_group(GroupName="ecslab-ec2-web", Description="not the course's", VpcId=vpc,
                                      TagSpecifications=ec2_tags("security-group", {"Name": "ecslab-ec2-web"}))["GroupId"]
    record("security-group", group, "ecslab-ec2-web")
    address = ec2.allocate_address(Domain="vpc", TagSpecifications=ec2_tags("elastic-ip", {"Name": "ecslab-nat-eip"}))
    record("elastic-ip", address["AllocationId"], "ecslab-nat-eip")


def prefixed(session, endpoint, region, ec2, iam, logs, ecr, scheduler, record):
    template = ec2.create_launch_template(
        LaunchTemplateName="ecslab-ec2-lt-old", LaunchTemplateData={"InstanceType": "t2.micro"})["LaunchTemplate"]
    record("launch-template", template["LaunchTemplateId"], "ecslab-ec2-lt-old")

    iam.create_role(RoleName="ecslab-ecs-task-execution-role-old", AssumeRolePolicyDocument=TRUST)
    record("role", "ecslab-ecs-task-execution-role-old", "ecslab-ecs-task-execution-role-old")
    iam.create_instance_profile(InstanceProfileName="ecslab-ecs-instance-role-old")
    record("instance-profile", "ecslab-ecs-instance-role-old", "ecslab-ecs-instance-role-old")
    policy = iam.create_policy(PolicyName="ecslab-users-dynamodb-old", PolicyDocument=POLICY)["Policy"]["Arn"]
    record("policy", policy, "ecslab-users-dynamodb-old")

    logs.create_log_group(logGroupName="/ecs/ecslab-web-old")
    record("log-group", "/ecs/ecslab-web-old", "/ecs/ecslab-web-old")
    ecr.create_repository(repositoryName="ecslab-web-old")
    record("repository", "ecslab-web-old", "ecslab-web-old")
    scheduler.create_schedule_group(Name="ecslab-lookalike")
    scheduler.create_schedule(
        Name="ecslab-nat-gateway", GroupName="ecslab-lookalike", ScheduleExpression="at(2099-01-01T00:00:00)",
        FlexibleTimeWindow={"Mode": "OFF"},
        Target={"Arn": "arn:aws:scheduler:::aws-sdk:ec2:deleteNatGateway", "Input": "{}",
                "RoleArn": f"arn:aws:iam::{account(session, endpoint, region)}:role/ecslab-timer"})
    record("schedule-group", "ecslab-lookalike", "ecslab-lookalike")
    record("schedule", "ecslab-lookalike/ecslab-nat-gateway", "ecslab-nat-gateway")

    # Another learner of the same class, in the same account.
    logs.create_log_group(logGroupName="/ecs/ecslab-web-other-learner",
                          tags=other_learners_tags("fargate-task", "ecslab-fargate-task-log-group"))
    record("log-group", "/ecs/ecslab-web-other-learner", "/ecs/ecslab-web-other-learner", other=True)
    theirs = ec2.allocate_address(Domain="vpc", TagSpecifications=ec2_tags(
        "elastic-ip", other_learners_tags("network", "ecslab-nat-eip")))
    record("elastic-ip", theirs["AllocationId"], "ecslab-nat-eip", other=True)


def account(session, endpoint, region):
    return session.client("sts", endpoint_url=endpoint, region_name=region).get_caller_identity()["Account"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["prefixed", "same-names"])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--region", required=True)
    args = parser.parse_args()
    session = boto3.Session()
    json.dump(create(session, args.endpoint, args.region, args.command), sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
