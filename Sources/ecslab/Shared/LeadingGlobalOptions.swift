/// `ecslab --sandbox selftest` puts a global option before the command, where
/// the argument parser would give it to the default command (the tutor).
/// Global options in front of a command name are moved behind it (behind the
/// subcommand's own subcommand for `sandbox start`), where every command takes them.
enum LeadingGlobalOptions {
    static let flags: Set<String> = ["--sandbox", "--debug"]
    static let valued: Set<String> = ["--lang", "--profile", "--region", "--endpoint-url", "--course"]

    static func reorder(_ arguments: [String], commands: [String: [String]]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if flags.contains(argument) || (valued.contains(name) && argument.contains("=")) {
                leading.append(argument)
                index += 1
            } else if valued.contains(argument), index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else {
                break
            }
        }
        guard !leading.isEmpty, index < arguments.count, let nested = commands[arguments[index]] else { return arguments }
        var commandEnd = index + 1
        if commandEnd < arguments.count, nested.contains(arguments[commandEnd]) { commandEnd += 1 }
        return Array(arguments[index..<commandEnd]) + leading + Array(arguments[commandEnd...])
    }
}
