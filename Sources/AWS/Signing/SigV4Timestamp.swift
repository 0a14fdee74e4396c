import Foundation

/// The two spellings of the signing time that SigV4 uses: `20150830T123600Z`
/// in `X-Amz-Date` and the string to sign, `20150830` in the credential scope.
struct SigV4Timestamp: Sendable, Equatable {
    let amzDate: String
    let dateStamp: String

    init(_ date: Date) {
        // A fixed Gregorian calendar in UTC: the user's locale and time zone must not leak in.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        dateStamp = pad(parts.year, 4) + pad(parts.month, 2) + pad(parts.day, 2)
        amzDate = dateStamp + "T" + pad(parts.hour, 2) + pad(parts.minute, 2) + pad(parts.second, 2) + "Z"
    }
}
