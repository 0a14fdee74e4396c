import AWS
import JSON

/// A `ScriptPlan` in PowerShell 7: every call's input goes to the CLI as
/// `--cli-input-json` from a file, since PowerShell mangles the quotes of
/// JSON passed to a native program; a failed `aws` stops the script
/// (`$PSNativeCommandUseErrorActionPreference`).
public struct PowerShellScriptWriter: Sendable, ScriptSyntax {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    public func write(_ plan: ScriptPlan) throws -> String {
        var out: [String] = ["#Requires -Version 7.3"]
        out += plan.header.map { "# " + $0 }
        out += ["$ErrorActionPreference = 'Stop'", "$PSNativeCommandUseErrorActionPreference = $true", ""]
        if !plan.settings.isEmpty { out.append("# " + ScriptText.settings(plan.lesson)[language]) }
        for setting in plan.settings {
            let value = setting.value.hasPrefix("~/") ? "(Join-Path $HOME \(Self.quoted(String(setting.value.dropFirst(2)))))" : Self.quoted(setting.value)
            out.append("$\(setting.name) = \(value)" + (setting.about.map { "  # \($0)" } ?? ""))
        }
        out.append("$region = if ($env:AWS_REGION) { $env:AWS_REGION } elseif ($env:AWS_DEFAULT_REGION) { $env:AWS_DEFAULT_REGION } else { aws configure get region }")
        out.append("if (-not $region) { throw 'ecslab: no region: set AWS_REGION or run aws configure' }")
        out.append("$env:AWS_DEFAULT_REGION = $region")
        if plan.runtime.contains("account") {
            out.append("$account = aws sts get-caller-identity --query Account --output text")
        }
        out += [
            "$ids = \(Self.quoted(ScriptPlan.idsFile(plan.lesson)))",
            "function Get-EcslabSaved($File, $Name) {",
            "    if (Test-Path $File) { (Get-Content $File | Where-Object { $_ -like \"$Name=*\" } | Select-Object -Last 1) -replace \"^$Name=\", '' }",
            "}",
            "function Invoke-EcslabAws($Words, $Json, $Query) {",
            "    $file = New-TemporaryFile",
            "    Set-Content -LiteralPath $file -Value $Json -Encoding utf8NoBOM",
            "    try {",
            "        if ($Query) { aws @Words --cli-input-json \"file://$file\" --query $Query --output text } else { aws @Words --cli-input-json \"file://$file\" | Out-Null }",
            "    } finally { Remove-Item $file }",
            "}",
            "function Save-EcslabValue($Name, $Value) {",
            "    if (-not $Value -or $Value -eq 'None') { throw \"ecslab: the answer held no $Name\" }",
            "    Add-Content -LiteralPath $ids -Value \"$Name=$Value\"",
            "    Write-Output \"  $Name=$Value\"",
            "}",
            "function Remove-EcslabThing($Words, $Json) {",
            "    try { Invoke-EcslabAws $Words $Json $null } catch {",
            "        if (\"$_\" -match 'NotFound|NoSuchEntity|does not exist|DoesNotExist|not found') { Write-Output '  (already gone)' } else { throw }",
            "    }",
            "}",
        ]
        for item in plan.imports {
            out += try importLines(item, undo: plan.undo)
        }
        out += try blocks(of: plan)
        return out.joined(separator: "\n") + "\n"
    }

    private func importLines(_ item: ScriptPlan.Import, undo: Bool) throws -> [String] {
        var out = ["$\(item.name) = Get-EcslabSaved \(Self.quoted(ScriptPlan.idsFile(item.lesson))) \(Self.quoted(item.savedAs))"]
        if let lookup = item.lookup {
            out.append("if (-not $\(item.name)) { $\(item.name) = \(try invocation(lookup)) }")
        }
        if undo {
            out.append("if ($\(item.name) -eq 'None') { $\(item.name) = $null }")
        } else {
            let missing = ScriptText.notFound(item.looksFor, lesson: item.lesson)[language]
            out.append("if (-not $\(item.name) -or $\(item.name) -eq 'None') { throw \(Self.quoted(missing)) }")
        }
        return out
    }

    func say(_ text: String) -> String { "Write-Output " + Self.quoted(text) }

    func stop(before step: String, saying text: String) -> String {
        "if ($env:ECSLAB_STOP_BEFORE -eq \(Self.quoted(step))) { Write-Output \(Self.quoted(text)); exit 0 }"
    }

    func unlessTornDown(_ step: String, saying text: String, _ body: [String]) -> [String] {
        ["if ((Test-Path $ids) -and (Get-Content $ids) -contains \(Self.quoted("torn-down=" + step))) {", "    Write-Output \(Self.quoted(text))", "} else {"]
            + body.map { "    " + $0 } + ["}"]
    }

    func tolerating(_ body: [String], saying text: String) -> [String] {
        ["try {"] + body.map { "    " + $0 } + ["} catch { Write-Warning \(Self.quoted(text)) }"]
    }

    func lines(_ item: ScriptPlan.Item) throws -> [String] {
        switch item {
        case .call(let call, let captures):
            guard !captures.isEmpty else { return [try invocation(call)] }
            var query = call
            query.query = captures.count == 1 ? captures[0].expression : "[" + captures.map { "(\($0.expression))" }.joined(separator: ", ") + "]"
            if captures.count == 1 {
                return ["$\(captures[0].name) = \(try invocation(query))", "Save-EcslabValue \(Self.quoted(captures[0].name)) $\(captures[0].name)"]
            }
            var lines = ["$ecslabAnswer = (\(try invocation(query))) -split \"`t\""]
            for (index, capture) in captures.enumerated() {
                lines += ["$\(capture.name) = $ecslabAnswer[\(index)]", "Save-EcslabValue \(Self.quoted(capture.name)) $\(capture.name)"]
            }
            return lines
        case .wait(let service, let waiter, let input), .deleteWait(let service, let waiter, let input):
            let model = try ServiceModel.named(service)
            let line = "Invoke-EcslabAws @(\(Self.quoted(model.name)), 'wait', \(Self.quoted(CLIName.kebab(waiter)))) \(Self.json(input)) $null"
            if case .deleteWait = item { return [guarded(line, uses: input)] }
            return [line]
        case .poll(let read, let what, let seconds):
            return [
                "$ecslabWaited = 0",
                "while ((\(try invocation(read))) -ne 'True') {",
                "    if ($ecslabWaited -ge $(if ($env:ECSLAB_WAIT_SECONDS) { [int]$env:ECSLAB_WAIT_SECONDS } else { \(seconds) })) { Write-Warning \(Self.quoted("ecslab: still waiting for: " + what + "; going on")); break }",
                "    Start-Sleep -Seconds 10; $ecslabWaited += 10",
                "}",
            ]
        case .base64(let name, let text):
            return ["$\(name) = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(\(Self.expanding(text))))"]
        case .delete(let call):
            return [guarded("Remove-EcslabThing @(\(words(call))) \(Self.json(call.input))", uses: call.input)]
        case .copy(let from, let to):
            let target = Self.expanding(to)
            return ["New-Item -ItemType Directory -Force -Path \(target) | Out-Null", "Copy-Item -Recurse -Path (Join-Path \(Self.quoted(from)) '*') -Destination \(target)"]
        case .start(let command, let prepare, let directory, let environment):
            var lines = environment.map { "$env:\($0.0) = \(Self.expanding($0.1))" }
            if !prepare.isEmpty {
                let failed = Self.quoted(ScriptText.prepareFailed(prepare)[language])
                lines.append("Push-Location \(Self.expanding(directory)); try { & \(prepare.map(Self.quoted).joined(separator: " ")) } catch { Write-Warning \(failed) }; Pop-Location")
            }
            let arguments = command.dropFirst().map(Self.quoted).joined(separator: ", ")
            lines.append("Start-Process -FilePath \(Self.quoted(command.first ?? "")) -ArgumentList @(\(arguments)) -WorkingDirectory \(Self.expanding(directory))")
            return lines
        case .note(let text):
            return ["Write-Output \(Self.quoted("  " + text))"]
        case .lookup(let found):
            return try importLines(found, undo: false)
        case .tornDown(let steps):
            return steps.map { "Add-Content -LiteralPath $ids -Value \(Self.quoted("torn-down=" + $0))" }
        }
    }

    private func guarded(_ line: String, uses input: JSON) -> String {
        let names = ScriptPlan.placeholders(in: input.text)
        guard !names.isEmpty else { return line }
        return "if (" + names.map { "$\($0)" }.joined(separator: " -and ") + ") { \(line) }"
    }

    private func words(_ call: ScriptPlan.Command) -> String {
        let model = (try? ServiceModel.named(call.operation.service))?.name ?? call.operation.service
        return "\(Self.quoted(model)), \(Self.quoted(CLIName.kebab(call.operation.operation)))"
    }

    private func invocation(_ call: ScriptPlan.Command) throws -> String {
        "Invoke-EcslabAws @(\(words(call))) \(Self.json(call.input)) " + (call.query.map(Self.quoted) ?? "$null")
    }

    /// The input as a double-quoted PowerShell string, with the placeholders
    /// as `$(...)` and PowerShell's own specials escaped.
    static func json(_ input: JSON) -> String { expanding(input.text) }

    static func expanding(_ text: String) -> String {
        var escaped = text.replacingOccurrences(of: "`", with: "``").replacingOccurrences(of: "$", with: "`$").replacingOccurrences(of: "\"", with: "`\"")
        for name in ScriptPlan.placeholders(in: text) {
            escaped = escaped.replacingOccurrences(of: ScriptPlan.placeholder(name), with: "$($\(name))")
        }
        return "\"\(escaped)\""
    }

    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
