import Foundation

/// On-demand prices in US dollars, per region, from the course's
/// `prices.yaml`: the one place a cost comes from. Lessons name prices by
/// item (`nat_gateway_hour`) with quantities, and their texts show them as
/// `${price.nat_gateway_hour}`, so a price changes in one line.
public struct PriceList: Sendable, Equatable {
    /// Where the prices come from, and the date they were checked, as the file says.
    public var source: String
    public var checked: String
    /// In file order; the first is what any region the file lacks is priced as.
    public var regions: [String]
    private var table: [String: [String: Double]]

    /// How many hours a month has, for items priced by the month (`*_month`).
    public static let hoursPerMonth = 730.0
    /// The lesson name a text uses for prices: `${price.nat_gateway_hour}`.
    public static let referenceName = "price"

    public init(source: String, checked: String, regions: [(name: String, items: [String: Double])]) {
        self.source = source
        self.checked = checked
        self.regions = regions.map(\.name)
        self.table = Dictionary(regions.map { ($0.name, $0.items) }, uniquingKeysWith: { first, _ in first })
    }

    public static let empty = PriceList(source: "", checked: "", regions: [])

    public var items: Set<String> {
        Set(table.values.flatMap(\.keys))
    }

    /// The region whose prices apply: `region` itself, or the file's first.
    public func pricedRegion(_ region: String) -> String? {
        table[region] != nil ? region : regions.first
    }

    public func usd(_ item: String, region: String) -> Double? {
        pricedRegion(region).flatMap { table[$0]?[item] }
    }

    /// What `quantities` of items cost by the hour; items by the month count
    /// a 730-hour month. Nil when an item is unknown.
    public func usdPerHour(_ quantities: [String: Double], region: String) -> Double? {
        var total = 0.0
        for (item, quantity) in quantities {
            guard let price = usd(item, region: region) else { return nil }
            total += price * quantity / (item.hasSuffix("_month") ? PriceList.hoursPerMonth : 1)
        }
        return total
    }

    /// Every price of `region` as a person reads it (`$0.062`), for `${price.…}` in texts.
    public func shown(region: String) -> [String: String] {
        guard let priced = pricedRegion(region), let items = table[priced] else { return [:] }
        return items.mapValues(PriceList.dollars)
    }

    /// Dollars with as many decimals as small prices need: $0.0152, $0.062, $0.10.
    public static func dollars(_ usd: Double) -> String {
        if usd == 0 { return "$0" }
        if usd < 0.001 { return "$" + String(format: "%.6f", usd).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression) }
        if usd < 0.1 { return "$" + String(format: "%.4f", usd).replacingOccurrences(of: #"(\.\d\d\d?)0+$"#, with: "$1", options: .regularExpression) }
        return "$" + String(format: "%.2f", usd)
    }
}
