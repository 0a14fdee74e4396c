"""Records the responses ResponseFuzzTests mutates: raw bodies from a moto
server, each with the operation and status it answers, and what botocore
makes of it with the aws CLI's parser settings (timestamps and blobs as they
came over the wire), which is what ecslab must make of it too.

    source scripts/lib/moto.sh; moto_start MOTO_URL
    .venv/bin/python Tests/AWSTests/Fixtures/recorded/record.py --endpoint "$MOTO_URL"

It writes NAME.xml or NAME.json next to itself, one per response, and
recordings.json, the list of them. Run it on a fresh server: the ids moto
makes up change from run to run, so a second recording differs everywhere.
Lists are kept short by asking for the resources made here alone.
"""

import argparse
import json
import os

import boto3
from botocore import xform_name
from botocore.exceptions import ClientError

HERE = os.path.dirname(os.path.abspath(__file__))
REGION = "us-east-1"
# The headers a parser reads; moto's Date and Server only add noise.
KEPT_HEADERS = {"content-type", "x-amzn-errortype", "x-amzn-query-error", "x-amzn-requestid", "x-amz-request-id"}
ROLE_TRUST = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}


def identity(value):
    return value


class Recorder:
    def __init__(self, endpoint):
        self.session = boto3.session.Session(
            aws_access_key_id="AKIAFUZZRECORDING", aws_secret_access_key="fuzz-recording-secret", region_name=REGION
        )
        # What the aws CLI sets (awscli/customizations/scalarparse.py).
        factory = self.session._session.get_component("response_parser_factory")
        factory.set_parser_defaults(timestamp_parser=identity, blob_parser=identity)
        self.endpoint = endpoint
        self.clients = {}
        self.raw = None
        self.recordings = []

    def client(self, service):
        if service not in self.clients:
            client = self.session.client(service, endpoint_url=self.endpoint)
            client.meta.events.register("before-parse", self.keep_raw)
            self.clients[service] = client
        return self.clients[service]

    def keep_raw(self, response_dict, **_):
        self.raw = response_dict

    def call(self, service, operation, **params):
        """Makes a call that is part of the set-up, not recorded."""
        return getattr(self.client(service), xform_name(operation))(**params)

    def record(self, name, service, operation, **params):
        client = self.client(service)
        self.raw = None
        try:
            output = getattr(client, xform_name(operation))(**params)
            output.pop("ResponseMetadata", None)
            expected = {"output": output}
        except ClientError as error:
            expected = {"error": {"code": error.response["Error"].get("Code", ""), "message": error.response["Error"].get("Message", "")}}
        raw = self.raw
        body = raw["body"]
        protocol = client.meta.service_model.protocol
        extension = "xml" if protocol in ("query", "ec2", "rest-xml") else "json"
        file = f"{name}.{extension}"
        with open(os.path.join(HERE, file), "wb") as handle:
            handle.write(body)
        headers = {key.lower(): value for key, value in raw["headers"].items() if key.lower() in KEPT_HEADERS}
        self.recordings.append(
            {
                "name": name,
                "service": service,
                "operation": operation,
                "status": raw["status_code"],
                "headers": dict(sorted(headers.items())),
                "body": file,
                "expected": expected,
            }
        )

    def write(self):
        with open(os.path.join(HERE, "recordings.json"), "w") as handle:
            json.dump(self.recordings, handle, indent=2, ensure_ascii=False, default=str)
            handle.write("\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    recorder = Recorder(parser.parse_args().endpoint)
    call, record = recorder.call, recorder.record

    tags = [{"Key": "Name", "Value": "fuzz-vpc"}]
    vpc = call("ec2", "CreateVpc", CidrBlock="10.90.0.0/16", TagSpecifications=[{"ResourceType": "vpc", "Tags": tags}])["Vpc"]["VpcId"]
    subnets = [
        call("ec2", "CreateSubnet", VpcId=vpc, CidrBlock=f"10.90.{n}.0/24", AvailabilityZone=f"{REGION}{zone}")["Subnet"]["SubnetId"]
        for n, zone in ((1, "a"), (2, "b"))
    ]
    gateway = call("ec2", "CreateInternetGateway")["InternetGateway"]["InternetGatewayId"]
    call("ec2", "AttachInternetGateway", InternetGatewayId=gateway, VpcId=vpc)
    table = call("ec2", "CreateRouteTable", VpcId=vpc)["RouteTable"]["RouteTableId"]
    call("ec2", "CreateRoute", RouteTableId=table, DestinationCidrBlock="0.0.0.0/0", GatewayId=gateway)
    call("ec2", "AssociateRouteTable", RouteTableId=table, SubnetId=subnets[0])
    vpc_filter = [{"Name": "vpc-id", "Values": [vpc]}]
    record("ec2-DescribeVpcs", "ec2", "DescribeVpcs", VpcIds=[vpc])
    record("ec2-DescribeSubnets", "ec2", "DescribeSubnets", Filters=vpc_filter)
    record("ec2-DescribeRouteTables", "ec2", "DescribeRouteTables", RouteTableIds=[table])
    record("ec2-DescribeVpcs-NotFound", "ec2", "DescribeVpcs", VpcIds=["vpc-0000000000000000f"])

    call("iam", "CreateRole", RoleName="fuzz-task-role", AssumeRolePolicyDocument=json.dumps(ROLE_TRUST),
         Tags=[{"Key": "course", "Value": "ecslab"}])
    record("iam-GetRole", "iam", "GetRole", RoleName="fuzz-task-role")
    record("iam-GetRole-NoSuchEntity", "iam", "GetRole", RoleName="no-such-role")

    record("sts-GetCallerIdentity", "sts", "GetCallerIdentity")

    template = call("ec2", "CreateLaunchTemplate", LaunchTemplateName="fuzz-lt",
                    LaunchTemplateData={"ImageId": "ami-12c6146b", "InstanceType": "t3.micro"})["LaunchTemplate"]["LaunchTemplateId"]
    call("autoscaling", "CreateAutoScalingGroup", AutoScalingGroupName="fuzz-asg", MinSize=0, MaxSize=1, DesiredCapacity=0,
         LaunchTemplate={"LaunchTemplateId": template, "Version": "$Latest"}, VPCZoneIdentifier=",".join(subnets),
         Tags=[{"Key": "course", "Value": "ecslab", "PropagateAtLaunch": True}])
    record("autoscaling-DescribeAutoScalingGroups", "autoscaling", "DescribeAutoScalingGroups", AutoScalingGroupNames=["fuzz-asg"])

    call("ecs", "CreateCluster", clusterName="fuzz-cluster", tags=[{"key": "course", "value": "ecslab"}])
    record("ecs-DescribeClusters", "ecs", "DescribeClusters", clusters=["fuzz-cluster"], include=["TAGS"])
    record("ecs-DescribeServices-ClusterNotFound", "ecs", "DescribeServices", cluster="no-such-cluster", services=["web"])

    call("logs", "CreateLogGroup", logGroupName="/ecs/fuzz-web", tags={"course": "ecslab"})
    record("logs-DescribeLogGroups", "logs", "DescribeLogGroups", logGroupNamePrefix="/ecs/fuzz")

    call("scheduler", "CreateSchedule", Name="fuzz-stop", ScheduleExpression="at(2030-01-01T00:00:00)",
         FlexibleTimeWindow={"Mode": "OFF"},
         Target={"Arn": "arn:aws:scheduler:::aws-sdk:ecs:stopTask", "RoleArn": "arn:aws:iam::123456789012:role/fuzz-timer",
                 "Input": json.dumps({"Cluster": "fuzz-cluster", "Task": "t-1"})})
    record("scheduler-GetSchedule", "scheduler", "GetSchedule", Name="fuzz-stop")
    record("scheduler-GetSchedule-NotFound", "scheduler", "GetSchedule", Name="no-such-schedule")

    recorder.write()
    print(f"recorded {len(recorder.recordings)} responses in {HERE}")


if __name__ == "__main__":
    main()
