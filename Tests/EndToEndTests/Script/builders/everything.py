"""Everything a learner's scripts could have left in a moto account,
tagged or not, found with boto3 alone: what a teardown must leave empty.
Prints one `kind id` line per resource; the account's defaults (its
default VPC and what belongs to it, AWS's own roles) are not listed.

    python everything.py --endpoint URL
"""
import argparse

import boto3


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    endpoint = parser.parse_args().endpoint
    client = lambda service: boto3.client(service, endpoint_url=endpoint)
    ec2, iam, ecs, logs, autoscaling, ecr = (client(s) for s in ("ec2", "iam", "ecs", "logs", "autoscaling", "ecr"))
    default_vpcs = {v["VpcId"] for v in ec2.describe_vpcs()["Vpcs"] if v["IsDefault"]}
    found = []
    found += [("vpc", v["VpcId"]) for v in ec2.describe_vpcs()["Vpcs"] if not v["IsDefault"]]
    found += [("subnet", s["SubnetId"]) for s in ec2.describe_subnets()["Subnets"] if s["VpcId"] not in default_vpcs]
    found += [("internet-gateway", g["InternetGatewayId"]) for g in ec2.describe_internet_gateways()["InternetGateways"]
              if not any(a.get("VpcId") in default_vpcs for a in g.get("Attachments", []))]
    found += [("route-table", t["RouteTableId"]) for t in ec2.describe_route_tables()["RouteTables"] if t["VpcId"] not in default_vpcs]
    found += [("elastic-ip", a["AllocationId"]) for a in ec2.describe_addresses()["Addresses"]]
    found += [("nat-gateway", n["NatGatewayId"]) for n in ec2.describe_nat_gateways()["NatGateways"] if n["State"] not in ("deleted", "deleting")]
    found += [("security-group", g["GroupId"]) for g in ec2.describe_security_groups()["SecurityGroups"] if g["VpcId"] not in default_vpcs]
    found += [("launch-template", t["LaunchTemplateId"]) for t in ec2.describe_launch_templates()["LaunchTemplates"]]
    found += [("instance", i["InstanceId"]) for r in ec2.describe_instances()["Reservations"] for i in r["Instances"]
              if i["State"]["Name"] not in ("terminated", "shutting-down")]
    found += [("role", r["RoleName"]) for r in iam.list_roles()["Roles"] if not r["Path"].startswith("/aws-service-role/")]
    found += [("instance-profile", p["InstanceProfileName"]) for p in iam.list_instance_profiles()["InstanceProfiles"]]
    found += [("policy", p["PolicyName"]) for p in iam.list_policies(Scope="Local")["Policies"]]
    clusters = ecs.list_clusters()["clusterArns"]
    if clusters:
        found += [("cluster", c["clusterName"]) for c in ecs.describe_clusters(clusters=clusters)["clusters"] if c["status"] == "ACTIVE"]
    found += [("task-definition", t) for t in ecs.list_task_definitions(status="ACTIVE")["taskDefinitionArns"]]
    found += [("auto-scaling-group", g["AutoScalingGroupName"]) for g in autoscaling.describe_auto_scaling_groups()["AutoScalingGroups"]]
    found += [("log-group", g["logGroupName"]) for g in logs.describe_log_groups()["logGroups"]]
    found += [("repository", r["repositoryName"]) for r in ecr.describe_repositories()["repositories"]]
    for kind, name in found:
        print(kind, name)


if __name__ == "__main__":
    main()
