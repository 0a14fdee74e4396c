import AWS
import Course

/// What a person does about a failure that a setting causes: shown by the
/// tutor's preflight beside the failure itself.
enum FailureFix {
    static func of(_ error: AWSConfigurationError) -> TutorText {
        if case .missingRegion = error { return .fixRegion }
        return .fixConfigSetting
    }

    static func of(_ error: any LocalizedFailure) -> TutorText? {
        error is AWSTransportError ? .fixNetwork : nil
    }

    /// Answers that say the keys themselves are wrong or spent, rather than
    /// short of a permission.
    static func rejectsCredentials(_ error: AWSServiceError) -> Bool {
        let codes: Set<String> = [
            "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException", "UnrecognizedClientException",
            "AuthFailure", "InvalidAccessKeyId",
        ]
        return codes.contains(error.code)
    }

    /// Only answers that blame the credentials have a fix to offer.
    static func of(_ error: AWSServiceError) -> TutorText? {
        let credentialCodes: Set<String> = [
            "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException", "UnrecognizedClientException",
            "AuthFailure", "InvalidAccessKeyId", "AccessDenied", "AccessDeniedException",
        ]
        return credentialCodes.contains(error.code) ? .fixAccessKey : nil
    }
}
