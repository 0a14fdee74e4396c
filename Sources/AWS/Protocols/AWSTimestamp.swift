import Foundation
import JSON

/// A point in time given by a caller, normalised to UTC the way botocore's
/// `parse_to_aware_datetime` does, and written in each protocol's format.
public struct AWSTimestamp: Sendable, Equatable {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int
    /// Microseconds within the second, 0..<1_000_000 (Python's datetime precision).
    public var microseconds: Int

    public init(seconds: Int, microseconds: Int = 0) {
        self.seconds = seconds
        self.microseconds = microseconds
    }

    /// Reads an epoch number, an epoch string or an ISO 8601 date/time
    /// (`2026-11-27`, `2026-11-27T09:32:05Z`, `...05.123+09:00`); `nil` otherwise.
    public init?(_ value: JSON) {
        switch value {
        case .integer(let seconds): self.init(seconds: seconds)
        case .double(let epoch): self.init(epoch: epoch)
        case .string(let text):
            if let epoch = Double(text.trimmingCharacters(in: .whitespaces)) {
                self.init(epoch: epoch)
            } else if let parsed = Self.parseISO8601(text) {
                self = parsed
            } else {
                return nil
            }
        default: return nil
        }
    }

    init?(epoch: Double) {
        guard epoch.isFinite else { return nil }
        let whole = epoch.rounded(.down)
        guard let seconds = Int(exactly: whole) else { return nil }
        self.init(seconds: seconds, microseconds: Int(((epoch - whole) * 1_000_000).rounded()) % 1_000_000)
    }

    /// The same moment as a `Date`.
    public var date: Date {
        Date(timeIntervalSince1970: Double(seconds) + Double(microseconds) / 1_000_000)
    }

    /// Writes the timestamp as `format` names it: `iso8601`, `unixTimestamp` or `rfc822`.
    public func formatted(_ format: String) -> JSON {
        switch format.lowercased() {
        case "unixtimestamp": return .integer(seconds)
        case "rfc822": return .string(rfc822)
        default: return .string(iso8601)
        }
    }

    /// `2026-11-27T09:32:05Z`, or with six fraction digits when there is a fraction.
    public var iso8601: String {
        let (date, time) = civil
        var text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", date.year, date.month, date.day, time.hour, time.minute, time.second)
        if microseconds > 0 { text += String(format: ".%06d", microseconds) }
        return text + "Z"
    }

    /// `Fri, 27 Nov 2026 09:32:05 GMT`.
    public var rfc822: String {
        let (date, time) = civil
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let weekday = weekdays[((days % 7) + 7) % 7]
        return String(format: "%@, %02d %@ %04d %02d:%02d:%02d GMT", weekday, date.day, months[date.month - 1], date.year, time.hour, time.minute, time.second)
    }

    private var civil: (date: (year: Int, month: Int, day: Int), time: (hour: Int, minute: Int, second: Int)) {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        return (Self.civilDate(fromDays: days), (secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60))
    }

    // Howard Hinnant's days-from-civil and its inverse: exact for the proleptic
    // Gregorian calendar, without Foundation's calendars or time zones.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilDate(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func parseISO8601(_ text: String) -> AWSTimestamp? {
        let bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        var position = 0
        func number(_ digits: Int) -> Int? {
            guard position + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<position + digits] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            position += digits
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }
        guard let year = number(4), skip(UInt8(ascii: "-")), let month = number(2), skip(UInt8(ascii: "-")),
            let day = number(2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0, micro = 0, offset = 0
        if position < bytes.count, bytes[position] == UInt8(ascii: "T") || bytes[position] == UInt8(ascii: " ") {
            position += 1
            guard let h = number(2), skip(UInt8(ascii: ":")), let m = number(2) else { return nil }
            hour = h
            minute = m
            if skip(UInt8(ascii: ":")) {
                guard let s = number(2) else { return nil }
                second = s
                if skip(UInt8(ascii: ".")) || skip(UInt8(ascii: ",")) {
                    var digits = 0
                    var fraction = 0
                    while position < bytes.count, (48...57).contains(bytes[position]) {
                        if digits < 6 {
                            fraction = fraction * 10 + Int(bytes[position] - 48)
                            digits += 1
                        }
                        position += 1
                    }
                    guard digits > 0 else { return nil }
                    for _ in digits..<6 { fraction *= 10 }
                    micro = fraction
                }
            }
            if skip(UInt8(ascii: "Z")) || skip(UInt8(ascii: "z")) {
                offset = 0
            } else if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                let sign = bytes[position] == UInt8(ascii: "-") ? -1 : 1
                position += 1
                guard let oh = number(2) else { return nil }
                _ = skip(UInt8(ascii: ":"))
                let om = number(2) ?? 0
                offset = sign * (oh * 3600 + om * 60)
            }
        }
        guard position == bytes.count, hour < 24, minute < 60, second < 61 else { return nil }
        let seconds = days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return AWSTimestamp(seconds: seconds, microseconds: micro)
    }
}
