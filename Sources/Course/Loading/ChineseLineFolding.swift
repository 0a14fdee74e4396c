/// YAML folds a text's line breaks into spaces (`>`), which is right for
/// English and wrong for Chinese: "子网、\n一个" reads "子网、 一个". A space
/// between two wide characters is such a fold, and goes; Chinese puts none there.
enum ChineseLineFolding {
    static func unfolded(_ text: String) -> String {
        let characters = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in characters.enumerated() {
            if scalar == " ", index > 0, index + 1 < characters.count,
                DisplayWidth.isWide(characters[index - 1]), DisplayWidth.isWide(characters[index + 1])
            {
                continue
            }
            result.append(scalar)
        }
        return String(result)
    }
}
