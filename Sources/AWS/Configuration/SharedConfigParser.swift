/// Reads the INI dialect of the shared config files line by line, as the
/// AWS SDKs specify it: `#` and `;` comments, `[section]` headers, `key = value`
/// settings, indented continuation lines and indented sub-settings.
struct SharedConfigParser {
    let kind: SharedConfigFile.Kind
    let displayPath: String

    /// Where settings go while reading: a profile, a services section, or
    /// nowhere (sections the SDKs ignore, such as `[sso-session x]`).
    private enum Target: Equatable {
        case profile(String, spelledWithPrefix: Bool)
        case services(String)
        case ignored
    }

    private struct OpenSetting {
        var key: String
        var hasSubSettings: Bool
    }

    func parse(_ text: String) throws(AWSConfigurationError) -> SharedConfigFile {
        var file = SharedConfigFile(kind: kind)
        // `[profile default]` beats `[default]` in the config file, whichever comes first.
        var plainDefault: ConfigSection?
        var prefixedDefault: ConfigSection?
        var target: Target?
        var section = ConfigSection()
        var open: OpenSetting?

        func flush() {
            guard let target else { return }
            switch target {
            case .profile("default", spelledWithPrefix: false) where kind == .config:
                plainDefault = (plainDefault ?? ConfigSection()).overlaid(with: section)
            case .profile("default", spelledWithPrefix: true):
                prefixedDefault = (prefixedDefault ?? ConfigSection()).overlaid(with: section)
            case .profile(let name, _):
                file.profiles[name] = (file.profiles[name] ?? ConfigSection()).overlaid(with: section)
            case .services(let name):
                file.services[name] = (file.services[name] ?? ConfigSection()).overlaid(with: section)
            case .ignored:
                break
            }
        }

        // `\r\n` is one Character in Swift, and a newline, so Windows files split correctly too.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            let trimmed = line.trimmingBlanks()
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }

            if trimmed.hasPrefix("[") {
                flush()
                section = ConfigSection()
                open = nil
                target = try sectionTarget(header: trimmed, line: number)
                continue
            }

            if line.first == " " || line.first == "\t" {
                guard let current = open else {
                    throw malformed(number, "an indented line that continues no setting")
                }
                if current.hasSubSettings {
                    let (key, value) = try setting(from: trimmed, line: number)
                    section.subSettings[current.key, default: [:]][key] = value
                } else {
                    // In place: copying the value at every line made a long continuation quadratic.
                    section.settings[current.key, default: ""] += "\n" + trimmed
                }
                continue
            }

            let (key, value) = try setting(from: trimmed, line: number)
            if target == nil {
                // Settings before any section belong to no profile; the SDKs skip them.
                open = nil
                continue
            }
            section.settings[key] = value
            open = OpenSetting(key: key, hasSubSettings: value.isEmpty)
        }
        flush()

        if let chosen = prefixedDefault ?? plainDefault {
            file.profiles["default"] = chosen
        }
        return file
    }

    private func sectionTarget(header: Substring, line: Int) throws(AWSConfigurationError) -> Target {
        guard let close = header.firstIndex(of: "]") else {
            throw malformed(line, "a section header without its closing ]")
        }
        let afterClose = header[header.index(after: close)...].trimmingBlanks()
        if !afterClose.isEmpty, !afterClose.hasPrefix("#"), !afterClose.hasPrefix(";") {
            throw malformed(line, "text after a section header's closing ]")
        }
        let name = header[header.index(after: header.startIndex)..<close].trimmingBlanks()
        if name.isEmpty { throw malformed(line, "an empty section name") }

        if kind == .credentials { return .profile(String(name), spelledWithPrefix: false) }
        if name == "default" { return .profile("default", spelledWithPrefix: false) }
        let words = name.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 2 else { return .ignored }
        switch words[0] {
        case "profile": return .profile(String(words[1]), spelledWithPrefix: true)
        case "services": return .services(String(words[1]))
        default: return .ignored
        }
    }

    private func setting(from text: Substring, line: Int) throws(AWSConfigurationError) -> (String, String) {
        guard let equals = text.firstIndex(of: "=") else {
            throw malformed(line, "a line that is neither a [section] nor a key = value setting")
        }
        let key = text[..<equals].trimmingBlanks().lowercased()
        if key.isEmpty { throw malformed(line, "a setting without a name") }
        let value = Self.removingComment(text[text.index(after: equals)...]).trimmingBlanks()
        return (key, String(value))
    }

    /// A value's comment starts at `#` or `;` after white space, so that URLs
    /// and secrets that contain those characters survive.
    static func removingComment(_ value: Substring) -> Substring {
        // The character before the value is the `=` itself, which does not start a comment.
        var previous: Character = "="
        var index = value.startIndex
        while index < value.endIndex {
            let character = value[index]
            if (character == "#" || character == ";") && (previous == " " || previous == "\t") {
                return value[..<index]
            }
            previous = character
            index = value.index(after: index)
        }
        return value
    }

    private func malformed(_ line: Int, _ problem: String) -> AWSConfigurationError {
        .malformedFile(path: displayPath, line: line, problem: problem)
    }
}

fileprivate extension Substring {
    func trimmingBlanks() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" || first == "\r" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return text
    }
}
