#Requires -Version 7.3
# The network (network)
# Made by `ecslab script network`. Run it with the aws CLI set up for your account and region (aws configure); it stops at the first error.
# The ids it captures go to ecslab-network.ids in the current folder; `ecslab script network --undo` prints the teardown.
# ECSLAB_STOP_BEFORE=STEP stops it before that step (to run ecslab check before the EC2 cluster goes, say).
# The steps marked "billed by the hour" cost money; run the teardown when you are done.
$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $true

# The lesson's settings: change them here, or with ecslab script network --set name=value.
$vpc_cidr = '10.0.0.0/16'  # The VPC's address range
$vpc_name = 'ecslab-vpc'
$public_subnet_1_cidr = '10.0.1.0/24'
$public_subnet_1_name = 'ecslab-public-1'
$public_subnet_2_cidr = '10.0.2.0/24'
$public_subnet_2_name = 'ecslab-public-2'
$private_subnet_1_cidr = '10.0.11.0/24'
$private_subnet_1_name = 'ecslab-private-1'
$private_subnet_2_cidr = '10.0.12.0/24'
$private_subnet_2_name = 'ecslab-private-2'
$igw_name = 'ecslab-igw'
$public_route_table_name = 'ecslab-public-rt'
$nat_name = 'ecslab-nat'
$private_route_table_1_name = 'ecslab-private-rt-1'
$private_route_table_2_name = 'ecslab-private-rt-2'
$region = if ($env:AWS_REGION) { $env:AWS_REGION } elseif ($env:AWS_DEFAULT_REGION) { $env:AWS_DEFAULT_REGION } else { aws configure get region }
if (-not $region) { throw 'ecslab: no region: set AWS_REGION or run aws configure' }
$env:AWS_DEFAULT_REGION = $region
$ids = 'ecslab-network.ids'
function Get-EcslabSaved($File, $Name) {
    if (Test-Path $File) { (Get-Content $File | Where-Object { $_ -like "$Name=*" } | Select-Object -Last 1) -replace "^$Name=", '' }
}
function Invoke-EcslabAws($Words, $Json, $Query) {
    $file = New-TemporaryFile
    Set-Content -LiteralPath $file -Value $Json -Encoding utf8NoBOM
    try {
        if ($Query) { aws @Words --cli-input-json "file://$file" --query $Query --output text } else { aws @Words --cli-input-json "file://$file" | Out-Null }
    } finally { Remove-Item $file }
}
function Save-EcslabValue($Name, $Value) {
    if (-not $Value -or $Value -eq 'None') { throw "ecslab: the answer held no $Name" }
    Add-Content -LiteralPath $ids -Value "$Name=$Value"
    Write-Output "  $Name=$Value"
}
function Remove-EcslabThing($Words, $Json) {
    try { Invoke-EcslabAws $Words $Json $null } catch {
        if ("$_" -match 'NotFound|NoSuchEntity|does not exist|DoesNotExist|not found') { Write-Output '  (already gone)' } else { throw }
    }
}

# == 2/7 vpc: Create the VPC with DNS hostnames on
# The VPC's address range is 10.0.0.0/16, and every subnet is carved out of it.
#
# DNS hostnames are turned on as well. ECS's awsvpc network mode does not need them; DNS
# names do. An instance with a public IP gets a public DNS name only when they are on.
# More important are private DNS names, such as those of interface VPC endpoints: if
# tasks in the private subnets later reach ECR, CloudWatch Logs and other services
# through interface endpoints instead of the NAT gateway, the VPC must have both DNS
# resolution and DNS hostnames on. DNS resolution is already on in a new VPC.
if ($env:ECSLAB_STOP_BEFORE -eq 'vpc') { Write-Output 'Stopped before vpc (ECSLAB_STOP_BEFORE).'; exit 0 }
Write-Output '== 2/7 vpc: Create the VPC with DNS hostnames on'
$vpc_id = Invoke-EcslabAws @('ec2', 'create-vpc') "{`"CidrBlock`":`"$($vpc_cidr)`",`"TagSpecifications`":[{`"ResourceType`":`"vpc`",`"Tags`":[{`"Key`":`"Name`",`"Value`":`"$($vpc_name)`"}]}]}" 'Vpc.VpcId'
Save-EcslabValue 'vpc_id' $vpc_id
Invoke-EcslabAws @('ec2', 'wait', 'vpc-available') "{`"VpcIds`":[`"$($vpc_id)`"]}" $null
Invoke-EcslabAws @('ec2', 'modify-vpc-attribute') "{`"VpcId`":`"$($vpc_id)`",`"EnableDnsHostnames`":{`"Value`":true}}" $null

# == 3/7 subnets: Public and private subnets in two Availability Zones
# First look up the region's first two Availability Zones, then create one public and one
# private subnet in each:
#
# | subnet | address range | zone |
# | --- | --- | --- |
# | ecslab-public-1 | 10.0.1.0/24 | the first |
# | ecslab-public-2 | 10.0.2.0/24 | the second |
# | ecslab-private-1 | 10.0.11.0/24 | the first |
# | ecslab-private-2 | 10.0.12.0/24 | the second |
#
# The public subnets also get "auto-assign public IPv4 address" turned on, so that
# instances and tasks started in them get a public IP and can be reached from outside. The
# private subnets do not.
if ($env:ECSLAB_STOP_BEFORE -eq 'subnets') { Write-Output 'Stopped before subnets (ECSLAB_STOP_BEFORE).'; exit 0 }
Write-Output '== 3/7 subnets: Public and private subnets in two Availability Zones'
$ecslabAnswer = (Invoke-EcslabAws @('ec2', 'describe-availability-zones') "{`"Filters`":[{`"Name`":`"state`",`"Values`":[`"available`"]},{`"Name`":`"zone-type`",`"Values`":[`"availability-zone`"]}]}" '[(sort_by(AvailabilityZones, &ZoneName)[0].ZoneName), (sort_by(AvailabilityZones, &ZoneName)[1].ZoneName)]') -split "`t"
$az_1 = $ecslabAnswer[0]
Save-EcslabValue 'az_1' $az_1
$az_2 = $ecslabAnswer[1]
Save-EcslabValue 'az_2' $az_2
$public_subnet_1 = Invoke-EcslabAws @('ec2', 'create-subnet') "{`"VpcId`":`"$($vpc_id)`",`"CidrBlock`":`"$($public_subnet_1_cidr)`",`"AvailabilityZone`":`"$($az_1)`",`"TagSpecifications`":[{`"ResourceType`":`"subnet`",`"Tags`":[{`"Key`":`"Name`",`"Value`":`"$($public_subnet_1_name)`"}]}]}" 'Subnet.SubnetId'
Save-EcslabValue 'public_subnet_1' $public_subnet_1
$public_subnet_2 = Invoke-EcslabAws @('ec2', 'create-subnet') "{`"VpcId`":`"$($vpc_id)`",`"CidrBlock`":`"$($public_subnet_2_cidr)`",`"AvailabilityZone`":`"$($az_2)`",`"TagSpecifications`":[{`"ResourceType`":`"subnet`",`"Tags`":[{`"Key`":`"Name`",`"Value`":`"$($public_subnet_2_name)`"}]}]}" 'Subnet.SubnetId'
Save-EcslabValue 'public_subnet_2' $public_subnet_2
$private_subnet_1 = Invoke-EcslabAws @('ec2', 'create-subnet') "{`"VpcId`":`"$($vpc_id)`",`"CidrBlock`":`"$($private_subnet_1_cidr)`",`"AvailabilityZone`":`"$($az_1)`",`"TagSpecifications`":[{`"ResourceType`":`"subnet`",`"Tags`":[{`"Key`":`"Name`",`"Value`":`"$($private_subnet_1_name)`"}]}]}" 'Subnet.SubnetId'
Save-EcslabValue 'private_subnet_1' $private_subnet_1
$private_subnet_2 = Invoke-EcslabAws @('ec2', 'create-subnet') "{`"VpcId`":`"$($vpc_id)`",`"CidrBlock`":`"$($private_subnet_2_cidr)`",`"AvailabilityZone`":`"$($az_2)`",`"TagSpecifications`":[{`"ResourceType`":`"subnet`",`"Tags`":[{`"Key`":`"Name`",`"Value`":`"$($private_subnet_2_name)`"}]}]}" 'Subnet.SubnetId'
Save-EcslabValue 'private_subnet_2' $private_subnet_2
Invoke-EcslabAws @('ec2', 'modify-subnet-attribute') "{`"SubnetId`":`"$($public_subnet_1)`",`"MapPublicIpOnLaunch`":{`"Value`":true}}" $null
Invoke-EcslabAws @('ec2', 'modify-subnet-attribute') "{`"SubnetId`":`"$($public_subnet_2)`",`"MapPublicIpOnLaunch`":{`"Value`":true}}" $null

# == 4/7 internet-gateway: Create and attach the internet gateway
# The internet gateway is the door between the VPC and the internet. It is created on its
# own and only works once it is attached to the VPC; a VPC can have one internet gateway
# attached.
if ($env:ECSLAB_STOP_BEFORE -eq 'internet-gateway') { Write-Output 'Stopped before internet-gateway (ECSLAB_STOP_BEFORE).'; exit 0 }
Write-Output '== 4/7 internet-gateway: Create and attach the internet gateway'
$igw_id = Invoke-EcslabAws @('ec2', 'create-internet-gateway') "{`"TagSpecifications`":[{`"ResourceType`":`"internet-gateway`",`"Tags`":[{`"Key`":`"Name`",`"Value`":`"$($igw_name)`"}]}]}" 'InternetGateway.InternetGatewayId'
Save-EcslabValue 'igw_id' $igw_id
Invoke-EcslabAws @('ec2', 'attach-internet-gateway') "{`"InternetGatewayId`":`"$($igw_id)`",`"VpcId`":`"$($vpc_id)`"}" $null

# == 5/7 public-routes: The public route table: 0.0.0.0/0 to the internet gateway
# Whether a subnet is public or private is not a setting of the subnet but a matter of its
# route table: a subnet whose route table sends 0.0.0.0/0 to an internet gateway is a
# public subnet. Create a public route table, add that route, and associate both public
# subnets with it.
if ($env:ECSLAB_STOP_BEFORE -eq 'public-routes') { Write-Output 'Stopped before public-routes (ECSLAB_STOP_BEFORE).'; exit 0 }
Write-Output '== 5/7 public-routes: The public route table: 0.0.0.0/0 to the internet gateway'
$public_route_table = Invoke-EcslabAws @('ec2', 'create-route-table') "{`"VpcId`":`"$($vpc_id)`",`"TagSpecifications`":[{`"ResourceType`":`"route-table`",`"Tags`":[{`"Key`":`"Name`",`"Value`":`"$($public_route_table_name)`"}]}]}" 'RouteTable.RouteTableId'
Save-EcslabValue 'public_route_table' $public_route_table
Invoke-EcslabAws @('ec2', 'create-route') "{`"RouteTableId`":`"$($public_route_table)`",`"DestinationCidrBlock`":`"0.0.0.0/0`",`"GatewayId`":`"$($igw_id)`"}" $null
$public_association_1 = Invoke-EcslabAws @('ec2', 'associate-route-table') "{`"RouteTableId`":`"$($public_route_table)`",`"SubnetId`":`"$($public_subnet_1)`"}" 'AssociationId'
Save-EcslabValue 'public_association_1' $public_association_1
$public_association_2 = Invoke-EcslabAws @('ec2', 'associate-route-table') "{`"RouteTableId`":`"$($public_route_table)`",`"SubnetId`":`"$($public_subnet_2)`"}" 'AssociationId'
Save-EcslabValue 'public_association_2' $public_association_2

# == 6/7 nat-gateway: The NAT gateway in a public subnet (billed by the hour)
# The NAT gateway lets services in the private subnets reach the internet while nothing
# outside can connect in. It must sit in a public subnet (it goes out through the internet
# gateway itself) and needs an Elastic IP as its public address.
#
# Mind the cost: a NAT gateway is billed for every hour it exists (about
# ${price.nat_gateway_hour} an hour in $region, plus a charge per GB), and the Elastic IP
# about ${price.public_ipv4_hour} an hour, whether or not any
# traffic flows. Delete them when you are done with the course. A new NAT gateway usually
# takes a minute or two to become Available.
# $ AllocateAddress: billed by the hour, about $0.005 an hour; CreateNatGateway: billed by the hour, about $0.062 an hour
if ($env:ECSLAB_STOP_BEFORE -eq 'nat-gateway') { Write-Output 'Stopped before nat-gateway (ECSLAB_STOP_BEFORE).'; exit 0 }
Write-Output '== 6/7 nat-gateway: The NAT gateway in a public subnet (billed by the hour)'
$nat_allocation_id = Invoke-EcslabAws @('ec2', 'allocate-address') "{`"Domain`":`"vpc`",`"TagSpecifications`":[{`"ResourceType`":`"elastic-ip`",`"Tags`":[{`"Key`":`"Name`",`"Value`":`"$($nat_name)-eip`"}]}]}" 'AllocationId'
Save-EcslabValue 'nat_allocation_id' $nat_allocation_id
$nat_gateway_id = Invoke-EcslabAws @('ec2', 'create-nat-gateway') "{`"SubnetId`":`"$($public_subnet_1)`",`"AllocationId`":`"$($nat_allocation_id)`",`"ConnectivityType`":`"public`",`"TagSpecifications`":[{`"ResourceType`":`"natgateway`",`"Tags`":[{`"Key`":`"Name`",`"Value`":`"$($nat_name)`"}]}]}" 'NatGateway.NatGatewayId'
Save-EcslabValue 'nat_gateway_id' $nat_gateway_id
Invoke-EcslabAws @('ec2', 'wait', 'nat-gateway-available') "{`"NatGatewayIds`":[`"$($nat_gateway_id)`"]}" $null

# == 7/7 private-routes: The private route tables: 0.0.0.0/0 to the NAT gateway
# Each private subnet gets a route table of its own whose 0.0.0.0/0 route points at the NAT
# gateway. Traffic from a private subnet to the internet then goes through the NAT gateway in
# the public subnet, and out through the internet gateway. With one table per zone, adding a
# second NAT gateway in the other zone later means changing only that zone's table.
if ($env:ECSLAB_STOP_BEFORE -eq 'private-routes') { Write-Output 'Stopped before private-routes (ECSLAB_STOP_BEFORE).'; exit 0 }
Write-Output '== 7/7 private-routes: The private route tables: 0.0.0.0/0 to the NAT gateway'
$private_route_table_1 = Invoke-EcslabAws @('ec2', 'create-route-table') "{`"VpcId`":`"$($vpc_id)`",`"TagSpecifications`":[{`"ResourceType`":`"route-table`",`"Tags`":[{`"Key`":`"Name`",`"Value`":`"$($private_route_table_1_name)`"}]}]}" 'RouteTable.RouteTableId'
Save-EcslabValue 'private_route_table_1' $private_route_table_1
Invoke-EcslabAws @('ec2', 'create-route') "{`"RouteTableId`":`"$($private_route_table_1)`",`"DestinationCidrBlock`":`"0.0.0.0/0`",`"NatGatewayId`":`"$($nat_gateway_id)`"}" $null
$private_association_1 = Invoke-EcslabAws @('ec2', 'associate-route-table') "{`"RouteTableId`":`"$($private_route_table_1)`",`"SubnetId`":`"$($private_subnet_1)`"}" 'AssociationId'
Save-EcslabValue 'private_association_1' $private_association_1
$private_route_table_2 = Invoke-EcslabAws @('ec2', 'create-route-table') "{`"VpcId`":`"$($vpc_id)`",`"TagSpecifications`":[{`"ResourceType`":`"route-table`",`"Tags`":[{`"Key`":`"Name`",`"Value`":`"$($private_route_table_2_name)`"}]}]}" 'RouteTable.RouteTableId'
Save-EcslabValue 'private_route_table_2' $private_route_table_2
Invoke-EcslabAws @('ec2', 'create-route') "{`"RouteTableId`":`"$($private_route_table_2)`",`"DestinationCidrBlock`":`"0.0.0.0/0`",`"NatGatewayId`":`"$($nat_gateway_id)`"}" $null
$private_association_2 = Invoke-EcslabAws @('ec2', 'associate-route-table') "{`"RouteTableId`":`"$($private_route_table_2)`",`"SubnetId`":`"$($private_subnet_2)`"}" 'AssociationId'
Save-EcslabValue 'private_association_2' $private_association_2

Write-Output 'Done: ecslab check network checks it.'
