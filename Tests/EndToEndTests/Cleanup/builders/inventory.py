"""Everything in an account that carries the course tag `ecslab:course=ecslab`
and still exists, found without ecslab and without its ledger: what a
careful person would list in the console to prove that a cleanup left
nothing behind.

    python inventory.py --endpoint URL --regions ap-northeast-1[,us-west-2]

Credentials come from the environment (AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), as they do for ecslab. It prints
one JSON object: {"account": ..., "resources": [...]}, each resource with
its region ("global" for IAM), service, type, id, ARN, tags and the call that
found it, sorted, so that two inventories can be compared.

What the Resource Groups Tagging API covers, checked in moto 5.2.5's source
(moto/resourcegroupstaggingapi/models.py walks every backend that is a
TaggableResourcesMixin and calls its iter_tagged_resources()):

- ec2: customer gateways, flow logs, images, instances, internet gateways,
  managed prefix lists, NAT gateways, network interfaces, route tables,
  security groups, snapshots, spot requests, subnets, traffic mirror
  sessions, transit gateways and their attachments, volumes, VPCs, peering
  connections, VPN connections. Not Elastic IPs, launch templates, key
  pairs or VPC endpoints.
- ecs: services, clusters, tasks, task definitions. Not capacity providers.
- logs: log groups.
- elbv2, ssm, events and others the course does not use.
- autoscaling: nothing (its iter_tagged_resources returns an empty list, as
  AWS documents: GetResources does not support Auto Scaling groups).
- iam, ecr and scheduler are no TaggableResourcesMixin at all: nothing.

So GetResources is asked first (every page), and what it leaves out is
listed service by service: IAM roles, instance profiles and customer-managed
policies (IAM is global, listed once), Elastic IPs, launch templates, Auto
Scaling groups, ECS capacity providers, ECR repositories, log groups (again,
in case a cleanup looks only at one of the two), EventBridge Scheduler
schedule groups and every schedule in the group `ecslab` (schedules carry no
tags: the group is what makes them ours).

AWS keeps listing some resources for a while after they are gone; those are
left out, because they cost nothing and cannot be deleted again: terminated
instances, deleted NAT gateways, STOPPED tasks, and INACTIVE ECS clusters,
services, capacity providers and task definitions.

Any call that fails makes the script fail: an inventory that silently skips
a service would let a cleanup pass that left something behind.
"""

import argparse
import glob
import json
import os
import sys

import boto3
import botocore.config
import botocore.exceptions
import yaml

COURSE_KEY = "ecslab:course"
COURSE_VALUE = "ecslab"
TIMER_GROUP = "ecslab"
HERE = os.path.dirname(os.path.abspath(__file__))
LESSONS = os.path.join(HERE, "..", "..", "..", "..", "lessons")


def tag_dict(tags, key="Key", value="Value"):
    return {t[key]: t[value] for t in (tags or [])}


def ours(tags):
    return tags.get(COURSE_KEY) == COURSE_VALUE


def paginate(client, operation, key, **params):
    for page in client.get_paginator(operation).paginate(**params):
        yield from page.get(key, [])


class Inventory:
    def __init__(self, endpoint):
        self.endpoint = endpoint
        self.session = boto3.Session()
        self.found = {}

    def client(self, service, region):
        return self.session.client(service, endpoint_url=self.endpoint, region_name=region)

    def add(self, region, service, kind, ident, arn, tags, via):
        # The same resource may come from GetResources and from its own
        # service's listing (log groups): one entry, keyed by ARN.
        self.found.setdefault(arn, {
            "region": region, "service": service, "type": kind, "id": ident, "arn": arn,
            "tags": tags, "via": via,
        })

    # ------------------------------------------------------------------
    # The tagging API, and whether what it lists is really still there.

    def tagged(self, region):
        tagging = self.client("resourcegroupstaggingapi", region)
        for mapping in paginate(tagging, "get_resources", "ResourceTagMappingList",
                                TagFilters=[{"Key": COURSE_KEY, "Values": [COURSE_VALUE]}]):
            arn = mapping["ResourceARN"]
            tags = tag_dict(mapping.get("Tags"))
            service, kind, ident = describe_arn(arn)
            if self.still_exists(region, service, kind, ident, arn):
                self.add(region, service, kind, ident, arn, tags, "tagging:GetResources")

    def still_exists(self, region, service, kind, ident, arn):
        if service == "ec2" and kind == "instance":
            reservations = self.client("ec2", region).describe_instances(InstanceIds=[ident])["Reservations"]
            states = [i["State"]["Name"] for r in reservations for i in r["Instances"]]
            return any(state != "terminated" for state in states)
        if service == "ec2" and kind == "natgateway":
            gateways = self.client("ec2", region).describe_nat_gateways(NatGatewayIds=[ident])["NatGateways"]
            return any(g["State"] != "deleted" for g in gateways)
        if service == "ecs":
            ecs = self.client("ecs", region)
            if kind == "task":
                # arn:aws:ecs:REGION:ACCOUNT:task/CLUSTER/ID
                cluster = arn.split(":", 5)[5].split("/")[1]
                tasks = ecs.describe_tasks(cluster=cluster, tasks=[arn])["tasks"]
                return any(t.get("lastStatus") != "STOPPED" for t in tasks)
            if kind == "cluster":
                clusters = ecs.describe_clusters(clusters=[arn])["clusters"]
                return any(c.get("status") != "INACTIVE" for c in clusters)
            if kind == "service":
                cluster = arn.split(":", 5)[5].split("/")[1]
                services = ecs.describe_services(cluster=cluster, services=[arn])["services"]
                return any(s.get("status") != "INACTIVE" for s in services)
            if kind == "task-definition":
                try:
                    status = ecs.describe_task_definition(taskDefinition=arn)["taskDefinition"]["status"]
                except botocore.exceptions.ClientError as error:
                    if error.response["Error"]["Code"] in ("ClientException", "ClientError"):
                        return False
                    raise
                return status not in ("INACTIVE", "DELETE_IN_PROGRESS")
        return True

    # ------------------------------------------------------------------
    # What the tagging API does not cover.

    def iam(self):
        iam = self.client("iam", "us-east-1")
        for role in paginate(iam, "list_roles", "Roles"):
            tags = tag_dict(paginated_tags(iam, "list_role_tags", RoleName=role["RoleName"]))
            if ours(tags):
                self.add("global", "iam", "role", role["RoleName"], role["Arn"], tags, "iam:ListRoleTags")
        for profile in paginate(iam, "list_instance_profiles", "InstanceProfiles"):
            # moto has no ListInstanceProfileTags (it answers 500); AWS and
            # moto both return the tags with GetInstanceProfile.
            got = iam.get_instance_profile(InstanceProfileName=profile["InstanceProfileName"])["InstanceProfile"]
            tags = tag_dict(got.get("Tags"))
            if ours(tags):
                self.add("global", "iam", "instance-profile", profile["InstanceProfileName"], profile["Arn"], tags,
                         "iam:GetInstanceProfile")
        for policy in paginate(iam, "list_policies", "Policies", Scope="Local"):
            tags = tag_dict(paginated_tags(iam, "list_policy_tags", PolicyArn=policy["Arn"]))
            if ours(tags):
                self.add("global", "iam", "policy", policy["PolicyName"], policy["Arn"], tags, "iam:ListPolicyTags")

    def regional(self, region):
        account = self.account
        ec2 = self.client("ec2", region)
        course_filter = [{"Name": f"tag:{COURSE_KEY}", "Values": [COURSE_VALUE]}]
        for address in ec2.describe_addresses(Filters=course_filter)["Addresses"]:
            ident = address.get("AllocationId") or address["PublicIp"]
            self.add(region, "ec2", "elastic-ip", ident, f"arn:aws:ec2:{region}:{account}:elastic-ip/{ident}",
                     tag_dict(address.get("Tags")), "ec2:DescribeAddresses")
        for template in paginate(ec2, "describe_launch_templates", "LaunchTemplates", Filters=course_filter):
            ident = template["LaunchTemplateId"]
            self.add(region, "ec2", "launch-template", ident, f"arn:aws:ec2:{region}:{account}:launch-template/{ident}",
                     tag_dict(template.get("Tags")), "ec2:DescribeLaunchTemplates")

        autoscaling = self.client("autoscaling", region)
        for group in paginate(autoscaling, "describe_auto_scaling_groups", "AutoScalingGroups"):
            tags = tag_dict(group.get("Tags"))
            # A group being deleted ("Delete in progress") still lists until
            # its instances are gone, and counts: they may still be running.
            if ours(tags):
                self.add(region, "autoscaling", "auto-scaling-group", group["AutoScalingGroupName"],
                         group["AutoScalingGroupARN"], tags, "autoscaling:DescribeAutoScalingGroups")

        ecs = self.client("ecs", region)
        for provider in self.capacity_providers(ecs):
            tags = tag_dict(provider.get("tags"), "key", "value")
            if ours(tags) and provider.get("status") != "INACTIVE":
                self.add(region, "ecs", "capacity-provider", provider["name"], provider["capacityProviderArn"], tags,
                         "ecs:DescribeCapacityProviders")

        ecr = self.client("ecr", region)
        for repository in paginate(ecr, "describe_repositories", "repositories"):
            arn = repository["repositoryArn"]
            tags = tag_dict(ecr.list_tags_for_resource(resourceArn=arn).get("tags"))
            if ours(tags):
                self.add(region, "ecr", "repository", repository["repositoryName"], arn, tags, "ecr:ListTagsForResource")

        logs = self.client("logs", region)
        for group in paginate(logs, "describe_log_groups", "logGroups"):
            # DescribeLogGroups gives the ARN with ":*" at the end; tags and
            # GetResources use it without.
            arn = group["arn"][:-2] if group["arn"].endswith(":*") else group["arn"]
            tags = logs.list_tags_for_resource(resourceArn=arn).get("tags") or {}
            if ours(tags):
                self.add(region, "logs", "log-group", group["logGroupName"], arn, tags, "logs:ListTagsForResource")

        scheduler = self.client("scheduler", region)
        for group in paginate(scheduler, "list_schedule_groups", "ScheduleGroups"):
            if group["Name"] == "default":
                continue
            tags = tag_dict(scheduler.list_tags_for_resource(ResourceArn=group["Arn"]).get("Tags"))
            if ours(tags) and group.get("State") != "DELETING":
                self.add(region, "scheduler", "schedule-group", group["Name"], group["Arn"], tags,
                         "scheduler:ListTagsForResource")
        for schedule in paginate(scheduler, "list_schedules", "Schedules", GroupName=TIMER_GROUP):
            self.add(region, "scheduler", "schedule", f"{TIMER_GROUP}/{schedule['Name']}", schedule["Arn"], {},
                     "scheduler:ListSchedules")

    def capacity_providers(self, ecs):
        """Every capacity provider in the region. AWS lists them all when no
        name is given; moto 5.2.5 answers that with a server error (its
        describe_capacity_providers iterates over None), so on moto the
        names are gathered instead: those attached to any cluster, and the
        course's own names from lessons/*/lesson.yaml, which is where a
        provider taken off its cluster by a cleanup killed half-way is."""
        # Asked once, without retries: a server error here is moto's gap,
        # not a passing fault.
        once = self.session.client("ecs", endpoint_url=self.endpoint, region_name=ecs.meta.region_name,
                                   config=botocore.config.Config(retries={"total_max_attempts": 1}))
        try:
            providers, token = [], None
            while True:
                page = once.describe_capacity_providers(include=["TAGS"], **({"nextToken": token} if token else {}))
                providers += page.get("capacityProviders", [])
                token = page.get("nextToken")
                if not token:
                    return providers
        except botocore.exceptions.ClientError as error:
            if error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") != 500:
                raise
        names = set(course_capacity_provider_names())
        arns = list(paginate(ecs, "list_clusters", "clusterArns"))
        for start in range(0, len(arns), 100):
            for cluster in ecs.describe_clusters(clusters=arns[start:start + 100])["clusters"]:
                names.update(cluster.get("capacityProviders") or [])
        names -= {"FARGATE", "FARGATE_SPOT"}
        if not names:
            return []
        return ecs.describe_capacity_providers(capacityProviders=sorted(names), include=["TAGS"])["capacityProviders"]

    def run(self, regions):
        self.account = self.client("sts", regions[0]).get_caller_identity()["Account"]
        self.iam()
        for region in regions:
            self.tagged(region)
            self.regional(region)
        resources = sorted(self.found.values(), key=lambda r: (r["region"], r["service"], r["type"], r["arn"]))
        return {"account": self.account, "regions": regions, "resources": resources}


def paginated_tags(iam, operation, **params):
    tags, marker = [], None
    while True:
        page = getattr(iam, operation)(**params, **({"Marker": marker} if marker else {}))
        tags += page.get("Tags", [])
        if not page.get("IsTruncated"):
            return tags
        marker = page["Marker"]


def describe_arn(arn):
    """(service, type, id) of an ARN: arn:aws:ec2:r:a:vpc/vpc-1 gives
    ("ec2", "vpc", "vpc-1"); arn:aws:logs:r:a:log-group:/ecs/x gives
    ("logs", "log-group", "/ecs/x")."""
    parts = arn.split(":", 5)
    service, resource = parts[2], parts[5]
    if "/" in resource and (":" not in resource or resource.index("/") < resource.index(":")):
        kind, ident = resource.split("/", 1)
    elif ":" in resource:
        kind, ident = resource.split(":", 1)
    else:
        kind, ident = resource, resource
    return service, kind, ident


def course_capacity_provider_names():
    names = []
    for path in sorted(glob.glob(os.path.join(LESSONS, "*", "lesson.yaml"))):
        with open(path, encoding="utf-8") as handle:
            lesson = yaml.safe_load(handle) or {}
        for name, value in (lesson.get("variables") or {}).items():
            if "capacity_provider" in name:
                names.append(value.get("default") if isinstance(value, dict) else value)
    return [name for name in names if isinstance(name, str)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--regions", required=True, help="comma-separated")
    args = parser.parse_args()
    regions = [r for r in args.regions.split(",") if r]
    json.dump(Inventory(args.endpoint).run(regions), sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
