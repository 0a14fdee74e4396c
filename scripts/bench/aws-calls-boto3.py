"""The boto3 side of scripts/bench/aws-calls: makes the listed calls in one
process, one client per service, and prints each result on one line. With
--setup it creates the few resources the calls read."""

import json
import sys

import boto3


def main():
    session = boto3.session.Session()
    if sys.argv[1] == "--setup":
        session.client("ecs").create_cluster(clusterName="bench")
        session.client("logs").create_log_group(logGroupName="/ecs/bench")
        ec2 = session.client("ec2")
        vpc = ec2.create_vpc(CidrBlock="10.99.0.0/16")["Vpc"]["VpcId"]
        ec2.create_subnet(VpcId=vpc, CidrBlock="10.99.1.0/24")
        return
    clients = {}
    for call in json.load(open(sys.argv[1])):
        service = call["service"]
        if service not in clients:
            clients[service] = session.client(service)
        method = getattr(clients[service], boto3.session.botocore.xform_name(call["operation"]))
        result = method(**call["input"])
        result.pop("ResponseMetadata", None)
        print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()
