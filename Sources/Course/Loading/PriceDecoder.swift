/// Decodes `prices.yaml`: `source`, `checked`, and `regions:` of item → USD.
struct PriceDecoder {
    var diagnostics: [Diagnostic] = []

    mutating func decode(_ node: SourceNode) -> PriceList? {
        var reader = MappingReader(node, what: "the price file", diagnostics: &diagnostics)
        let source = reader.string("source")
        let checked = reader.string("checked")
        let regionsNode = reader.required("regions")
        reader.finish(into: &diagnostics)
        guard let source, let checked, let regionsNode else { return nil }
        guard let pairs = regionsNode.mapping else {
            diagnostics.append(Diagnostic(at: regionsNode.location, "'regions' must map each region to its prices, not be \(regionsNode.kindName)"))
            return nil
        }
        var regions: [(name: String, items: [String: Double])] = []
        for (key, value) in pairs {
            guard let region = key.scalar, let items = value.mapping else {
                diagnostics.append(Diagnostic(at: value.location, "each region maps item names to prices in US dollars"))
                continue
            }
            var prices: [String: Double] = [:]
            for (item, price) in items {
                guard let name = item.scalar, let text = price.scalar, let usd = Double(text), usd.isFinite, usd >= 0 else {
                    diagnostics.append(Diagnostic(at: price.location, "a price is a number of US dollars, 0 or more"))
                    continue
                }
                prices[name] = usd
            }
            regions.append((region, prices))
        }
        return PriceList(source: source, checked: checked, regions: regions)
    }
}
