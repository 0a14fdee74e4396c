#!/usr/bin/env bash
# The network (network)
# Made by `ecslab script network --undo`. Run it with the aws CLI set up for your account and region (aws configure); it stops at the first error.
# Deletes what the lesson made, in the reverse order; what is already gone is passed over. For a lab built by hand, with no ids recorded, use `ecslab cleanup network`.
set -euo pipefail

# The lesson's settings: change them here, or with ecslab script network --set name=value.
vpc_name=ecslab-vpc
private_subnet_2_name=ecslab-private-2
private_subnet_1_name=ecslab-private-1
public_subnet_2_name=ecslab-public-2
public_subnet_1_name=ecslab-public-1

region=${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region || true)}}
[ -n "$region" ] || { echo "ecslab: no region: set AWS_REGION or run aws configure" >&2; exit 1; }
export AWS_DEFAULT_REGION=$region
ids=ecslab-network.ids
# The last value an ids file holds for a name, or nothing.
ecslab_saved() { [ -f "$1" ] && sed -n "s/^$2=//p" "$1" | tail -n 1 || true; }
# A delete that takes "it is not there" for done.
ecslab_delete() {
    local said
    if said=$("$@" 2>&1 >/dev/null); then return 0; fi
    case "$said" in
        *NotFound* | *NoSuchEntity* | *"does not exist"* | *DoesNotExist* | *"not found"*) echo "  (already gone)" ;;
        *) echo "$said" >&2; return 1 ;;
    esac
}
private_association_2=$(ecslab_saved ecslab-network.ids private_association_2)
[ "$private_association_2" != None ] || private_association_2=
private_route_table_2=$(ecslab_saved ecslab-network.ids private_route_table_2)
[ "$private_route_table_2" != None ] || private_route_table_2=
private_association_1=$(ecslab_saved ecslab-network.ids private_association_1)
[ "$private_association_1" != None ] || private_association_1=
private_route_table_1=$(ecslab_saved ecslab-network.ids private_route_table_1)
[ "$private_route_table_1" != None ] || private_route_table_1=
nat_gateway_id=$(ecslab_saved ecslab-network.ids nat_gateway_id)
[ "$nat_gateway_id" != None ] || nat_gateway_id=
nat_allocation_id=$(ecslab_saved ecslab-network.ids nat_allocation_id)
[ "$nat_allocation_id" != None ] || nat_allocation_id=
public_association_2=$(ecslab_saved ecslab-network.ids public_association_2)
[ "$public_association_2" != None ] || public_association_2=
public_association_1=$(ecslab_saved ecslab-network.ids public_association_1)
[ "$public_association_1" != None ] || public_association_1=
public_route_table=$(ecslab_saved ecslab-network.ids public_route_table)
[ "$public_route_table" != None ] || public_route_table=
igw_id=$(ecslab_saved ecslab-network.ids igw_id)
[ "$igw_id" != None ] || igw_id=
vpc_id=$(ecslab_saved ecslab-network.ids vpc_id)
[ -n "$vpc_id" ] || vpc_id=$(aws ec2 describe-vpcs --filters '[{"Name":"tag:Name","Values":["'"${vpc_name}"'"]}]' --query 'map(&(VpcId), (Vpcs))[0]' --output text)
[ "$vpc_id" != None ] || vpc_id=
private_subnet_2=$(ecslab_saved ecslab-network.ids private_subnet_2)
[ -n "$private_subnet_2" ] || private_subnet_2=$(aws ec2 describe-subnets --filters '[{"Name":"vpc-id","Values":["'"${vpc_id}"'"]},{"Name":"tag:Name","Values":["'"${private_subnet_2_name}"'"]}]' --query 'map(&(SubnetId), (Subnets))[0]' --output text)
[ "$private_subnet_2" != None ] || private_subnet_2=
private_subnet_1=$(ecslab_saved ecslab-network.ids private_subnet_1)
[ -n "$private_subnet_1" ] || private_subnet_1=$(aws ec2 describe-subnets --filters '[{"Name":"vpc-id","Values":["'"${vpc_id}"'"]},{"Name":"tag:Name","Values":["'"${private_subnet_1_name}"'"]}]' --query 'map(&(SubnetId), (Subnets))[0]' --output text)
[ "$private_subnet_1" != None ] || private_subnet_1=
public_subnet_2=$(ecslab_saved ecslab-network.ids public_subnet_2)
[ -n "$public_subnet_2" ] || public_subnet_2=$(aws ec2 describe-subnets --filters '[{"Name":"vpc-id","Values":["'"${vpc_id}"'"]},{"Name":"tag:Name","Values":["'"${public_subnet_2_name}"'"]}]' --query 'map(&(SubnetId), (Subnets))[0]' --output text)
[ "$public_subnet_2" != None ] || public_subnet_2=
public_subnet_1=$(ecslab_saved ecslab-network.ids public_subnet_1)
[ -n "$public_subnet_1" ] || public_subnet_1=$(aws ec2 describe-subnets --filters '[{"Name":"vpc-id","Values":["'"${vpc_id}"'"]},{"Name":"tag:Name","Values":["'"${public_subnet_1_name}"'"]}]' --query 'map(&(SubnetId), (Subnets))[0]' --output text)
[ "$public_subnet_1" != None ] || public_subnet_1=

# == private-routes: The private route tables: 0.0.0.0/0 to the NAT gateway
echo '== private-routes: The private route tables: 0.0.0.0/0 to the NAT gateway'
if [ -n "${private_association_2:-}" ]; then ecslab_delete aws ec2 disassociate-route-table --association-id "${private_association_2}"; fi
if [ -n "${private_route_table_2:-}" ]; then ecslab_delete aws ec2 delete-route-table --route-table-id "${private_route_table_2}"; fi
if [ -n "${private_association_1:-}" ]; then ecslab_delete aws ec2 disassociate-route-table --association-id "${private_association_1}"; fi
if [ -n "${private_route_table_1:-}" ]; then ecslab_delete aws ec2 delete-route-table --route-table-id "${private_route_table_1}"; fi

# == nat-gateway: The NAT gateway in a public subnet (billed by the hour)
echo '== nat-gateway: The NAT gateway in a public subnet (billed by the hour)'
if [ -n "${nat_gateway_id:-}" ]; then ecslab_delete aws ec2 delete-nat-gateway --nat-gateway-id "${nat_gateway_id}"; fi
if [ -n "${nat_gateway_id:-}" ]; then aws ec2 wait nat-gateway-deleted --nat-gateway-ids "${nat_gateway_id}"; fi
if [ -n "${nat_allocation_id:-}" ]; then ecslab_delete aws ec2 release-address --allocation-id "${nat_allocation_id}"; fi

# == public-routes: The public route table: 0.0.0.0/0 to the internet gateway
echo '== public-routes: The public route table: 0.0.0.0/0 to the internet gateway'
if [ -n "${public_association_2:-}" ]; then ecslab_delete aws ec2 disassociate-route-table --association-id "${public_association_2}"; fi
if [ -n "${public_association_1:-}" ]; then ecslab_delete aws ec2 disassociate-route-table --association-id "${public_association_1}"; fi
if [ -n "${public_route_table:-}" ]; then ecslab_delete aws ec2 delete-route-table --route-table-id "${public_route_table}"; fi

# == internet-gateway: Create and attach the internet gateway
echo '== internet-gateway: Create and attach the internet gateway'
if [ -n "${igw_id:-}" ] && [ -n "${vpc_id:-}" ]; then ecslab_delete aws ec2 detach-internet-gateway --internet-gateway-id "${igw_id}" --vpc-id "${vpc_id}"; fi
if [ -n "${igw_id:-}" ]; then ecslab_delete aws ec2 delete-internet-gateway --internet-gateway-id "${igw_id}"; fi

# == subnets: Public and private subnets in two Availability Zones
echo '== subnets: Public and private subnets in two Availability Zones'
if [ -n "${private_subnet_2:-}" ]; then ecslab_delete aws ec2 delete-subnet --subnet-id "${private_subnet_2}"; fi
if [ -n "${private_subnet_1:-}" ]; then ecslab_delete aws ec2 delete-subnet --subnet-id "${private_subnet_1}"; fi
if [ -n "${public_subnet_2:-}" ]; then ecslab_delete aws ec2 delete-subnet --subnet-id "${public_subnet_2}"; fi
if [ -n "${public_subnet_1:-}" ]; then ecslab_delete aws ec2 delete-subnet --subnet-id "${public_subnet_1}"; fi

# == vpc: Create the VPC with DNS hostnames on
echo '== vpc: Create the VPC with DNS hostnames on'
if [ -n "${vpc_id:-}" ]; then ecslab_delete aws ec2 delete-vpc --vpc-id "${vpc_id}"; fi

echo 'Teardown done.'
