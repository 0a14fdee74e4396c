import Foundation

/// The standard credentials chain of the AWS SDKs and CLI: the environment
/// (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), then
/// the profile. In a profile, as botocore orders it: `role_arn` (assumed
/// through STS with `source_profile` or `credential_source`), then keys in the
/// credentials file, then `credential_process`, then keys in the config file.
///
/// Which source applies is decided when the chain is made, from the files
/// alone, so that a misconfiguration is reported before any request; processes
/// run and STS is called only when credentials are first needed.
public struct CredentialChain: CredentialsProvider {
    public let source: CredentialSource
    let provider: any CredentialsProvider

    /// `roleAssumer` calls STS for profiles with a `role_arn`; it is only used if one does.
    public init(configuration: AWSConfiguration, roleAssumer: any RoleAssumer, now: @escaping @Sendable () -> Date = { Date() }) throws {
        let resolver = Resolver(configuration: configuration, assumer: roleAssumer, now: now)
        // An explicit --profile outranks the environment's keys, as it does in the CLI.
        if configuration.profileOrigin != "--profile", let found = try resolver.environment() {
            (source, provider) = found
        } else if let found = try resolver.profile(configuration.profileName, chain: [], usedBy: nil) {
            (source, provider) = found
        } else {
            let locations = configuration.shared.locations
            throw CredentialsError.noCredentials(
                profile: configuration.profileName,
                configPath: locations.configDisplayPath, credentialsPath: locations.credentialsDisplayPath
            )
        }
    }

    public func credentials() async throws -> AWSCredentials {
        try await provider.credentials()
    }
}

private struct Resolver {
    typealias Found = (source: CredentialSource, provider: any CredentialsProvider)

    let configuration: AWSConfiguration
    let assumer: any RoleAssumer
    let now: @Sendable () -> Date

    var shared: SharedConfig { configuration.shared }

    func environment() throws -> Found? {
        let variables = configuration.environment
        func value(_ name: String) -> String? {
            guard let text = variables[name], !text.isEmpty else { return nil }
            return text
        }
        let keyID = value("AWS_ACCESS_KEY_ID")
        let secret = value("AWS_SECRET_ACCESS_KEY")
        switch (keyID, secret) {
        case (nil, nil):
            return nil
        case (.some, nil):
            throw CredentialsError.partialCredentials(source: "the environment", missing: "AWS_SECRET_ACCESS_KEY")
        case (nil, .some):
            throw CredentialsError.partialCredentials(source: "the environment", missing: "AWS_ACCESS_KEY_ID")
        case (.some(let keyID), .some(let secret)):
            let token = value("AWS_SESSION_TOKEN") ?? value("AWS_SECURITY_TOKEN")
            let credentials = AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: token)
            return (.environment, StaticCredentialsProvider(credentials))
        }
    }

    /// `usedBy` is the profile whose `source_profile` this is; `chain` the profiles already on the way here.
    func profile(_ name: String, chain: [String], usedBy: String?) throws -> Found? {
        guard let profile = shared.profile(name) else {
            if let usedBy { throw CredentialsError.sourceProfileNotFound(name: name, usedBy: usedBy) }
            return nil
        }
        // A source profile's own keys win over its role_arn, as in botocore;
        // that is also what lets a profile name itself as its source.
        if usedBy != nil, let keys = try keys(of: name) { return keys }
        if let roleARN = profile["role_arn"], !roleARN.isEmpty {
            return try assumeRole(roleARN, profile: profile, name: name, chain: chain)
        }
        if let keys = try keys(of: name, in: shared.credentials, path: shared.locations.credentialsDisplayPath) { return keys }
        if let command = profile["credential_process"], !command.isEmpty {
            let process = ProcessCredentialsProvider(command: command, profileName: name, environment: configuration.environment, now: now)
            return (.process(profile: name), RefreshingCredentialsProvider(process, now: now))
        }
        if let keys = try keys(of: name, in: shared.config, path: shared.locations.configDisplayPath) { return keys }
        try rejectUnsupported(profile, name: name)
        return nil
    }

    private func keys(of name: String) throws -> Found? {
        if let keys = try keys(of: name, in: shared.credentials, path: shared.locations.credentialsDisplayPath) { return keys }
        return try keys(of: name, in: shared.config, path: shared.locations.configDisplayPath)
    }

    private func keys(of name: String, in file: SharedConfigFile, path: String) throws -> Found? {
        guard let section = file.profiles[name] else { return nil }
        let keyID = section["aws_access_key_id"].flatMap { $0.isEmpty ? nil : $0 }
        let secret = section["aws_secret_access_key"].flatMap { $0.isEmpty ? nil : $0 }
        let place = "the profile \"\(name)\" in \(path)"
        switch (keyID, secret) {
        case (nil, nil):
            return nil
        case (.some, nil):
            throw CredentialsError.partialCredentials(source: place, missing: "aws_secret_access_key")
        case (nil, .some):
            throw CredentialsError.partialCredentials(source: place, missing: "aws_access_key_id")
        case (.some(let keyID), .some(let secret)):
            let token = (section["aws_session_token"] ?? section["aws_security_token"]).flatMap { $0.isEmpty ? nil : $0 }
            let credentials = AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: token)
            return (.profileKeys(profile: name, file: path), StaticCredentialsProvider(credentials))
        }
    }

    private func assumeRole(_ roleARN: String, profile: ConfigSection, name: String, chain: [String]) throws -> Found {
        if let serial = profile["mfa_serial"], !serial.isEmpty {
            throw CredentialsError.unsupportedSetting(
                name: "mfa_serial", profile: name,
                hint: "use a credential_process that asks for the MFA code, or session keys from `aws sts get-session-token`"
            )
        }
        var duration: Int?
        if let text = profile["duration_seconds"], !text.isEmpty {
            guard let seconds = Int(text), (900...43200).contains(seconds) else {
                throw CredentialsError.invalidSetting(
                    name: "duration_seconds", value: text, profile: name, expected: "a number of seconds from 900 to 43200"
                )
            }
            duration = seconds
        }
        let sourceProfile = profile["source_profile"].flatMap { $0.isEmpty ? nil : $0 }
        let credentialSource = profile["credential_source"].flatMap { $0.isEmpty ? nil : $0 }
        let source: Found
        switch (sourceProfile, credentialSource) {
        case (.some, .some):
            throw CredentialsError.roleWithTwoSources(profile: name)
        case (.some(let sourceName), nil):
            let path = chain + [name]
            if sourceName == name {
                guard let own = try keys(of: name) else { throw CredentialsError.sourceProfileCycle([name, name]) }
                source = own
            } else if path.contains(sourceName) {
                throw CredentialsError.sourceProfileCycle(path + [sourceName])
            } else {
                guard let found = try self.profile(sourceName, chain: path, usedBy: name) else {
                    throw CredentialsError.sourceProfileHasNoCredentials(name: sourceName, usedBy: name)
                }
                source = found
            }
        case (nil, .some(let kind)):
            switch kind {
            case "Environment":
                guard let found = try environment() else { throw CredentialsError.environmentSourceEmpty(profile: name) }
                source = found
            case "Ec2InstanceMetadata", "EcsContainer":
                throw CredentialsError.unsupportedSetting(
                    name: "credential_source = \(kind)", profile: name,
                    hint: "use source_profile or credential_source = Environment"
                )
            default:
                throw CredentialsError.invalidSetting(
                    name: "credential_source", value: kind, profile: name,
                    expected: "Environment, Ec2InstanceMetadata or EcsContainer"
                )
            }
        case (nil, nil):
            if profile["web_identity_token_file"].map({ !$0.isEmpty }) ?? false {
                throw CredentialsError.unsupportedSetting(
                    name: "web_identity_token_file", profile: name, hint: "use source_profile or a credential_process"
                )
            }
            throw CredentialsError.roleWithoutSource(profile: name)
        }
        let role = AssumeRoleCredentialsProvider(
            roleARN: roleARN,
            roleSessionName: profile["role_session_name"].flatMap { $0.isEmpty ? nil : $0 },
            externalID: profile["external_id"].flatMap { $0.isEmpty ? nil : $0 },
            durationSeconds: duration,
            // Without a region, botocore calls the global STS endpoint, which signs for us-east-1.
            region: configuration.region ?? "us-east-1",
            source: source.provider, assumer: assumer, now: now
        )
        return (
            .assumeRole(profile: name, roleARN: roleARN, source: source.source),
            RefreshingCredentialsProvider(role, now: now)
        )
    }

    private func rejectUnsupported(_ profile: ConfigSection, name: String) throws {
        for setting in ["sso_session", "sso_start_url"] where !(profile[setting] ?? "").isEmpty {
            throw CredentialsError.unsupportedSetting(
                name: setting, profile: name,
                hint: "run `aws configure export-credentials --profile \(name) --format env` and use the keys it prints"
            )
        }
    }
}
