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

    /// Only answers that blame the credentials have a fix to offer.
    static func of(_ error: AWSServiceError) -> TutorText? {
        let credentialCodes: Set<String> = [
            "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException", "UnrecognizedClientException",
            "AuthFailure", "InvalidAccessKeyId", "AccessDenied", "AccessDeniedException",
        ]
        return credentialCodes.contains(error.code) ? .fixAccessKey : nil
    }
}
