import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on a file, so that two ecslab processes sharing a
/// state directory never both start a server or both rewrite a record.
struct RecordLock {
    let path: String

    func withLock<T>(_ body: () async throws -> T) async throws -> T {
        let descriptor = open(path, O_CREAT | O_RDWR, 0o600)
        guard descriptor >= 0 else {
            throw SandboxError.stateFolder("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw SandboxError.stateFolder("cannot lock \(path): \(String(cString: strerror(errno)))")
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try await body()
    }
}
