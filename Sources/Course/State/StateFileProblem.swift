import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file or folder under the state folder could not be written, from
/// the system's error number, and what a learner does about it: a full disk
/// and a folder they may not write to call for different fixes.
public struct StateFileProblem: Sendable, Equatable {
    public let code: Int32

    public init(code: Int32) {
        self.code = code
    }

    /// The error number a Foundation file error wraps, when it wraps one.
    public init(_ error: any Error) {
        let error = error as NSError
        // On Linux the underlying error casts to `Error`, not to `NSError`.
        let underlying = (error.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        if error.domain == NSPOSIXErrorDomain {
            self.init(code: Int32(error.code))
        } else if let underlying, underlying.domain == NSPOSIXErrorDomain {
            self.init(code: Int32(underlying.code))
        } else {
            switch CocoaError.Code(rawValue: error.code) {
            case .fileWriteNoPermission: self.init(code: EACCES)
            case .fileWriteOutOfSpace: self.init(code: ENOSPC)
            case .fileWriteVolumeReadOnly: self.init(code: EROFS)
            default: self.init(code: EIO)
            }
        }
    }

    /// The system's own words, e.g. "No space left on device".
    public var reason: String { String(cString: strerror(code)) }

    /// What to do, as the end of a sentence.
    public var advice: String {
        switch code {
        case ENOSPC, EDQUOT: return "free some space on that disk, then run the command again"
        case EFBIG: return "the file has reached the size limit for files (ulimit -f); raise it, then run the command again"
        case EACCES, EPERM, EROFS: return "check that you may write there, or set XDG_STATE_HOME to a folder you can write to"
        default: return "check that folder and its disk, then run the command again"
        }
    }
}
