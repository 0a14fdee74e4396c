"""Fresh AWS accounts on one moto server: keys for each, so that every test
(and every run of the kill test) starts from an empty account, the way a new
learner does, and `cleanup all` or `reap`, which act on a whole account and
region, can only ever meet what that test made.

    python accounts.py --endpoint URL --session NAME ACCOUNT_ID...

moto's STS AssumeRole into arn:aws:iam::ACCOUNT:role/x returns keys that
moto maps to that account, whether or not the role exists. The session name
becomes the last part of the caller's ARN, which is what ecslab writes in
`ecslab:owner`. Prints a JSON list of {account, accessKeyId,
secretAccessKey, sessionToken}.
"""

import argparse
import json
import sys

import boto3


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--session", required=True)
    parser.add_argument("accounts", nargs="+")
    args = parser.parse_args()
    sts = boto3.client("sts", endpoint_url=args.endpoint, region_name="ap-northeast-1",
                       aws_access_key_id="testing", aws_secret_access_key="testing")
    keys = []
    for account in args.accounts:
        credentials = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/x",
                                      RoleSessionName=args.session)["Credentials"]
        keys.append({"account": account, "accessKeyId": credentials["AccessKeyId"],
                     "secretAccessKey": credentials["SecretAccessKey"], "sessionToken": credentials["SessionToken"]})
    json.dump(keys, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
