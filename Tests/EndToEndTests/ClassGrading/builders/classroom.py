"""A class of 30 made-up learners for `ecslab grade`, each in an AWS account
of their own on one moto server, built with boto3 the way learners build
their labs by hand (labs.py's builders), never with ecslab.

    python classroom.py --endpoint URL --policy POLICY.json --out DIR [--learners 30] [--reset]

POLICY.json is the grader's permissions policy (`ecslab grader-policy --part
permissions`). The script

1. posts `/moto-api/reset-auth` with 1000000 free requests, so that building
   is not subject to IAM;
2. builds every learner's lab in account 2000000000NN (a fixed mix: full
   labs, partial labs, labs with one known mistake, empty accounts, one in
   another region, one with their own names for lesson 4's resources), and
   in each the role `ecslab-grader` with POLICY.json inline, trusting the
   grader's account 111111111111 with the external id `ecslab-class-test`;
3. creates, in 111111111111, the user `grader` that may do nothing but
   assume `ecslab-grader` roles, and an access key for it;
4. writes DIR/roster.csv, DIR/grader.json (the grader's keys) and
   DIR/expected.json (each learner's expected status, checks that do not
   pass and score);
5. posts `/moto-api/reset-auth` with 0: from then on every request is
   signed and IAM policies are enforced, as they are in AWS.

The mix is deterministic: learner N always gets the same lab, so a failing
grade names the same learner on every run. The expectations come from the
builders' known mistakes and from the check files (see CHECKS): the test
asserts every learner's grade from them.
"""

import argparse
import csv
import json
import os
import sys
import traceback
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import boto3

HERE = os.path.dirname(os.path.abspath(__file__))
# labs.py's builders are the hand-built labs' own: imported, never copied, so
# that a fix to how a lab is built reaches both suites.
sys.path.insert(0, os.path.join(HERE, "..", "..", "HandBuiltLabs", "builders"))
import labs  # noqa: E402

REGION = labs.REGION
OTHER_REGION = "us-west-2"
GRADER_ACCOUNT = "111111111111"
GRADER_ROLE = "ecslab-grader"
EXTERNAL_ID = "ecslab-class-test"

# The checks a class grade counts on plain moto, with their points, lesson by
# lesson, as in checks/*.yaml. The test compares this table with the checks
# grades.json lists, so a check file that changes shows up here first.
CHECKS = {
    "iam-roles": [
        ("instance-role-trust", 2), ("instance-role-policy", 2), ("instance-role-tag", 1),
        ("service-role-trust", 2), ("service-role-policy", 2), ("service-role-tag", 1),
        ("autoscale-role-trust", 2), ("autoscale-role-policy", 2), ("autoscale-role-tag", 1),
        ("task-role-trust", 2), ("task-role-policy", 2), ("task-role-tag", 1),
        ("execution-role-trust", 2), ("execution-role-policy", 2), ("execution-role-tag", 1),
        ("instance-profile", 1), ("task-policy-dynamodb-only", 2),
    ],
    "network": [
        ("vpc-exists", 2), ("vpc-dns-hostnames", 1), ("public-subnets", 3), ("private-subnets", 2),
        ("igw-attached", 1), ("public-default-routes", 3), ("nat-in-public-subnet", 3), ("private-default-routes", 4),
    ],
    "clusters": [
        ("fargate-cluster", 2), ("ec2-security-group", 1), ("ec2-cluster", 1), ("launch-template", 3),
        ("auto-scaling-group", 2), ("capacity-provider", 2),
    ],
    "web-app": [("ecr-repository", 1), ("ecr-image-tag", 2)],
    "fargate-task": [("log-group", 1), ("task-definition", 3), ("task-definition-container", 3), ("task-security-group", 1)],
}

# Checks that are never applicable in a class grade on moto: those reading
# the learner's own files or localhost (web-app), those that need an ECS
# agent (moto has none), and those that depend on an agent's check.
NOT_APPLICABLE = {
    "clusters": ["ec2-instances-registered", "ec2-agents-connected"],
    "web-app": ["app-package", "app-routes", "app-page", "local-page", "local-ip-route", "dockerfile", "container-ip-route"],
    "fargate-task": ["task-running", "task-network", "task-page", "task-ip-route"],
}

POINTS = {check: points for lesson in CHECKS.values() for check, points in lesson}
LESSON_OF = {check: lesson for lesson, checks in CHECKS.items() for check, _ in checks}
ALL_LESSONS = tuple(CHECKS)
FULL = ALL_LESSONS

# A learner's own names for lesson 4's VPC and subnets, given to the grader
# through the roster's var: columns.
OWN_NETWORK_NAMES = {
    "vpc_name": "lab-net",
    "public_subnet_1_name": "lab-web-a",
    "public_subnet_2_name": "lab-web-b",
    "private_subnet_1_name": "lab-app-a",
    "private_subnet_2_name": "lab-app-b",
}


# ----------------------------------------------------------------------------
# What learners build, composed from labs.py's pieces.

def full_lab(a, network_names=labs.NETWORK_NAMES, instance_type="t2.micro", environment=(("PORT", "80"),)):
    """Lessons 3, 4, 5, 6 (its ECR part) and 7, each as the lesson says."""
    labs.roles(a)
    labs.network(a, names=network_names)
    labs.fargate_cluster(a)
    labs.ec2_cluster(a, instance_type=instance_type)
    labs.pushed_image(a)
    a.facts["default_vpc_id"] = labs.default_vpc(a)
    labs.task(a, environment=environment)


def roles_and_network(a):
    labs.roles(a)
    labs.network(a)


def clusters_only(a):
    # Lessons 3, 4 and 5, and then the learner stopped.
    labs.clusters_lab(a)


def full_lab_scan_on_push_off(a):
    full_lab(a)
    a.ecr.put_image_scanning_configuration(repositoryName="ecslab-web", imageScanningConfiguration={"scanOnPush": False})


def nothing(a):
    pass


class Learner:
    """One row of the roster, the lab behind it, and its expected grade.

    built: the lessons whose resources the lab holds, all correct but for
        `mistakes`.
    mistakes: check id → points it still earns (partial credit: points ×
        passed assertions ÷ all assertions when the first one passed, per
        docs/authoring.md; 0 when it fails outright or is skipped because a
        check it depends on did not pass).
    """

    def __init__(self, number, build, built=(), mistakes=None, region="", variables=None, name=None,
                 assumable=True, about=""):
        self.number = number
        self.id = f"s{number:02d}"
        self.name = name or f"Learner {number:02d}"
        self.account = f"2000000000{number:02d}"
        self.build = build
        self.built = tuple(built)
        self.mistakes = dict(mistakes or {})
        self.region = region
        self.variables = dict(variables or {})
        self.assumable = assumable
        self.about = about

    @property
    def build_region(self):
        return self.region or REGION

    @property
    def role_arn(self):
        # The unassumable learner typed another role's name into the form:
        # the grader may assume ecslab-grader roles only, so STS refuses.
        role = GRADER_ROLE if self.assumable else "ecslab-teacher"
        return f"arn:aws:iam::{self.account}:role/{role}"

    def not_passing(self):
        ids = [check for lesson in ALL_LESSONS if lesson not in self.built for check, _ in CHECKS[lesson]]
        ids += [check for check in self.mistakes if LESSON_OF[check] in self.built]
        return sorted(set(ids))

    def score(self):
        earned = sum(points for lesson in self.built for check, points in CHECKS[lesson] if check not in self.mistakes)
        earned += sum(self.mistakes.values())
        return round(earned, 2)

    def expected(self):
        line = {"id": self.id, "name": self.name, "account": self.account, "region": self.build_region,
                "lab": self.about, "built": list(self.built)}
        if not self.assumable:
            line.update(status="not-graded", not_passed=[], score=None)
        else:
            line.update(status="graded", not_passed=self.not_passing(), score=self.score())
        if self.variables:
            line["variables"] = self.variables
        return line


def network_mistake(name):
    """A labs.py network lab with its one mistake (lesson 4 only built)."""
    return lambda a: labs.LABS[name](a)


def roles_mistake(name):
    return lambda a: labs.LABS[name](a)


def the_class(count):
    """The class, learner 1 to `count`: a fixed mix, repeated past 30."""
    kinds = [
        # 1-8: full labs, the class's best.
        *[dict(build=full_lab, built=FULL, about="full lab") for _ in range(8)],
        # 9: a full lab in another region, named in the roster's region column.
        dict(build=full_lab, built=FULL, region=OTHER_REGION, about=f"full lab in {OTHER_REGION}"),
        # 10: a full lab with their own names for the VPC and subnets, which
        # the roster's var: columns give the grader.
        dict(build=lambda a: full_lab(a, network_names=OWN_NETWORK_NAMES), built=FULL, variables=OWN_NETWORK_NAMES,
             about="full lab, own network names"),
        # 11-12: only the roles of lesson 3.
        dict(build=labs.roles, built=["iam-roles"], about="roles only"),
        dict(build=labs.roles, built=["iam-roles"], about="roles only"),
        # 13-14: lessons 3 and 4.
        dict(build=roles_and_network, built=["iam-roles", "network"], about="roles and network"),
        dict(build=roles_and_network, built=["iam-roles", "network"], about="roles and network"),
        # 15-18: the network alone, with one of labs.py's known mistakes each.
        # DNS hostnames off: its second assertion of two fails (1 × 1/2).
        dict(build=network_mistake("network-dns-hostnames-off"), built=["network"],
             mistakes={"vpc-dns-hostnames": 0.5}, about="network-dns-hostnames-off"),
        # No public IPs: public-subnets passes 2 of 3 (3 × 2/3); everything
        # that depends on it is skipped.
        dict(build=network_mistake("network-public-without-public-ip"), built=["network"],
             mistakes={"public-subnets": 2, "public-default-routes": 0, "nat-in-public-subnet": 0,
                       "private-default-routes": 0}, about="network-public-without-public-ip"),
        # Wrong range: vpc-exists passes 2 of 3 (2 × 2/3 = 1.33), the rest is skipped.
        dict(build=network_mistake("network-wrong-cidr"), built=["network"],
             mistakes={"vpc-exists": 1.33, "vpc-dns-hostnames": 0, "public-subnets": 0, "private-subnets": 0,
                       "igw-attached": 0, "public-default-routes": 0, "nat-in-public-subnet": 0,
                       "private-default-routes": 0}, about="network-wrong-cidr"),
        # NAT gateway in a private subnet: nat-in-public-subnet passes 3 of 4
        # (3 × 3/4 = 2.25); private-default-routes depends on it.
        dict(build=network_mistake("network-nat-in-private-subnet"), built=["network"],
             mistakes={"nat-in-public-subnet": 2.25, "private-default-routes": 0}, about="network-nat-in-private-subnet"),
        # 19-20: the roles alone, with one mistake each.
        # The instance role trusts ECS: its second assertion of two fails (2 × 1/2).
        dict(build=roles_mistake("roles-instance-role-trusts-ecs"), built=["iam-roles"],
             mistakes={"instance-role-trust": 1}, about="roles-instance-role-trusts-ecs"),
        # s3:* in the task policy: 4 of its 5 assertions pass (2 × 4/5).
        dict(build=roles_mistake("roles-task-policy-with-s3"), built=["iam-roles"],
             mistakes={"task-policy-dynamodb-only": 1.6}, about="roles-task-policy-with-s3"),
        # 21-23: full labs with one mistake each.
        # Scan on push off: ecr-repository passes 1 of 2 (1 × 1/2), ecr-image-tag is skipped.
        dict(build=full_lab_scan_on_push_off, built=FULL, mistakes={"ecr-repository": 0.5, "ecr-image-tag": 0},
             about="full lab, scan on push off"),
        # No PORT variable: task-definition-container passes 5 of 6 (3 × 5/6).
        dict(build=lambda a: full_lab(a, environment=()), built=FULL, mistakes={"task-definition-container": 2.5},
             about="full lab, task without PORT"),
        # t3.large: launch-template passes 6 of 7 (3 × 6/7 = 2.571…, down to 2.57).
        dict(build=lambda a: full_lab(a, instance_type="t3.large"), built=FULL, mistakes={"launch-template": 2.57},
             about="full lab, t3.large instances"),
        # 24: lessons 3 to 5, then stopped.
        dict(build=clusters_only, built=["iam-roles", "network", "clusters"], about="lessons 3 to 5"),
        # 25-28: nothing built (never started, or cleaned everything up).
        *[dict(build=nothing, built=(), about="empty account") for _ in range(4)],
        # 29: a role ARN in the roster that the grader may not assume.
        dict(build=labs.roles, built=["iam-roles"], assumable=False, about="unassumable role"),
        # 30: one more full lab, whose name has a comma (CSV quoting).
        dict(build=full_lab, built=FULL, name="Learner 30, Jr.", about="full lab"),
    ]
    assert len(kinds) == 30, len(kinds)
    return [Learner(number, **kinds[(number - 1) % len(kinds)]) for number in range(1, count + 1)]


# ----------------------------------------------------------------------------
# The grader: a role in each learner's account, a user in its own account.

def grader_trust_policy():
    """Who may assume ecslab-grader: the grader's account, with the class's external id."""
    return json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{GRADER_ACCOUNT}:root"}, "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"sts:ExternalId": EXTERNAL_ID}}}]})


def grader_role(a, permissions):
    a.iam.create_role(RoleName=GRADER_ROLE, AssumeRolePolicyDocument=grader_trust_policy(),
                      Description="Lets the course's grader read this account")
    a.iam.put_role_policy(RoleName=GRADER_ROLE, PolicyName="ecslab-grader-read", PolicyDocument=permissions)


def grader_user(endpoint):
    """The grader's own user: it may assume ecslab-grader roles and nothing else."""
    a = labs.Account(endpoint, GRADER_ACCOUNT)
    a.iam.create_user(UserName="grader")
    a.iam.put_user_policy(UserName="grader", PolicyName="assume-ecslab-grader", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": f"arn:aws:iam::*:role/{GRADER_ROLE}"}]}))
    key = a.iam.create_access_key(UserName="grader")["AccessKey"]
    return {"AccessKeyId": key["AccessKeyId"], "SecretAccessKey": key["SecretAccessKey"],
            "account": GRADER_ACCOUNT, "user": "grader", "external_id": EXTERNAL_ID}


# ----------------------------------------------------------------------------

def moto_api(endpoint, what, body=""):
    """POST to moto's own API: `reset` empties the server; `reset-auth N`
    is its switch: after N more requests, every request is authenticated and
    IAM policies are enforced."""
    # Not form-encoded (urllib's default type), or Flask hides the body from moto.
    request = urllib.request.Request(f"{endpoint.rstrip('/')}/moto-api/{what}", data=str(body).encode(),
                                     method="POST", headers={"Content-Type": "text/plain"})
    with urllib.request.urlopen(request) as answer:
        answer.read()


def build_learner(account, learner, permissions):
    learner.build(account)
    if learner.assumable:
        grader_role(account, permissions)
    return learner.id


def write_roster(path, learners):
    columns = ["id", "name", "profile", "role_arn", "external_id", "region"] + [f"var:{name}" for name in OWN_NETWORK_NAMES]
    with open(path, "w", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(columns)
        for learner in learners:
            row = [learner.id, learner.name, "", learner.role_arn, EXTERNAL_ID, learner.region]
            row += [learner.variables.get(name, "") for name in OWN_NETWORK_NAMES]
            writer.writerow(row)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--endpoint", required=True, help="the moto server's URL")
    parser.add_argument("--policy", required=True, help="the grader's permissions policy (JSON)")
    parser.add_argument("--out", required=True, help="the folder for roster.csv, grader.json and expected.json")
    parser.add_argument("--reset", action="store_true",
                        help="empty the moto server first (POST /moto-api/reset), for a server the caller owns")
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--builders", type=int, default=3,
                        help="learners built side by side (moto answers few requests at once; more buys little)")
    arguments = parser.parse_args()

    with open(arguments.policy) as file:
        permissions = json.dumps(json.load(file))
    os.makedirs(arguments.out, exist_ok=True)
    learners = the_class(arguments.learners)

    if arguments.reset:
        # Auth off first: a server left with IAM checks on still takes it,
        # and the builders below need it off anyway.
        moto_api(arguments.endpoint, "reset-auth", 1_000_000)
        moto_api(arguments.endpoint, "reset")
    moto_api(arguments.endpoint, "reset-auth", 1_000_000)
    failures = []
    with ThreadPoolExecutor(arguments.builders) as pool:
        # Each account (its boto3 session) is made here, in one thread:
        # boto3's default session, which Account's STS call uses, is not
        # safe to share between threads; each session's clients then are.
        accounts = [labs.Account(arguments.endpoint, learner.account, region=learner.build_region) for learner in learners]
        futures = {learner.id: pool.submit(build_learner, account, learner, permissions)
                   for learner, account in zip(learners, accounts)}
        for learner_id, future in futures.items():
            try:
                future.result()
            except Exception:
                failures.append(f"{learner_id}: {traceback.format_exc()}")
    grader = grader_user(arguments.endpoint)
    if failures:
        # Auth stays off, so that whoever debugs this can still look around.
        sys.stderr.write("building the class failed:\n" + "\n".join(failures))
        return 1

    write_roster(os.path.join(arguments.out, "roster.csv"), learners)
    with open(os.path.join(arguments.out, "grader.json"), "w") as file:
        json.dump(grader, file, indent=2)
    expected = {
        "grader_account": GRADER_ACCOUNT, "region": REGION, "external_id": EXTERNAL_ID, "grader_role": GRADER_ROLE,
        "checks": [{"id": check, "lesson": lesson, "points": points} for lesson, checks in CHECKS.items()
                   for check, points in checks],
        "not_applicable": [{"id": check, "lesson": lesson} for lesson, checks in NOT_APPLICABLE.items() for check in checks],
        "possible": sum(POINTS.values()),
        "learners": [learner.expected() for learner in learners],
    }
    with open(os.path.join(arguments.out, "expected.json"), "w") as file:
        json.dump(expected, file, indent=2)
        file.write("\n")
    moto_api(arguments.endpoint, "reset-auth", 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
