#!/usr/bin/env bash
# The network (network)
# Made by `ecslab script network`. Run it with the aws CLI set up for your account and region (aws configure); it stops at the first error.
# The ids it captures go to ecslab-network.ids in the current folder; `ecslab script network --undo` prints the teardown.
# ECSLAB_STOP_BEFORE=STEP stops it before that step (to run ecslab check before the EC2 cluster goes, say).
# The steps marked "billed by the hour" cost money; run the teardown when you are done.
set -euo pipefail

# The lesson's settings: change them here, or with ecslab script network --set name=value.
vpc_cidr=10.0.0.0/16  # The VPC's address range
vpc_name=ecslab-vpc
public_subnet_1_cidr=10.0.1.0/24
public_subnet_1_name=ecslab-public-1
public_subnet_2_cidr=10.0.2.0/24
public_subnet_2_name=ecslab-public-2
private_subnet_1_cidr=10.0.11.0/24
private_subnet_1_name=ecslab-private-1
private_subnet_2_cidr=10.0.12.0/24
private_subnet_2_name=ecslab-private-2
igw_name=ecslab-igw
public_route_table_name=ecslab-public-rt
nat_name=ecslab-nat
private_route_table_1_name=ecslab-private-rt-1
private_route_table_2_name=ecslab-private-rt-2

region=${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region || true)}}
[ -n "$region" ] || { echo "ecslab: no region: set AWS_REGION or run aws configure" >&2; exit 1; }
export AWS_DEFAULT_REGION=$region
ids=ecslab-network.ids
# The last value an ids file holds for a name, or nothing.
ecslab_saved() { [ -f "$1" ] && sed -n "s/^$2=//p" "$1" | tail -n 1 || true; }
# A captured value is kept in the ids file, for the later lessons and the teardown.
ecslab_keep() {
    if [ -z "$2" ] || [ "$2" = None ]; then echo "ecslab: the answer held no $1" >&2; exit 1; fi
    printf '%s=%s\n' "$1" "$2" >>"$ids"
    echo "  $1=$2"
}
# Polls a query until it prints True; after the given seconds (or ECSLAB_WAIT_SECONDS) it says so and goes on.
ecslab_poll() {
    local seconds=${ECSLAB_WAIT_SECONDS:-$1} what=$2 waited=0
    shift 2
    until [ "$("$@")" = True ]; do
        if [ "$waited" -ge "$seconds" ]; then echo "ecslab: still waiting for: $what; going on" >&2; return 0; fi
        sleep $((seconds < 10 ? seconds : 10))
        waited=$((waited + (seconds < 10 ? seconds : 10)))
    done
}
# A delete that takes "it is not there" for done.
ecslab_delete() {
    local said
    if said=$("$@" 2>&1 >/dev/null); then return 0; fi
    case "$said" in
        *NotFound* | *NoSuchEntity* | *"does not exist"* | *DoesNotExist* | *"not found"*) echo "  (already gone)" ;;
        *) echo "$said" >&2; return 1 ;;
    esac
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
if [ "${ECSLAB_STOP_BEFORE:-}" = vpc ]; then echo 'Stopped before vpc (ECSLAB_STOP_BEFORE).'; exit 0; fi
echo '== 2/7 vpc: Create the VPC with DNS hostnames on'
vpc_id=$(aws ec2 create-vpc --cidr-block "${vpc_cidr}" --tag-specifications '[{"ResourceType":"vpc","Tags":[{"Key":"Name","Value":"'"${vpc_name}"'"}]}]' --query Vpc.VpcId --output text)
ecslab_keep vpc_id "$vpc_id"
aws ec2 wait vpc-available --vpc-ids "${vpc_id}"
aws ec2 modify-vpc-attribute --vpc-id "${vpc_id}" --enable-dns-hostnames '{"Value":true}' >/dev/null

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
if [ "${ECSLAB_STOP_BEFORE:-}" = subnets ]; then echo 'Stopped before subnets (ECSLAB_STOP_BEFORE).'; exit 0; fi
echo '== 3/7 subnets: Public and private subnets in two Availability Zones'
ecslab_answer=$(aws ec2 describe-availability-zones --filters '[{"Name":"state","Values":["available"]},{"Name":"zone-type","Values":["availability-zone"]}]' --query '[(sort_by(AvailabilityZones, &ZoneName)[0].ZoneName), (sort_by(AvailabilityZones, &ZoneName)[1].ZoneName)]' --output text)
IFS=$'\t' read -r az_1 az_2 <<<"$ecslab_answer"
ecslab_keep az_1 "$az_1"
ecslab_keep az_2 "$az_2"
public_subnet_1=$(aws ec2 create-subnet --vpc-id "${vpc_id}" --cidr-block "${public_subnet_1_cidr}" --availability-zone "${az_1}" --tag-specifications '[{"ResourceType":"subnet","Tags":[{"Key":"Name","Value":"'"${public_subnet_1_name}"'"}]}]' --query Subnet.SubnetId --output text)
ecslab_keep public_subnet_1 "$public_subnet_1"
public_subnet_2=$(aws ec2 create-subnet --vpc-id "${vpc_id}" --cidr-block "${public_subnet_2_cidr}" --availability-zone "${az_2}" --tag-specifications '[{"ResourceType":"subnet","Tags":[{"Key":"Name","Value":"'"${public_subnet_2_name}"'"}]}]' --query Subnet.SubnetId --output text)
ecslab_keep public_subnet_2 "$public_subnet_2"
private_subnet_1=$(aws ec2 create-subnet --vpc-id "${vpc_id}" --cidr-block "${private_subnet_1_cidr}" --availability-zone "${az_1}" --tag-specifications '[{"ResourceType":"subnet","Tags":[{"Key":"Name","Value":"'"${private_subnet_1_name}"'"}]}]' --query Subnet.SubnetId --output text)
ecslab_keep private_subnet_1 "$private_subnet_1"
private_subnet_2=$(aws ec2 create-subnet --vpc-id "${vpc_id}" --cidr-block "${private_subnet_2_cidr}" --availability-zone "${az_2}" --tag-specifications '[{"ResourceType":"subnet","Tags":[{"Key":"Name","Value":"'"${private_subnet_2_name}"'"}]}]' --query Subnet.SubnetId --output text)
ecslab_keep private_subnet_2 "$private_subnet_2"
aws ec2 modify-subnet-attribute --subnet-id "${public_subnet_1}" --map-public-ip-on-launch '{"Value":true}' >/dev/null
aws ec2 modify-subnet-attribute --subnet-id "${public_subnet_2}" --map-public-ip-on-launch '{"Value":true}' >/dev/null

# == 4/7 internet-gateway: Create and attach the internet gateway
# The internet gateway is the door between the VPC and the internet. It is created on its
# own and only works once it is attached to the VPC; a VPC can have one internet gateway
# attached.
if [ "${ECSLAB_STOP_BEFORE:-}" = internet-gateway ]; then echo 'Stopped before internet-gateway (ECSLAB_STOP_BEFORE).'; exit 0; fi
echo '== 4/7 internet-gateway: Create and attach the internet gateway'
igw_id=$(aws ec2 create-internet-gateway --tag-specifications '[{"ResourceType":"internet-gateway","Tags":[{"Key":"Name","Value":"'"${igw_name}"'"}]}]' --query InternetGateway.InternetGatewayId --output text)
ecslab_keep igw_id "$igw_id"
aws ec2 attach-internet-gateway --internet-gateway-id "${igw_id}" --vpc-id "${vpc_id}" >/dev/null

# == 5/7 public-routes: The public route table: 0.0.0.0/0 to the internet gateway
# Whether a subnet is public or private is not a setting of the subnet but a matter of its
# route table: a subnet whose route table sends 0.0.0.0/0 to an internet gateway is a
# public subnet. Create a public route table, add that route, and associate both public
# subnets with it.
if [ "${ECSLAB_STOP_BEFORE:-}" = public-routes ]; then echo 'Stopped before public-routes (ECSLAB_STOP_BEFORE).'; exit 0; fi
echo '== 5/7 public-routes: The public route table: 0.0.0.0/0 to the internet gateway'
public_route_table=$(aws ec2 create-route-table --vpc-id "${vpc_id}" --tag-specifications '[{"ResourceType":"route-table","Tags":[{"Key":"Name","Value":"'"${public_route_table_name}"'"}]}]' --query RouteTable.RouteTableId --output text)
ecslab_keep public_route_table "$public_route_table"
aws ec2 create-route --route-table-id "${public_route_table}" --destination-cidr-block 0.0.0.0/0 --gateway-id "${igw_id}" >/dev/null
public_association_1=$(aws ec2 associate-route-table --route-table-id "${public_route_table}" --subnet-id "${public_subnet_1}" --query AssociationId --output text)
ecslab_keep public_association_1 "$public_association_1"
public_association_2=$(aws ec2 associate-route-table --route-table-id "${public_route_table}" --subnet-id "${public_subnet_2}" --query AssociationId --output text)
ecslab_keep public_association_2 "$public_association_2"

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
if [ "${ECSLAB_STOP_BEFORE:-}" = nat-gateway ]; then echo 'Stopped before nat-gateway (ECSLAB_STOP_BEFORE).'; exit 0; fi
echo '== 6/7 nat-gateway: The NAT gateway in a public subnet (billed by the hour)'
nat_allocation_id=$(aws ec2 allocate-address --domain vpc --tag-specifications '[{"ResourceType":"elastic-ip","Tags":[{"Key":"Name","Value":"'"${nat_name}"'-eip"}]}]' --query AllocationId --output text)
ecslab_keep nat_allocation_id "$nat_allocation_id"
nat_gateway_id=$(aws ec2 create-nat-gateway --subnet-id "${public_subnet_1}" --allocation-id "${nat_allocation_id}" --connectivity-type public --tag-specifications '[{"ResourceType":"natgateway","Tags":[{"Key":"Name","Value":"'"${nat_name}"'"}]}]' --query NatGateway.NatGatewayId --output text)
ecslab_keep nat_gateway_id "$nat_gateway_id"
aws ec2 wait nat-gateway-available --nat-gateway-ids "${nat_gateway_id}"

# == 7/7 private-routes: The private route tables: 0.0.0.0/0 to the NAT gateway
# Each private subnet gets a route table of its own whose 0.0.0.0/0 route points at the NAT
# gateway. Traffic from a private subnet to the internet then goes through the NAT gateway in
# the public subnet, and out through the internet gateway. With one table per zone, adding a
# second NAT gateway in the other zone later means changing only that zone's table.
if [ "${ECSLAB_STOP_BEFORE:-}" = private-routes ]; then echo 'Stopped before private-routes (ECSLAB_STOP_BEFORE).'; exit 0; fi
echo '== 7/7 private-routes: The private route tables: 0.0.0.0/0 to the NAT gateway'
private_route_table_1=$(aws ec2 create-route-table --vpc-id "${vpc_id}" --tag-specifications '[{"ResourceType":"route-table","Tags":[{"Key":"Name","Value":"'"${private_route_table_1_name}"'"}]}]' --query RouteTable.RouteTableId --output text)
ecslab_keep private_route_table_1 "$private_route_table_1"
aws ec2 create-route --route-table-id "${private_route_table_1}" --destination-cidr-block 0.0.0.0/0 --nat-gateway-id "${nat_gateway_id}" >/dev/null
private_association_1=$(aws ec2 associate-route-table --route-table-id "${private_route_table_1}" --subnet-id "${private_subnet_1}" --query AssociationId --output text)
ecslab_keep private_association_1 "$private_association_1"
private_route_table_2=$(aws ec2 create-route-table --vpc-id "${vpc_id}" --tag-specifications '[{"ResourceType":"route-table","Tags":[{"Key":"Name","Value":"'"${private_route_table_2_name}"'"}]}]' --query RouteTable.RouteTableId --output text)
ecslab_keep private_route_table_2 "$private_route_table_2"
aws ec2 create-route --route-table-id "${private_route_table_2}" --destination-cidr-block 0.0.0.0/0 --nat-gateway-id "${nat_gateway_id}" >/dev/null
private_association_2=$(aws ec2 associate-route-table --route-table-id "${private_route_table_2}" --subnet-id "${private_subnet_2}" --query AssociationId --output text)
ecslab_keep private_association_2 "$private_association_2"

echo 'Done: ecslab check network checks it.'
