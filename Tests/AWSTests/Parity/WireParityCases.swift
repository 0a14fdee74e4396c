/// The operations the course's lessons and checks use, with parameters in the
/// API's shape, for comparing our requests with botocore's.
enum WireParityCases {
    struct Case {
        var service: String
        var operation: String
        var params: String
    }

    static let all: [Case] = [
        // EC2: the network of the course.
        Case(service: "ec2", operation: "CreateVpc", params: #"{"CidrBlock":"10.0.0.0/16","TagSpecifications":[{"ResourceType":"vpc","Tags":[{"Key":"Name","Value":"ecs-course"},{"Key":"course","Value":"ecs"}]}]}"#),
        Case(service: "ec2", operation: "ModifyVpcAttribute", params: #"{"VpcId":"vpc-0a1b","EnableDnsHostnames":{"Value":true}}"#),
        Case(service: "ec2", operation: "DescribeVpcs", params: #"{"Filters":[{"Name":"tag:Name","Values":["ecs course","a/b"]}],"VpcIds":["vpc-1","vpc-2"]}"#),
        Case(service: "ec2", operation: "DeleteVpc", params: #"{"VpcId":"vpc-0a1b","DryRun":false}"#),
        Case(service: "ec2", operation: "CreateSubnet", params: #"{"VpcId":"vpc-0a1b","CidrBlock":"10.0.1.0/24","AvailabilityZone":"ap-northeast-1a"}"#),
        Case(service: "ec2", operation: "DescribeSubnets", params: #"{"SubnetIds":["subnet-1","subnet-2"],"Filters":[{"Name":"vpc-id","Values":["vpc-0a1b"]}]}"#),
        Case(service: "ec2", operation: "ModifySubnetAttribute", params: #"{"SubnetId":"subnet-1","MapPublicIpOnLaunch":{"Value":true}}"#),
        Case(service: "ec2", operation: "CreateInternetGateway", params: #"{}"#),
        Case(service: "ec2", operation: "AttachInternetGateway", params: #"{"InternetGatewayId":"igw-1","VpcId":"vpc-0a1b"}"#),
        Case(service: "ec2", operation: "DescribeInternetGateways", params: #"{"Filters":[{"Name":"attachment.vpc-id","Values":["vpc-0a1b"]}]}"#),
        Case(service: "ec2", operation: "AllocateAddress", params: #"{"Domain":"vpc"}"#),
        Case(service: "ec2", operation: "ReleaseAddress", params: #"{"AllocationId":"eipalloc-1"}"#),
        Case(service: "ec2", operation: "CreateNatGateway", params: #"{"SubnetId":"subnet-1","AllocationId":"eipalloc-1","ClientToken":"token-1"}"#),
        Case(service: "ec2", operation: "DescribeNatGateways", params: #"{"Filter":[{"Name":"vpc-id","Values":["vpc-0a1b"]}],"NatGatewayIds":["nat-1"]}"#),
        Case(service: "ec2", operation: "DeleteNatGateway", params: #"{"NatGatewayId":"nat-1"}"#),
        Case(service: "ec2", operation: "CreateRouteTable", params: #"{"VpcId":"vpc-0a1b"}"#),
        Case(service: "ec2", operation: "CreateRoute", params: #"{"RouteTableId":"rtb-1","DestinationCidrBlock":"0.0.0.0/0","GatewayId":"igw-1"}"#),
        Case(service: "ec2", operation: "AssociateRouteTable", params: #"{"RouteTableId":"rtb-1","SubnetId":"subnet-1"}"#),
        Case(service: "ec2", operation: "DescribeRouteTables", params: #"{"Filters":[{"Name":"vpc-id","Values":["vpc-0a1b"]}]}"#),
        Case(service: "ec2", operation: "CreateSecurityGroup", params: #"{"GroupName":"web","Description":"web traffic","VpcId":"vpc-0a1b"}"#),
        Case(service: "ec2", operation: "AuthorizeSecurityGroupIngress", params: #"{"GroupId":"sg-1","IpPermissions":[{"IpProtocol":"tcp","FromPort":80,"ToPort":80,"IpRanges":[{"CidrIp":"0.0.0.0/0","Description":"http from anywhere"}],"UserIdGroupPairs":[{"GroupId":"sg-2"}]}]}"#),
        Case(service: "ec2", operation: "DescribeSecurityGroups", params: #"{"GroupIds":["sg-1"],"Filters":[{"Name":"group-name","Values":["web"]}]}"#),
        Case(service: "ec2", operation: "CreateLaunchTemplate", params: #"{"LaunchTemplateName":"ecs-course","LaunchTemplateData":{"ImageId":"ami-1","InstanceType":"t3.micro","IamInstanceProfile":{"Name":"ecsInstanceRole"},"UserData":"IyEvYmluL2Jhc2gK","SecurityGroupIds":["sg-1"],"TagSpecifications":[{"ResourceType":"instance","Tags":[{"Key":"course","Value":"ecs"}]}]},"ClientToken":"token-2"}"#),
        Case(service: "ec2", operation: "RunInstances", params: ##"{"ImageId":"ami-1","MinCount":1,"MaxCount":1,"InstanceType":"t3.micro","UserData":"#!/bin/bash\necho ECS_CLUSTER=course >> /etc/ecs/ecs.config","ClientToken":"token-3"}"##),
        Case(service: "ec2", operation: "DescribeInstances", params: #"{"Filters":[{"Name":"instance-state-name","Values":["running"]}],"MaxResults":5}"#),
        Case(service: "ec2", operation: "CreateTags", params: #"{"Resources":["vpc-1","subnet-1"],"Tags":[{"Key":"expires-at","Value":"2026-11-27T18:00:00Z"}]}"#),
        Case(service: "ec2", operation: "DescribeSpotPriceHistory", params: #"{"StartTime":"2026-11-27T09:00:00Z","EndTime":"2026-11-27T10:00:00.250+09:00","InstanceTypes":["t3.micro"]}"#),
        // IAM: roles, policies, instance profiles, tags.
        Case(service: "iam", operation: "CreateRole", params: #"{"RoleName":"ecsTaskExecutionRole","AssumeRolePolicyDocument":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}","Tags":[{"Key":"course","Value":"ecs"}]}"#),
        Case(service: "iam", operation: "GetRole", params: #"{"RoleName":"ecsTaskExecutionRole"}"#),
        Case(service: "iam", operation: "AttachRolePolicy", params: #"{"RoleName":"ecsTaskExecutionRole","PolicyArn":"arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"}"#),
        Case(service: "iam", operation: "ListAttachedRolePolicies", params: #"{"RoleName":"ecsTaskExecutionRole"}"#),
        Case(service: "iam", operation: "PutRolePolicy", params: #"{"RoleName":"r","PolicyName":"p","PolicyDocument":"{\"Version\":\"2012-10-17\"}"}"#),
        Case(service: "iam", operation: "CreateInstanceProfile", params: #"{"InstanceProfileName":"ecsInstanceRole","Tags":[]}"#),
        Case(service: "iam", operation: "AddRoleToInstanceProfile", params: #"{"InstanceProfileName":"ecsInstanceRole","RoleName":"ecsInstanceRole"}"#),
        Case(service: "iam", operation: "TagRole", params: #"{"RoleName":"r","Tags":[{"Key":"owner","Value":"learner 1"},{"Key":"expires-at","Value":"2026-11-28"}]}"#),
        Case(service: "iam", operation: "DeleteRole", params: #"{"RoleName":"r"}"#),
        // ECS: clusters, capacity providers, task definitions, tasks, services.
        Case(service: "ecs", operation: "CreateCluster", params: #"{"clusterName":"course","capacityProviders":["FARGATE"],"tags":[{"key":"course","value":"ecs"}],"settings":[{"name":"containerInsights","value":"enabled"}]}"#),
        Case(service: "ecs", operation: "DescribeClusters", params: #"{"clusters":["course"],"include":["TAGS","SETTINGS"]}"#),
        Case(service: "ecs", operation: "CreateCapacityProvider", params: #"{"name":"ec2-cp","autoScalingGroupProvider":{"autoScalingGroupArn":"arn:aws:autoscaling:ap-northeast-1:123456789012:autoScalingGroup:1:autoScalingGroupName/asg","managedScaling":{"status":"ENABLED","targetCapacity":100},"managedTerminationProtection":"DISABLED"}}"#),
        Case(service: "ecs", operation: "PutClusterCapacityProviders", params: #"{"cluster":"course","capacityProviders":["ec2-cp"],"defaultCapacityProviderStrategy":[{"capacityProvider":"ec2-cp","weight":1,"base":0}]}"#),
        Case(service: "ecs", operation: "RegisterTaskDefinition", params: #"{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512","executionRoleArn":"arn:aws:iam::123456789012:role/ecsTaskExecutionRole","containerDefinitions":[{"name":"web","image":"123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/web:latest","memory":512,"essential":true,"portMappings":[{"containerPort":3000,"protocol":"tcp"}],"environment":[{"name":"PORT","value":"3000"}],"logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web","awslogs-region":"ap-northeast-1","awslogs-stream-prefix":"web"}}}]}"#),
        Case(service: "ecs", operation: "DeregisterTaskDefinition", params: #"{"taskDefinition":"web:1"}"#),
        Case(service: "ecs", operation: "RunTask", params: #"{"cluster":"course","taskDefinition":"web:1","launchType":"FARGATE","count":1,"networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-1"],"securityGroups":["sg-1"],"assignPublicIp":"ENABLED"}},"clientToken":"token-4"}"#),
        Case(service: "ecs", operation: "DescribeTasks", params: #"{"cluster":"course","tasks":["arn:aws:ecs:ap-northeast-1:123456789012:task/course/abc"]}"#),
        Case(service: "ecs", operation: "StopTask", params: #"{"cluster":"course","task":"abc","reason":"lesson finished"}"#),
        Case(service: "ecs", operation: "CreateService", params: #"{"cluster":"course","serviceName":"web","taskDefinition":"web:1","desiredCount":2,"launchType":"FARGATE","clientToken":"token-5","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-1"],"assignPublicIp":"DISABLED"}}}"#),
        Case(service: "ecs", operation: "UpdateService", params: #"{"cluster":"course","service":"web","desiredCount":0,"forceNewDeployment":true}"#),
        Case(service: "ecs", operation: "DescribeServices", params: #"{"cluster":"course","services":["web"]}"#),
        Case(service: "ecs", operation: "ListContainerInstances", params: #"{"cluster":"course","status":"ACTIVE","maxResults":10}"#),
        Case(service: "ecs", operation: "DescribeContainerInstances", params: #"{"cluster":"course","containerInstances":["ci-1"]}"#),
        // ECR.
        Case(service: "ecr", operation: "CreateRepository", params: #"{"repositoryName":"web","imageScanningConfiguration":{"scanOnPush":true},"tags":[{"Key":"course","Value":"ecs"}]}"#),
        Case(service: "ecr", operation: "DescribeImages", params: #"{"repositoryName":"web","imageIds":[{"imageTag":"latest"}]}"#),
        Case(service: "ecr", operation: "GetAuthorizationToken", params: #"{}"#),
        // CloudWatch Logs.
        Case(service: "logs", operation: "CreateLogGroup", params: #"{"logGroupName":"/ecs/web","tags":{"course":"ecs","owner":"learner"}}"#),
        Case(service: "logs", operation: "DescribeLogGroups", params: #"{"logGroupNamePrefix":"/ecs/"}"#),
        Case(service: "logs", operation: "PutRetentionPolicy", params: #"{"logGroupName":"/ecs/web","retentionInDays":1}"#),
        // Auto Scaling.
        Case(service: "autoscaling", operation: "CreateAutoScalingGroup", params: #"{"AutoScalingGroupName":"asg","LaunchTemplate":{"LaunchTemplateName":"ecs-course","Version":"$Latest"},"MinSize":0,"MaxSize":2,"DesiredCapacity":1,"VPCZoneIdentifier":"subnet-1,subnet-2","Tags":[{"Key":"course","Value":"ecs","PropagateAtLaunch":true}]}"#),
        Case(service: "autoscaling", operation: "DescribeAutoScalingGroups", params: #"{"AutoScalingGroupNames":["asg"]}"#),
        Case(service: "autoscaling", operation: "DescribeAutoScalingGroups", params: #"{"AutoScalingGroupNames":[]}"#),
        Case(service: "autoscaling", operation: "UpdateAutoScalingGroup", params: #"{"AutoScalingGroupName":"asg","MinSize":0,"MaxSize":0,"DesiredCapacity":0}"#),
        Case(service: "autoscaling", operation: "DeleteAutoScalingGroup", params: #"{"AutoScalingGroupName":"asg","ForceDelete":true}"#),
        Case(service: "autoscaling", operation: "PutScheduledUpdateGroupAction", params: #"{"AutoScalingGroupName":"asg","ScheduledActionName":"stop","StartTime":"2026-11-27T18:00:00.5Z","DesiredCapacity":0}"#),
        // EventBridge Scheduler (rest-json).
        Case(service: "scheduler", operation: "CreateSchedule", params: #"{"Name":"stop-nat","GroupName":"default","ScheduleExpression":"at(2026-11-27T18:00:00)","FlexibleTimeWindow":{"Mode":"OFF"},"Target":{"Arn":"arn:aws:scheduler:::aws-sdk:ec2:deleteNatGateway","RoleArn":"arn:aws:iam::123456789012:role/scheduler","Input":"{\"NatGatewayId\":\"nat-1\"}"},"StartDate":"2026-11-27T10:00:00Z","ClientToken":"token-6"}"#),
        Case(service: "scheduler", operation: "GetSchedule", params: #"{"Name":"stop nat/1","GroupName":"default"}"#),
        Case(service: "scheduler", operation: "ListSchedules", params: #"{"NamePrefix":"stop","MaxResults":10,"State":"ENABLED"}"#),
        Case(service: "scheduler", operation: "DeleteSchedule", params: #"{"Name":"stop-nat","ClientToken":"token-7"}"#),
        // Tagging, SSM, STS.
        Case(service: "resourcegroupstaggingapi", operation: "GetResources", params: #"{"TagFilters":[{"Key":"course","Values":["ecs"]}],"ResourceTypeFilters":["ec2:vpc","ecs:cluster"]}"#),
        Case(service: "ssm", operation: "GetParameter", params: #"{"Name":"/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id","WithDecryption":false}"#),
        Case(service: "sts", operation: "GetCallerIdentity", params: #"{}"#),
        Case(service: "sts", operation: "AssumeRole", params: #"{"RoleArn":"arn:aws:iam::123456789012:role/grader","RoleSessionName":"grader","DurationSeconds":900}"#),
        // ELBv2.
        Case(service: "elbv2", operation: "CreateLoadBalancer", params: #"{"Name":"web","Subnets":["subnet-1","subnet-2"],"SecurityGroups":["sg-1"],"Type":"application","Scheme":"internet-facing","Tags":[{"Key":"course","Value":"ecs"}]}"#),
        Case(service: "elbv2", operation: "CreateTargetGroup", params: #"{"Name":"web","Protocol":"HTTP","Port":3000,"VpcId":"vpc-0a1b","TargetType":"ip","HealthCheckPath":"/health","Matcher":{"HttpCode":"200"}}"#),
        Case(service: "elbv2", operation: "CreateListener", params: #"{"LoadBalancerArn":"arn:lb","Protocol":"HTTP","Port":80,"DefaultActions":[{"Type":"forward","TargetGroupArn":"arn:tg"}]}"#),
        Case(service: "elbv2", operation: "DescribeTargetHealth", params: #"{"TargetGroupArn":"arn:tg"}"#),
        // CloudFormation, Application Auto Scaling, Cloud Map.
        Case(service: "cloudformation", operation: "CreateStack", params: #"{"StackName":"course","TemplateBody":"{\"Resources\":{}}","Parameters":[{"ParameterKey":"Env","ParameterValue":"lab"}],"Capabilities":["CAPABILITY_IAM"],"Tags":[{"Key":"course","Value":"ecs"}]}"#),
        Case(service: "cloudformation", operation: "DescribeStacks", params: #"{"StackName":"course"}"#),
        Case(service: "application-autoscaling", operation: "RegisterScalableTarget", params: #"{"ServiceNamespace":"ecs","ResourceId":"service/course/web","ScalableDimension":"ecs:service:DesiredCount","MinCapacity":1,"MaxCapacity":4}"#),
        Case(service: "servicediscovery", operation: "CreatePrivateDnsNamespace", params: #"{"Name":"course.local","Vpc":"vpc-0a1b","CreatorRequestId":"token-8"}"#),
    ]
}
