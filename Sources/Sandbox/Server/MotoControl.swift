import AWS
import Foundation
import JSON

/// moto's own control API (`/moto-api/...`), which real AWS does not have.
struct MotoControl: Sendable {
    let url: String

    /// moto moves an ECS task one state further on every describe, so a task
    /// would look STOPPED a few reads after it started. Real tasks stay
    /// RUNNING until stopped: a manual transition that needs a million
    /// describes to advance keeps them there, and StopTask still stops them.
    func makeTaskStatesDeterministic() async throws {
        let body: JSON = ["model_name": "ecs::task", "transition": ["progression": "manual", "times": 1_000_000]]
        try await post("/moto-api/state-manager/set-transition", body: body)
    }

    private func post(_ path: String, body: JSON) async throws {
        let endpoint = try Endpoint(parsing: url)
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json")
        let request = HTTPRequest(
            method: "POST", scheme: endpoint.scheme, host: endpoint.host, port: endpoint.port, path: path, query: "",
            headers: headers, body: Array(body.formatted(.compact).utf8))
        let response = try await CurlTransport().send(request)
        guard (200..<300).contains(response.status) else {
            throw SandboxError.spawnFailed(program: "moto", reason: "\(path) answered \(response.status)")
        }
    }
}
