import Foundation

/// An HTML page where an AWS answer was expected, told by its title (or its
/// first heading): a web server, a captive portal or a proxy's error page.
struct WebPageSummary: Sendable, Equatable {
    /// The page's own name for itself, when it gives one.
    var title: String?

    /// Nil when the body is no web page.
    init?(_ body: [UInt8], contentType: String?) {
        let text = String(decoding: body.prefix(8192), as: UTF8.self)
        let start = text.drop { $0.isWhitespace }.prefix(14).lowercased()
        let declaredHTML = contentType?.lowercased().contains("text/html") ?? false
        guard declaredHTML || start.hasPrefix("<!doctype html") || start.hasPrefix("<html") else { return nil }
        title = Self.element("title", in: text) ?? Self.element("h1", in: text)
    }

    var sentence: String {
        let page = title.map { "a web page (\"\($0)\")" } ?? "a web page"
        return "The endpoint answered with \(page), not as AWS does; check that the endpoint URL is an AWS service's"
    }

    /// The text inside the first `<name ...>...</name>`, tags dropped and
    /// spaces collapsed, cut to a short line.
    private static func element(_ name: String, in text: String) -> String? {
        guard let open = text.range(of: "<\(name)", options: .caseInsensitive),
            let openEnd = text[open.upperBound...].firstIndex(of: ">"),
            let close = text[openEnd...].range(of: "</\(name)", options: .caseInsensitive)
        else { return nil }
        let inner = text[text.index(after: openEnd)..<close.lowerBound]
        var plain = ""
        var inTag = false
        for character in inner {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { plain.append(character) }
        }
        let words = plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let decoded = [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")]
            .reduce(words) { text, entity in text.replacingOccurrences(of: entity.0, with: entity.1) }
        guard !decoded.isEmpty else { return nil }
        return decoded.count > 80 ? String(decoded.prefix(80)) + "…" : decoded
    }
}
