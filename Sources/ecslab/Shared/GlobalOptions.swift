import ArgumentParser
import Course
import Foundation
import Tutor

/// The options every course command takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Language of what the tutor says: zh or en (default: ECSLAB_LANG, then the locale).")
    var lang: String?

    @Option(help: "The AWS profile in ~/.aws/config and ~/.aws/credentials.")
    var profile: String?

    @Option(help: "The AWS region; otherwise AWS_REGION, AWS_DEFAULT_REGION or the profile's.")
    var region: String?

    @Option(name: .customLong("endpoint-url"), help: "Send every call to this endpoint (a moto server, say).")
    var endpointURL: String?

    @Option(help: ArgumentHelp("The folder holding lessons/ and checks/ (default: ECSLAB_COURSE, then the one ecslab ships with).", valueName: "dir"))
    var course: String?

    @Flag(help: "Show every AWS request and response (secrets redacted) on standard error.")
    var debug = false

    @Flag(help: "Use the local AWS sandbox (a moto server): the one `ecslab sandbox start` runs, or one for this command only.")
    var sandbox = false

    /// The language failures are told in: a bad `--lang` is itself told in English.
    var spokenLanguage: Language { (try? WorkspaceOptions.language(lang)) ?? .en }

    func workspace() throws -> WorkspaceOptions {
        WorkspaceOptions(
            language: try WorkspaceOptions.language(lang), profile: profile, region: region, endpointURL: endpointURL, course: course,
            debug: debug, sandbox: sandbox)
    }
}
