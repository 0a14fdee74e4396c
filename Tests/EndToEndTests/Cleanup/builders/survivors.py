"""Which of the resources a builder made still exist.

    python survivors.py --endpoint URL < made.json

Reads the JSON list that lookalikes.py or expiring.py printed (each item
with region, kind and id) and prints the items that are still there, asked
of each service directly: not through the tagging API, which is what a
cleanup may rely on, and not by tag, since look-alikes carry none.
"""

import argparse
import json
import sys

import boto3
import botocore.exceptions

GONE = ("NoSuchEntity", "RepositoryNotFoundException", "ResourceNotFoundException", "ClusterNotFoundException")


def exists(session, endpoint, region, item):
    def client(name):
        return session.client(name, endpoint_url=endpoint, region_name=region)

    kind, ident = item["kind"], item["id"]
    try:
        if kind == "vpc":
            return bool(client("ec2").describe_vpcs(VpcIds=[ident])["Vpcs"])
        if kind == "subnet":
            return bool(client("ec2").describe_subnets(SubnetIds=[ident])["Subnets"])
        if kind == "internet-gateway":
            return bool(client("ec2").describe_internet_gateways(InternetGatewayIds=[ident])["InternetGateways"])
        if kind == "route-table":
            return bool(client("ec2").describe_route_tables(RouteTableIds=[ident])["RouteTables"])
        if kind == "security-group":
            return bool(client("ec2").describe_security_groups(GroupIds=[ident])["SecurityGroups"])
        if kind == "elastic-ip":
            return bool(client("ec2").describe_addresses(AllocationIds=[ident])["Addresses"])
        if kind == "launch-template":
            return bool(client("ec2").describe_launch_templates(LaunchTemplateIds=[ident])["LaunchTemplates"])
        if kind == "role":
            return bool(client("iam").get_role(RoleName=ident)["Role"])
        if kind == "instance-profile":
            return bool(client("iam").get_instance_profile(InstanceProfileName=ident)["InstanceProfile"])
        if kind == "policy":
            return bool(client("iam").get_policy(PolicyArn=ident)["Policy"])
        if kind == "log-group":
            groups = client("logs").describe_log_groups(logGroupNamePrefix=ident)["logGroups"]
            return any(g["logGroupName"] == ident for g in groups)
        if kind == "cluster":
            clusters = client("ecs").describe_clusters(clusters=[ident])["clusters"]
            return any(c["status"] != "INACTIVE" for c in clusters)
        if kind == "repository":
            return bool(client("ecr").describe_repositories(repositoryNames=[ident])["repositories"])
        if kind == "schedule-group":
            return bool(client("scheduler").get_schedule_group(Name=ident)["Name"])
        if kind == "schedule":
            group, name = ident.split("/", 1)
            return bool(client("scheduler").get_schedule(GroupName=group, Name=name)["Name"])
    except botocore.exceptions.ClientError as error:
        code = error.response["Error"]["Code"]
        if "NotFound" in code or code in GONE:
            return False
        raise
    raise ValueError(f"unknown kind {kind}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    args = parser.parse_args()
    session = boto3.Session()
    made = json.load(sys.stdin)
    json.dump([item for item in made if exists(session, args.endpoint, item["region"], item)], sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
