"""Replays calls that ecslab recorded with --trace (`ecslab check`, `ecslab
grade`) through boto3, one after another, the way a Python checker makes
them: boto3's own client per service, its paginator where the trace says
`paginate`. Shared by check-boto3.py and grade-boto3.py."""

import botocore.exceptions

# The trace names services by their IAM prefix; boto3 by its client name.
CLIENT_NAMES = {"elasticloadbalancing": "elbv2"}


class TraceReplayer:
    """Counts the requests the replayed calls took (each page one) and the
    calls AWS answered with an error."""

    def __init__(self):
        self.methods = {}
        self.calls = 0
        self.errors = 0

    def method_name(self, client, service, operation):
        # operation name (DescribeVpcs) → method name (describe_vpcs), from
        # botocore's own model: the inverse of method_to_api_mapping.
        if service not in self.methods:
            self.methods[service] = {api: method for method, api in client.meta.method_to_api_mapping.items()}
        return self.methods[service][operation]

    def replay(self, session, endpoint, calls):
        clients = {}

        def client(service):
            if service not in clients:
                clients[service] = session.client(CLIENT_NAMES.get(service, service), endpoint_url=endpoint)
            return clients[service]

        for call in calls:
            service, _, operation = call["operation"].partition(":")
            c = client(service)
            method = self.method_name(c, service, operation)
            paginated = call.get("paginate") and c.can_paginate(method)
            try:
                if paginated:
                    for _ in c.get_paginator(method).paginate(**call.get("input", {})):
                        self.calls += 1
                else:
                    self.calls += 1
                    getattr(c, method)(**call.get("input", {}))
            except botocore.exceptions.ClientError:
                # A check that finds nothing is an answer too (NoSuchEntity, ...);
                # the page that said so was a request, like every other.
                if paginated:
                    self.calls += 1
                self.errors += 1
