import AWS
import Foundation
import JSON

/// A client and an `aws` CLI environment aimed at the test moto server, with dummy keys.
public enum MotoClient {
    public static let region = "us-east-1"

    public static func client(_ url: String) throws -> AWSClient {
        let sender = AWSRequestSender(
            transport: CurlTransport(),
            credentials: StaticCredentialsProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
            region: region)
        return AWSClient(sender: sender, endpointURL: try Endpoint(parsing: url))
    }

    /// The environment for `aws`: only the endpoint, keys and region, no profile files.
    public static func cliEnvironment(_ url: String) -> [String: String] {
        [
            "PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path,
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": region,
            "AWS_ENDPOINT_URL": url, "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
            "AWS_PAGER": "", "LC_ALL": "C.UTF-8",
        ]
    }

    /// What `aws <service> <operation> --cli-input-json <input> --output json` prints,
    /// re-printed by Python with sorted keys (so only key order is normalised).
    public static func cliOutput(_ url: String, service: String, operation: String, input: JSON) async throws -> (status: Int32, text: String, errors: String) {
        let aws = try TestEnvironment.venvProgram("aws")
        let python = try TestEnvironment.venvProgram("python")
        let script = """
            import json, subprocess, sys
            run = subprocess.run(sys.argv[1:], capture_output=True, text=True)
            if run.returncode != 0 or not run.stdout.strip():
                sys.stdout.write(run.stdout)
                sys.stderr.write(run.stderr)
                sys.exit(run.returncode)
            print(json.dumps(json.loads(run.stdout), indent=4, sort_keys=True, ensure_ascii=False))
            """
        let result = try await ProcessRunner.run(
            python,
            ["-c", script, aws.path, service, CLIName.kebab(operation), "--cli-input-json", input.text, "--output", "json"],
            environment: cliEnvironment(url))
        return (result.status, result.stdout, result.stderr)
    }

    public static func sorted(_ json: JSON) -> String {
        json.formatted(JSONFormat(indent: 4, sortKeys: true)) + "\n"
    }
}
