import AWS
import JSON

/// A `ScriptPlan` in bash: `set -euo pipefail`, each call the `aws` command
/// the tutor shows, each captured value a variable (and a line of the ids
/// file), each wait `aws ... wait ...`.
public struct BashScriptWriter: Sendable, ScriptSyntax {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    public func write(_ plan: ScriptPlan) throws -> String {
        var out: [String] = ["#!/usr/bin/env bash"]
        out += plan.header.map { "# " + $0 }
        out += ["set -euo pipefail", ""]
        if !plan.settings.isEmpty {
            out.append("# " + ScriptText.settings(plan.lesson)[language])
            for setting in plan.settings {
                // `~/…` is the learner's home, as the tutor reads it; quoted, bash would not expand it.
                let value = setting.value.hasPrefix("~/") ? "\"$HOME\"/" + Self.quoted(String(setting.value.dropFirst(2))) : Self.quoted(setting.value)
                out.append("\(setting.name)=\(value)" + (setting.about.map { "  # \($0)" } ?? ""))
            }
            out.append("")
        }
        // Every call goes to one region: the aws CLI v1 reads AWS_DEFAULT_REGION, not AWS_REGION.
        out.append("region=${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region || true)}}")
        out.append("[ -n \"$region\" ] || { echo \"ecslab: no region: set AWS_REGION or run aws configure\" >&2; exit 1; }")
        out.append("export AWS_DEFAULT_REGION=$region")
        if plan.runtime.contains("account") {
            out.append("account=$(aws sts get-caller-identity --query Account --output text)")
        }
        out += Self.helpers(plan, language: language)
        for item in plan.imports {
            out += try importLines(item, undo: plan.undo)
        }
        out += try blocks(of: plan)
        return out.joined(separator: "\n") + "\n"
    }

    static func helpers(_ plan: ScriptPlan, language: Language) -> [String] {
        var lines = ["ids=\(quoted(ScriptPlan.idsFile(plan.lesson)))"]
        lines += [
            "# The last value an ids file holds for a name, or nothing.",
            "ecslab_saved() { [ -f \"$1\" ] && sed -n \"s/^$2=//p\" \"$1\" | tail -n 1 || true; }",
        ]
        if !plan.undo {
            lines += [
                "# A captured value is kept in the ids file, for the later lessons and the teardown.",
                "ecslab_keep() {",
                "    if [ -z \"$2\" ] || [ \"$2\" = None ]; then echo \"ecslab: the answer held no $1\" >&2; exit 1; fi",
                "    printf '%s=%s\\n' \"$1\" \"$2\" >>\"$ids\"",
                "    echo \"  $1=$2\"",
                "}",
                "# Polls a query until it prints True; after the given seconds (or ECSLAB_WAIT_SECONDS) it says so and goes on.",
                "ecslab_poll() {",
                "    local seconds=${ECSLAB_WAIT_SECONDS:-$1} what=$2 waited=0",
                "    shift 2",
                "    until [ \"$(\"$@\")\" = True ]; do",
                "        if [ \"$waited\" -ge \"$seconds\" ]; then echo \"ecslab: still waiting for: $what; going on\" >&2; return 0; fi",
                "        sleep $((seconds < 10 ? seconds : 10))",
                "        waited=$((waited + (seconds < 10 ? seconds : 10)))",
                "    done",
                "}",
            ]
        }
        lines += [
            "# A delete that takes \"it is not there\" for done.",
            "ecslab_delete() {",
            "    local said",
            "    if said=$(\"$@\" 2>&1 >/dev/null); then return 0; fi",
            "    case \"$said\" in",
            "        *NotFound* | *NoSuchEntity* | *\"does not exist\"* | *DoesNotExist* | *\"not found\"*) echo \"  (already gone)\" ;;",
            "        *) echo \"$said\" >&2; return 1 ;;",
            "    esac",
            "}",
        ]
        return lines
    }

    private func importLines(_ item: ScriptPlan.Import, undo: Bool) throws -> [String] {
        let variable = item.name
        var lines = ["\(variable)=$(ecslab_saved \(Self.quoted(ScriptPlan.idsFile(item.lesson))) \(item.savedAs))"]
        if let lookup = item.lookup {
            lines.append("[ -n \"$\(variable)\" ] || \(variable)=$(\(try command(lookup)) --output text)")
        }
        let missing = ScriptText.notFound(item.looksFor, lesson: item.lesson)[language]
        if undo {
            lines.append("[ \"$\(variable)\" != None ] || \(variable)=")
        } else {
            lines.append("if [ -z \"$\(variable)\" ] || [ \"$\(variable)\" = None ]; then echo \(Self.quoted(missing)) >&2; exit 1; fi")
        }
        return lines
    }

    func say(_ text: String) -> String { "echo " + Self.quoted(text) }

    func stop(before step: String, saying text: String) -> String {
        "if [ \"${ECSLAB_STOP_BEFORE:-}\" = \(Self.quoted(step)) ]; then echo \(Self.quoted(text)); exit 0; fi"
    }

    func unlessTornDown(_ step: String, saying text: String, _ body: [String]) -> [String] {
        ["if grep -qx \(Self.quoted("torn-down=" + step)) \"$ids\" 2>/dev/null; then", "    echo \(Self.quoted(text))", "else"]
            + body.map { "    " + $0 } + ["fi"]
    }

    /// Run apart, not in an `||` list: there bash would switch `set -e` off for the whole step.
    func tolerating(_ body: [String], saying text: String) -> [String] {
        ["set +e", "("] + body.map { "    " + $0 } + [")", "ecslab_status=$?", "set -e", "[ \"$ecslab_status\" -eq 0 ] || echo \(Self.quoted(text)) >&2"]
    }

    func lines(_ item: ScriptPlan.Item) throws -> [String] {
        switch item {
        case .call(let call, let captures):
            guard !captures.isEmpty else { return [try command(call) + " >/dev/null"] }
            if captures.count == 1 {
                var query = call
                query.query = captures[0].expression
                return ["\(captures[0].name)=$(\(try command(query)) --output text)", "ecslab_keep \(captures[0].name) \"$\(captures[0].name)\""]
            }
            var query = call
            query.query = "[" + captures.map { "(\($0.expression))" }.joined(separator: ", ") + "]"
            var lines = ["ecslab_answer=$(\(try command(query)) --output text)"]
            lines.append("IFS=$'\\t' read -r \(captures.map(\.name).joined(separator: " ")) <<<\"$ecslab_answer\"")
            lines += captures.map { "ecslab_keep \($0.name) \"$\($0.name)\"" }
            return lines
        case .wait(let service, let waiter, let input), .deleteWait(let service, let waiter, let input):
            let line = try waitCommand(service: service, waiter: waiter, input: input)
            if case .deleteWait = item { return [guarded(line, uses: input) ] }
            return [line]
        case .poll(let read, let what, let seconds):
            return ["ecslab_poll \(seconds) \(Self.quoted(what)) \(try command(read)) --output text"]
        case .base64(let name, let text):
            return ["\(name)=$(printf '%s' \(Self.substituted(Self.quoted(text)))  | base64 | tr -d '\\n')"]
        case .delete(let call):
            return [guarded("ecslab_delete " + (try command(call)), uses: call.input)]
        case .copy(let from, let to):
            let target = Self.substituted(Self.quoted(to))
            return ["mkdir -p \(target)", "cp -Rn \(Self.quoted(from + "/")). \(target)/"]
        case .start(let command, let prepare, let directory, let environment):
            let folder = Self.substituted(Self.quoted(directory))
            var lines: [String] = []
            if !prepare.isEmpty {
                // As the tutor does: without a network `npm install` fails, and the app may still start.
                let failed = Self.quoted(ScriptText.prepareFailed(prepare)[language])
                lines.append("(cd \(folder) && \(prepare.map(Self.quoted).joined(separator: " "))) || echo \(failed) >&2")
            }
            let variables = environment.map { "\($0.0)=\(Self.substituted(Self.quoted($0.1)))" }.joined(separator: " ")
            lines.append("(cd \(folder) && \(variables) nohup \(command.map(Self.quoted).joined(separator: " ")) >ecslab-app.log 2>&1 &)")
            lines.append("echo " + Self.quoted(ScriptText.started[language]))
            return lines
        case .note(let text):
            return ["echo " + Self.quoted("  " + text)]
        case .lookup(let found):
            return try importLines(found, undo: false)
        case .tornDown(let steps):
            return steps.map { "printf 'torn-down=%s\\n' \(Self.quoted($0)) >>\"$ids\"" }
        }
    }

    /// A line run only when every variable its input uses has a value: a
    /// teardown passes over what it has no id for.
    private func guarded(_ line: String, uses input: JSON) -> String {
        let names = ScriptPlan.placeholders(in: input.text)
        guard !names.isEmpty else { return line }
        return "if " + names.map { "[ -n \"${\($0):-}\" ]" }.joined(separator: " && ") + "; then \(line); fi"
    }

    /// The `aws` command of a call, with its variables as shell references.
    func command(_ call: ScriptPlan.Command) throws -> String {
        var text = try AWSClient.cliCommand(service: call.operation.service, operation: call.operation.operation, input: call.input, redactsSecrets: false)
        if let query = call.query { text += " --query " + Self.quoted(query) }
        return Self.substituted(text)
    }

    func waitCommand(service: String, waiter: String, input: JSON) throws -> String {
        let model = try ServiceModel.named(service)
        let operation = try model.waiter(waiter).operation
        let text = try AWSClient.cliCommand(service: service, operation: operation, input: input, redactsSecrets: false)
        // `aws ec2 describe-vpcs ARGS` becomes `aws ec2 wait vpc-available ARGS`.
        let words = text.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
        let arguments = words.count > 3 ? " " + words[3] : ""
        return Self.substituted("aws \(model.name) wait \(CLIName.kebab(waiter))\(arguments)")
    }

    /// Each placeholder of a shell text as a reference to its variable:
    /// `"${name}"` outside single quotes, `'"${name}"'` inside them.
    static func substituted(_ text: String) -> String {
        var out = ""
        var inQuotes = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if text[index...].hasPrefix("@@"), let end = text[text.index(index, offsetBy: 2)...].range(of: "@@") {
                let name = text[text.index(index, offsetBy: 2)..<end.lowerBound]
                if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
                    out += inQuotes ? "'\"${\(name)}\"'" : "\"${\(name)}\""
                    index = end.upperBound
                    continue
                }
            }
            if character == "'" {
                inQuotes.toggle()
            } else if character == "\\", !inQuotes, text.index(after: index) < text.endIndex {
                out.append(character)
                index = text.index(after: index)
                out.append(text[index])
                index = text.index(after: index)
                continue
            }
            out.append(character)
            index = text.index(after: index)
        }
        return out
    }

    static func quoted(_ word: String) -> String { CLICommand.quoted(word) }
}
