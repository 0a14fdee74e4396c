"""Hand-built labs of the ecslab course, made with boto3 the way a learner
following the lesson text builds them in the console or with the CLI, and
never with ecslab itself: that is what proves ecslab's checks grade what is
in AWS rather than what the tutor remembers.

    python labs.py --endpoint URL LAB=ACCOUNT [LAB=ACCOUNT ...]

builds each named lab in its own account on the moto server at URL (STS
AssumeRole into that account id) and prints one JSON line per lab:

    {"lab": NAME, "account": ID, "credentials": {...}, "facts": {...}}

or {"lab": NAME, "account": ID, "error": "..."} when building failed, so
that one broken builder never hides the other labs. "facts" are ids the lab
made (subnet ids, AMI ids, ...), for expectations that name a wrong value
only known once it exists.

Each lab composes the pieces below (roles, network, clusters, task) and then
makes one mistake. Names are the lessons' defaults; tags are the ones the
lessons ask the learner to add (project = ecslab-course).
"""

import argparse
import json
import sys
import traceback

import boto3

REGION = "ap-northeast-1"
PROJECT_TAG = {"Key": "project", "Value": "ecslab-course"}
ECS_PROJECT_TAG = {"key": "project", "value": "ecslab-course"}
AL2023_AMI = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"
AL2_AMI = "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id"
MANAGED = "arn:aws:iam::aws:policy/"
# echo ECS_CLUSTER=ecslab-ec2 >> /etc/ecs/ecs.config, as the lesson writes it.
USER_DATA = "IyEvYmluL2Jhc2gKZWNobyBFQ1NfQ0xVU1RFUj1lY3NsYWItZWMyID4+IC9ldGMvZWNzL2Vjcy5jb25maWcK"


class Account:
    """One learner's AWS account on the shared moto server, reached the way
    an instructor reaches a learner's account: through STS AssumeRole.
    `region` is where the lab is built (a class has learners elsewhere)."""

    def __init__(self, endpoint, account_id, region=REGION):
        self.endpoint = endpoint
        self.account_id = account_id
        self.region = region
        sts = boto3.client(
            "sts", endpoint_url=endpoint, region_name=region,
            aws_access_key_id="testing", aws_secret_access_key="testing")
        self.credentials = sts.assume_role(
            RoleArn=f"arn:aws:iam::{account_id}:role/lab", RoleSessionName="learner")["Credentials"]
        self.session = boto3.Session(
            aws_access_key_id=self.credentials["AccessKeyId"],
            aws_secret_access_key=self.credentials["SecretAccessKey"],
            aws_session_token=self.credentials["SessionToken"],
            region_name=region)
        self.clients = {}
        self.facts = {}

    def __getattr__(self, service):
        # a.ec2, a.iam, ...: one client per service, made when first used.
        # Only names that are not attributes come here; "clients" guards
        # against recursion should anything look before __init__ set it.
        if service.startswith("_") or service == "clients":
            raise AttributeError(service)
        if service not in self.clients:
            self.clients[service] = self.session.client(service.replace("_", "-"), endpoint_url=self.endpoint)
        return self.clients[service]


def name_tag(resource_type, name):
    """The Name tag as the console's "Name tag" field sets it."""
    return [{"ResourceType": resource_type, "Tags": [{"Key": "Name", "Value": name}]}]


# ----------------------------------------------------------------------------
# Lesson 3: the IAM roles.

ROLE_NAMES = {
    "instance_role_name": "ecslab-ecs-instance-role",
    "service_role_name": "ecslab-ecs-service-role",
    "autoscale_role_name": "ecslab-ecs-autoscale-role",
    "task_role_name": "ecslab-users-task-role",
    "task_policy_name": "ecslab-users-dynamodb",
    "execution_role_name": "ecslab-ecs-task-execution-role",
}


def trust(service):
    """The trust policy the console writes for a use case of `service`."""
    return json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}],
    })


def users_table_policy(a, extra_actions=()):
    """The lesson's task policy: DynamoDB on the users table, nothing else
    (unless a lab adds `extra_actions` by mistake)."""
    table = f"arn:aws:dynamodb:{a.region}:{a.account_id}:table/ecslab-users"
    statements = [{
        "Sid": "UsersTableReadWrite",
        "Effect": "Allow",
        "Action": ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan",
                   "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                   "dynamodb:BatchWriteItem", "dynamodb:DescribeTable"],
        "Resource": [table, table + "/index/*"],
    }]
    if extra_actions:
        statements.append({"Effect": "Allow", "Action": list(extra_actions), "Resource": "*"})
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


def role(a, name, service, policy_arns):
    """Create role → AWS service → use case → tick the policies → name and tag."""
    arn = a.iam.create_role(RoleName=name, AssumeRolePolicyDocument=trust(service), Tags=[PROJECT_TAG])["Role"]["Arn"]
    for policy_arn in policy_arns:
        a.iam.attach_role_policy(RoleName=name, PolicyArn=policy_arn)
    return arn


def roles(a, names=ROLE_NAMES, task_policy_extra_actions=()):
    """All five roles of lesson 3, and the instance profile the console
    creates along with an EC2 role (same name, the role inside)."""
    n = names
    a.facts["instance_role_arn"] = role(
        a, n["instance_role_name"], "ec2.amazonaws.com", [MANAGED + "service-role/AmazonEC2ContainerServiceforEC2Role"])
    profile = a.iam.create_instance_profile(InstanceProfileName=n["instance_role_name"])["InstanceProfile"]
    a.iam.add_role_to_instance_profile(InstanceProfileName=n["instance_role_name"], RoleName=n["instance_role_name"])
    a.facts["instance_profile_name"] = profile["InstanceProfileName"]
    a.facts["instance_profile_arn"] = profile["Arn"]
    role(a, n["service_role_name"], "ecs.amazonaws.com", [MANAGED + "service-role/AmazonEC2ContainerServiceRole"])
    role(a, n["autoscale_role_name"], "application-autoscaling.amazonaws.com",
         [MANAGED + "service-role/AmazonEC2ContainerServiceAutoscaleRole"])
    task_policy_arn = a.iam.create_policy(
        PolicyName=n["task_policy_name"], PolicyDocument=users_table_policy(a, task_policy_extra_actions),
        Description="Read and write the user service's DynamoDB table, nothing else", Tags=[PROJECT_TAG],
    )["Policy"]["Arn"]
    a.facts["task_role_arn"] = role(a, n["task_role_name"], "ecs-tasks.amazonaws.com", [task_policy_arn])
    a.facts["execution_role_arn"] = role(
        a, n["execution_role_name"], "ecs-tasks.amazonaws.com", [MANAGED + "service-role/AmazonECSTaskExecutionRolePolicy"])


# ----------------------------------------------------------------------------
# Lesson 4: the network.

def zones(a):
    """The region's first two Availability Zones, as the lesson picks them."""
    found = a.ec2.describe_availability_zones(
        Filters=[{"Name": "state", "Values": ["available"]}, {"Name": "zone-type", "Values": ["availability-zone"]}])
    return sorted(zone["ZoneName"] for zone in found["AvailabilityZones"])[:2]


def subnet(a, vpc_id, cidr, zone, name, public):
    subnet_id = a.ec2.create_subnet(
        VpcId=vpc_id, CidrBlock=cidr, AvailabilityZone=zone,
        TagSpecifications=name_tag("subnet", name))["Subnet"]["SubnetId"]
    if public:
        # Edit subnet settings → Enable auto-assign public IPv4 address.
        a.ec2.modify_subnet_attribute(SubnetId=subnet_id, MapPublicIpOnLaunch={"Value": True})
    return subnet_id


def route_table(a, vpc_id, name, subnet_ids, **default_route):
    """Create route table → Edit routes (0.0.0.0/0 → a gateway) → Edit subnet associations."""
    table_id = a.ec2.create_route_table(
        VpcId=vpc_id, TagSpecifications=name_tag("route-table", name))["RouteTable"]["RouteTableId"]
    if default_route:
        a.ec2.create_route(RouteTableId=table_id, DestinationCidrBlock="0.0.0.0/0", **default_route)
    for subnet_id in subnet_ids:
        a.ec2.associate_route_table(RouteTableId=table_id, SubnetId=subnet_id)
    return table_id


def main_route_table(a, vpc_id):
    tables = a.ec2.describe_route_tables(
        Filters=[{"Name": "vpc-id", "Values": [vpc_id]}, {"Name": "association.main", "Values": ["true"]}])
    return tables["RouteTables"][0]["RouteTableId"]


def decoy(a):
    """A first attempt the learner renamed to ecslab-vpc-old and left in
    place: same address range, subnets with the course's names in the same
    zones. Together with moto's default VPC it must never confuse a check."""
    first, second = zones(a)
    vpc_id = a.ec2.create_vpc(CidrBlock="10.0.0.0/16", TagSpecifications=name_tag("vpc", "ecslab-vpc-old"))["Vpc"]["VpcId"]
    a.facts["decoy_vpc_id"] = vpc_id
    a.facts["decoy_public_subnet_1"] = subnet(a, vpc_id, "10.0.1.0/24", first, "ecslab-public-1", public=True)
    a.facts["decoy_public_subnet_2"] = subnet(a, vpc_id, "10.0.2.0/24", second, "ecslab-public-2", public=True)
    a.facts["decoy_private_subnet_1"] = subnet(a, vpc_id, "10.0.11.0/24", first, "ecslab-private-1", public=False)
    a.facts["decoy_private_subnet_2"] = subnet(a, vpc_id, "10.0.12.0/24", second, "ecslab-private-2", public=False)


NETWORK_NAMES = {
    "vpc_name": "ecslab-vpc",
    "public_subnet_1_name": "ecslab-public-1",
    "public_subnet_2_name": "ecslab-public-2",
    "private_subnet_1_name": "ecslab-private-1",
    "private_subnet_2_name": "ecslab-private-2",
}


def network(a, cidr="10.0.0.0/16", public_zones=(0, 1), attach_igw=True, nat_subnet="public_subnet_1",
            private_routing="a table each", names=NETWORK_NAMES):
    """Lesson 4 step by step, next to the decoy.

    cidr: the VPC's range (the subnets are carved from its first two octets).
    public_zones: which of the two zones each public subnet goes in.
    attach_igw: False is the learner who never chose Attach to VPC. AWS then
        refuses a route to the gateway and a public NAT gateway in the VPC,
        so neither exists and the private subnets have no default route.
    nat_subnet: the fact naming the subnet the NAT gateway is put in.
    private_routing: "a table each" (the lesson), "one shared table", or
        "main table" (private subnets left unassociated on the VPC's main
        table, whose default route goes to the NAT gateway).
    names: the VPC's and subnets' Name tags (lesson 4's variables of those
        names), for a learner who chose their own.
    """
    decoy(a)
    zone_names = zones(a)
    prefix = ".".join(cidr.split(".")[:2])
    f = a.facts
    vpc_id = a.ec2.create_vpc(CidrBlock=cidr, TagSpecifications=name_tag("vpc", names["vpc_name"]))["Vpc"]["VpcId"]
    a.ec2.get_waiter("vpc_available").wait(VpcIds=[vpc_id])
    # Actions → Edit VPC settings → Enable DNS hostnames ("VPC only" leaves it off).
    a.ec2.modify_vpc_attribute(VpcId=vpc_id, EnableDnsHostnames={"Value": True})
    f["vpc_id"] = vpc_id
    f["public_subnet_1"] = subnet(a, vpc_id, f"{prefix}.1.0/24", zone_names[public_zones[0]], names["public_subnet_1_name"], True)
    f["public_subnet_2"] = subnet(a, vpc_id, f"{prefix}.2.0/24", zone_names[public_zones[1]], names["public_subnet_2_name"], True)
    f["private_subnet_1"] = subnet(a, vpc_id, f"{prefix}.11.0/24", zone_names[0], names["private_subnet_1_name"], False)
    f["private_subnet_2"] = subnet(a, vpc_id, f"{prefix}.12.0/24", zone_names[1], names["private_subnet_2_name"], False)
    public = [f["public_subnet_1"], f["public_subnet_2"]]
    private = [f["private_subnet_1"], f["private_subnet_2"]]

    igw_id = a.ec2.create_internet_gateway(
        TagSpecifications=name_tag("internet-gateway", "ecslab-igw"))["InternetGateway"]["InternetGatewayId"]
    f["igw_id"] = igw_id
    if not attach_igw:
        f["public_route_table"] = route_table(a, vpc_id, "ecslab-public-rt", public)
        route_table(a, vpc_id, "ecslab-private-rt-1", private[:1])
        route_table(a, vpc_id, "ecslab-private-rt-2", private[1:])
        return
    a.ec2.attach_internet_gateway(InternetGatewayId=igw_id, VpcId=vpc_id)
    f["public_route_table"] = route_table(a, vpc_id, "ecslab-public-rt", public, GatewayId=igw_id)

    allocation = a.ec2.allocate_address(Domain="vpc", TagSpecifications=name_tag("elastic-ip", "ecslab-nat-eip"))
    nat_id = a.ec2.create_nat_gateway(
        SubnetId=f[nat_subnet], AllocationId=allocation["AllocationId"], ConnectivityType="public",
        TagSpecifications=name_tag("natgateway", "ecslab-nat"))["NatGateway"]["NatGatewayId"]
    a.ec2.get_waiter("nat_gateway_available").wait(NatGatewayIds=[nat_id])
    f["nat_gateway_id"] = nat_id
    if private_routing == "a table each":
        f["private_route_table_1"] = route_table(a, vpc_id, "ecslab-private-rt-1", private[:1], NatGatewayId=nat_id)
        f["private_route_table_2"] = route_table(a, vpc_id, "ecslab-private-rt-2", private[1:], NatGatewayId=nat_id)
    elif private_routing == "one shared table":
        f["private_route_table"] = route_table(a, vpc_id, "ecslab-private-rt", private, NatGatewayId=nat_id)
    elif private_routing == "main table":
        main = main_route_table(a, vpc_id)
        a.ec2.create_route(RouteTableId=main, DestinationCidrBlock="0.0.0.0/0", NatGatewayId=nat_id)
        f["main_route_table"] = main
    else:
        raise ValueError(f"unknown private routing {private_routing!r}")


# ----------------------------------------------------------------------------
# Lesson 5: the clusters.

def fargate_cluster(a):
    """Create cluster → ecslab-fargate, AWS Fargate only, tag project."""
    cluster = a.ecs.create_cluster(
        clusterName="ecslab-fargate", capacityProviders=["FARGATE", "FARGATE_SPOT"],
        defaultCapacityProviderStrategy=[{"capacityProvider": "FARGATE", "weight": 1}], tags=[ECS_PROJECT_TAG])
    a.facts["fargate_cluster_arn"] = cluster["cluster"]["clusterArn"]


def web_security_group(a, name, vpc_id, ports, description):
    """Create security group in `vpc_id` with inbound HTTP(S) from anywhere."""
    group_id = a.ec2.create_security_group(
        GroupName=name, Description=description, VpcId=vpc_id,
        TagSpecifications=name_tag("security-group", name))["GroupId"]
    a.ec2.authorize_security_group_ingress(GroupId=group_id, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": port, "ToPort": port, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]} for port in ports])
    return group_id


def ami(a, parameter):
    return a.ssm.get_parameter(Name=parameter)["Parameter"]["Value"]


def ec2_cluster(a, instance_type="t2.micro", ami_parameter=AL2023_AMI):
    """The EC2 cluster as the tutor builds it, piece by piece with the
    lesson's names: security group, cluster, launch template, Auto Scaling
    group (2 instances over both public subnets) and capacity provider."""
    f = a.facts
    f["ec2_security_group_id"] = web_security_group(
        a, "ecslab-ec2-web", f["vpc_id"], [80, 443], "ecslab EC2 cluster web access")
    a.ecs.create_cluster(clusterName="ecslab-ec2", tags=[ECS_PROJECT_TAG])
    f["ecs_ami_id"] = ami(a, ami_parameter)
    template = a.ec2.create_launch_template(
        LaunchTemplateName="ecslab-ec2-lt",
        VersionDescription="ECS-optimized Amazon Linux 2023 for ecslab-ec2",
        LaunchTemplateData={
            "ImageId": f["ecs_ami_id"],
            "InstanceType": instance_type,
            "IamInstanceProfile": {"Name": f["instance_profile_name"]},
            "BlockDeviceMappings": [
                {"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 30, "VolumeType": "gp3", "DeleteOnTermination": True}}],
            "NetworkInterfaces": [{"DeviceIndex": 0, "AssociatePublicIpAddress": True,
                                   "Groups": [f["ec2_security_group_id"]], "DeleteOnTermination": True}],
            "UserData": USER_DATA,
        },
        TagSpecifications=name_tag("launch-template", "ecslab-ec2-lt"))
    f["launch_template_id"] = template["LaunchTemplate"]["LaunchTemplateId"]
    capacity(a, "ecslab-ec2-asg", "ecslab-ec2-cp", {"LaunchTemplateId": f["launch_template_id"], "Version": "$Latest"},
             managed=False)


def capacity(a, asg_name, provider_name, launch_template, managed):
    """The Auto Scaling group over both public subnets, its capacity
    provider, and that provider as the ecslab-ec2 cluster's default."""
    f = a.facts
    a.autoscaling.create_auto_scaling_group(
        AutoScalingGroupName=asg_name, LaunchTemplate=launch_template, MinSize=2, MaxSize=2, DesiredCapacity=2,
        VPCZoneIdentifier=f"{f['public_subnet_1']},{f['public_subnet_2']}",
        Tags=[dict(PROJECT_TAG, PropagateAtLaunch=True)])
    group = a.autoscaling.describe_auto_scaling_groups(AutoScalingGroupNames=[asg_name])["AutoScalingGroups"][0]
    f["asg_arn"] = group["AutoScalingGroupARN"]
    status = "ENABLED" if managed else "DISABLED"
    a.ecs.create_capacity_provider(
        name=provider_name,
        autoScalingGroupProvider={
            "autoScalingGroupArn": f["asg_arn"],
            "managedScaling": {"status": status, "targetCapacity": 100} if managed else {"status": status},
            "managedTerminationProtection": "DISABLED",
        },
        tags=[ECS_PROJECT_TAG])
    a.ecs.put_cluster_capacity_providers(
        cluster="ecslab-ec2", capacityProviders=[provider_name],
        defaultCapacityProviderStrategy=[{"capacityProvider": provider_name, "weight": 1}])


def ec2_cluster_as_the_console_builds_it(a):
    """ECS console → Create cluster ecslab-ec2 with Amazon EC2 instances: its
    CloudFormation stack names the pieces after itself, gives the launch
    template the instance profile's ARN, leaves the public IP to the
    subnets' auto-assign setting and the disk to the AMI's default."""
    f = a.facts
    stack = "Infra-ECS-Cluster-ecslab-ec2-1a2b3c4d"
    f["ec2_security_group_id"] = web_security_group(
        a, "ecslab-ec2-web", f["vpc_id"], [80, 443], "ecslab EC2 cluster web access")
    a.ecs.create_cluster(clusterName="ecslab-ec2", tags=[ECS_PROJECT_TAG])
    f["ecs_ami_id"] = ami(a, AL2023_AMI)
    template = a.ec2.create_launch_template(
        LaunchTemplateName="ECSLaunchTemplate_AbCdEf",
        LaunchTemplateData={
            "ImageId": f["ecs_ami_id"],
            "InstanceType": "t2.micro",
            "IamInstanceProfile": {"Arn": f["instance_profile_arn"]},
            "SecurityGroupIds": [f["ec2_security_group_id"]],
            "UserData": USER_DATA,
        })
    f["launch_template_id"] = template["LaunchTemplate"]["LaunchTemplateId"]
    capacity(a, f"{stack}-ECSAutoScalingGroup-AbCdEf012345", f"{stack}-AsgCapacityProvider-XyZ987",
             {"LaunchTemplateId": f["launch_template_id"], "Version": "$Latest"}, managed=True)


# ----------------------------------------------------------------------------
# Lesson 6's result, and lesson 7: the Fargate task.

def pushed_image(a):
    """Lesson 6 as far as lesson 7 needs it: the repository ecslab-web with
    an image tagged v1 (a minimal manifest stands in for docker push)."""
    repository = a.ecr.create_repository(
        repositoryName="ecslab-web", imageTagMutability="MUTABLE",
        imageScanningConfiguration={"scanOnPush": True}, tags=[PROJECT_TAG])["repository"]
    manifest = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
        "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 1469,
                   "digest": "sha256:" + "1" * 64},
        "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 3370628,
                    "digest": "sha256:" + "2" * 64}],
    }
    a.ecr.put_image(repositoryName="ecslab-web", imageManifest=json.dumps(manifest), imageTag="v1")
    a.facts["repository_uri"] = repository["repositoryUri"]


def task(a, cpu="256", memory="512", environment=(("PORT", "80"),), execution_role="execution_role_arn",
         retention_days=7, security_group_vpc="vpc_id"):
    """Lesson 7 step by step: log group, task definition, security group,
    and one task in public subnet 1 with a public IP.

    execution_role: the fact naming the role the task definition uses.
    security_group_vpc: the fact naming the VPC the security group is made in;
        the task then runs in that VPC (the Run task page lists only the
        subnets of the VPC whose security group is chosen).
    """
    f = a.facts
    a.logs.create_log_group(logGroupName="/ecs/ecslab-web", tags={"project": "ecslab-course"})
    if retention_days:
        a.logs.put_retention_policy(logGroupName="/ecs/ecslab-web", retentionInDays=retention_days)
    definition = a.ecs.register_task_definition(
        family="ecslab-web-fargate", requiresCompatibilities=["FARGATE"], networkMode="awsvpc",
        cpu=cpu, memory=memory, runtimePlatform={"operatingSystemFamily": "LINUX", "cpuArchitecture": "X86_64"},
        executionRoleArn=f[execution_role],
        containerDefinitions=[{
            "name": "ecslab-web",
            "image": f"{f['repository_uri']}:v1",
            "essential": True,
            # moto's RunTask needs a container-level memory.
            "memory": 512,
            "portMappings": [{"containerPort": 80, "hostPort": 80, "protocol": "tcp"}],
            "environment": [{"name": name, "value": value} for name, value in environment],
            "logConfiguration": {"logDriver": "awslogs", "options": {
                "awslogs-group": "/ecs/ecslab-web", "awslogs-region": a.region, "awslogs-stream-prefix": "ecs"}},
        }],
        tags=[ECS_PROJECT_TAG])
    f["task_definition_arn"] = definition["taskDefinition"]["taskDefinitionArn"]
    f["task_security_group_id"] = web_security_group(
        a, "ecslab-fargate-web", f[security_group_vpc], [80], "ecslab Fargate web task")
    run_in = f["public_subnet_1"] if security_group_vpc == "vpc_id" else default_subnet(a)
    tasks = a.ecs.run_task(
        cluster=f["fargate_cluster_arn"], taskDefinition=f["task_definition_arn"], launchType="FARGATE", count=1,
        networkConfiguration={"awsvpcConfiguration": {
            "subnets": [run_in], "securityGroups": [f["task_security_group_id"]], "assignPublicIp": "ENABLED"}},
        tags=[ECS_PROJECT_TAG])
    f["task_arn"] = tasks["tasks"][0]["taskArn"]


def default_vpc(a):
    return a.ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"][0]["VpcId"]


def default_subnet(a):
    subnets = a.ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [a.facts["default_vpc_id"]]}])["Subnets"]
    return sorted(subnets, key=lambda s: s["AvailabilityZone"])[0]["SubnetId"]


# ----------------------------------------------------------------------------
# The labs: each composes the pieces and makes at most one mistake.

LABS = {}


def lab(name):
    def register(build):
        LABS[name] = build
        return build
    return register


# Lesson 3.

@lab("roles-correct")
def _(a):
    roles(a)


RENAMED_ROLES = {
    "instance_role_name": "acme-ecs-host",
    "service_role_name": "acme-ecs-service",
    "autoscale_role_name": "acme-ecs-scaling",
    "task_role_name": "acme-users-task",
    "task_policy_name": "acme-users-table",
    "execution_role_name": "acme-ecs-execution",
}


@lab("roles-correct-renamed")
def _(a):
    roles(a, RENAMED_ROLES)


@lab("roles-instance-role-trusts-ecs")
def _(a):
    # The use case "Elastic Container Service" instead of "EC2 Role for Elastic Container Service".
    roles(a)
    a.iam.update_assume_role_policy(RoleName="ecslab-ecs-instance-role", PolicyDocument=trust("ecs.amazonaws.com"))


@lab("roles-execution-role-without-policy")
def _(a):
    # Ticked the ECR read-only policy (it pulls images, after all) instead of AmazonECSTaskExecutionRolePolicy.
    roles(a)
    name = "ecslab-ecs-task-execution-role"
    a.iam.detach_role_policy(RoleName=name, PolicyArn=MANAGED + "service-role/AmazonECSTaskExecutionRolePolicy")
    a.iam.attach_role_policy(RoleName=name, PolicyArn=MANAGED + "AmazonEC2ContainerRegistryReadOnly")


@lab("roles-service-role-untagged")
def _(a):
    roles(a)
    a.iam.untag_role(RoleName="ecslab-ecs-service-role", TagKeys=["project"])


@lab("roles-no-instance-profile")
def _(a):
    # Made with the CLI, which (unlike the console) makes no instance profile of its own.
    roles(a)
    name = "ecslab-ecs-instance-role"
    a.iam.remove_role_from_instance_profile(InstanceProfileName=name, RoleName=name)
    a.iam.delete_instance_profile(InstanceProfileName=name)


@lab("roles-task-policy-with-s3")
def _(a):
    roles(a, task_policy_extra_actions=["s3:*"])


@lab("roles-task-role-with-s3-managed-policy")
def _(a):
    roles(a)
    a.iam.attach_role_policy(RoleName="ecslab-users-task-role", PolicyArn=MANAGED + "AmazonS3ReadOnlyAccess")


@lab("roles-task-role-with-s3-inline-policy")
def _(a):
    roles(a)
    a.iam.put_role_policy(
        RoleName="ecslab-users-task-role", PolicyName="ecslab-users-s3",
        PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::ecslab-users/*"}]}))


# Lesson 4.

@lab("network-correct")
def _(a):
    network(a)


@lab("network-correct-one-private-table")
def _(a):
    network(a, private_routing="one shared table")


@lab("network-correct-private-on-main-table")
def _(a):
    network(a, private_routing="main table")


@lab("network-dns-hostnames-off")
def _(a):
    network(a)
    a.ec2.modify_vpc_attribute(VpcId=a.facts["vpc_id"], EnableDnsHostnames={"Value": False})


@lab("network-public-without-public-ip")
def _(a):
    network(a)
    for name in ("public_subnet_1", "public_subnet_2"):
        a.ec2.modify_subnet_attribute(SubnetId=a.facts[name], MapPublicIpOnLaunch={"Value": False})


@lab("network-public-in-one-zone")
def _(a):
    network(a, public_zones=(0, 0))


@lab("network-igw-not-attached")
def _(a):
    network(a, attach_igw=False)


@lab("network-nat-in-private-subnet")
def _(a):
    network(a, nat_subnet="private_subnet_1")


@lab("network-private-route-to-igw")
def _(a):
    network(a)
    for table in ("private_route_table_1", "private_route_table_2"):
        a.ec2.replace_route(RouteTableId=a.facts[table], DestinationCidrBlock="0.0.0.0/0", GatewayId=a.facts["igw_id"])


@lab("network-public-subnet-without-default-route")
def _(a):
    # Edit subnet associations on ecslab-public-rt: only ecslab-public-1 ticked,
    # so ecslab-public-2 stays on the main route table, which has no 0.0.0.0/0.
    network(a)
    tables = a.ec2.describe_route_tables(RouteTableIds=[a.facts["public_route_table"]])["RouteTables"]
    for association in tables[0]["Associations"]:
        if association.get("SubnetId") == a.facts["public_subnet_2"]:
            a.ec2.disassociate_route_table(AssociationId=association["RouteTableAssociationId"])


@lab("network-wrong-cidr")
def _(a):
    network(a, cidr="10.1.0.0/16")


@lab("network-two-vpcs-named-ecslab-vpc")
def _(a):
    # Create VPC pressed twice: the second, empty VPC has the same name.
    network(a)
    a.facts["second_vpc_id"] = a.ec2.create_vpc(
        CidrBlock="10.0.0.0/16", TagSpecifications=name_tag("vpc", "ecslab-vpc"))["Vpc"]["VpcId"]


# Lesson 5: lessons 3 and 4 done right in the same account.

def clusters_lab(a, **ec2):
    roles(a)
    network(a)
    fargate_cluster(a)
    ec2_cluster(a, **ec2)


@lab("clusters-correct")
def _(a):
    clusters_lab(a)


@lab("clusters-correct-console")
def _(a):
    roles(a)
    network(a)
    fargate_cluster(a)
    ec2_cluster_as_the_console_builds_it(a)


@lab("clusters-instance-type-t3-large")
def _(a):
    clusters_lab(a, instance_type="t3.large")


@lab("clusters-amazon-linux-2-ami")
def _(a):
    clusters_lab(a, ami_parameter=AL2_AMI)


@lab("clusters-desired-capacity-zero")
def _(a):
    clusters_lab(a)
    a.autoscaling.update_auto_scaling_group(AutoScalingGroupName="ecslab-ec2-asg", MinSize=0, DesiredCapacity=0)


@lab("clusters-capacity-provider-not-on-cluster")
def _(a):
    clusters_lab(a)
    a.ecs.put_cluster_capacity_providers(cluster="ecslab-ec2", capacityProviders=[], defaultCapacityProviderStrategy=[])


@lab("clusters-security-group-without-443")
def _(a):
    clusters_lab(a)
    a.ec2.revoke_security_group_ingress(GroupId=a.facts["ec2_security_group_id"], IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])


@lab("clusters-fargate-untagged")
def _(a):
    clusters_lab(a)
    a.ecs.untag_resource(resourceArn=a.facts["fargate_cluster_arn"], tagKeys=["project"])


# Lesson 6: the repository and its image; the app's files are the test's.

@lab("web-app-correct")
def _(a):
    pushed_image(a)


@lab("web-app-scan-on-push-off")
def _(a):
    pushed_image(a)
    a.ecr.put_image_scanning_configuration(repositoryName="ecslab-web", imageScanningConfiguration={"scanOnPush": False})


# Lesson 7: lessons 3 and 4, lesson 5's Fargate cluster and lesson 6's image.

def fargate_task_lab(a, **options):
    roles(a)
    network(a)
    fargate_cluster(a)
    pushed_image(a)
    a.facts["default_vpc_id"] = default_vpc(a)
    task(a, **options)


@lab("task-correct")
def _(a):
    fargate_task_lab(a)


@lab("task-without-port-variable")
def _(a):
    fargate_task_lab(a, environment=())


@lab("task-half-a-vcpu")
def _(a):
    # 0.5 vCPU, which Fargate pairs with at least 1 GB.
    fargate_task_lab(a, cpu="512", memory="1024")


@lab("task-log-group-without-retention")
def _(a):
    fargate_task_lab(a, retention_days=None)


@lab("task-security-group-in-default-vpc")
def _(a):
    fargate_task_lab(a, security_group_vpc="default_vpc_id")


@lab("task-definition-with-task-role-as-execution-role")
def _(a):
    fargate_task_lab(a, execution_role="task_role_arn")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--endpoint", required=True, help="the moto server's URL")
    parser.add_argument("--list", action="store_true", help="print the lab names and exit")
    parser.add_argument("labs", nargs="*", metavar="LAB=ACCOUNT")
    arguments = parser.parse_args()
    if arguments.list:
        print("\n".join(LABS))
        return 0
    for pair in arguments.labs:
        name, _, account_id = pair.partition("=")
        line = {"lab": name, "account": account_id}
        try:
            if name not in LABS:
                raise KeyError(f"no lab named {name!r}")
            account = Account(arguments.endpoint, account_id)
            LABS[name](account)
            line["credentials"] = {key: account.credentials[key] for key in ("AccessKeyId", "SecretAccessKey", "SessionToken")}
            line["facts"] = account.facts
        except Exception:
            line["error"] = traceback.format_exc()
        print(json.dumps(line), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
