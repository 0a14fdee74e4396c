/// The `aws` CLI's names for services and operations: botocore's
/// `xform_name(name, "-")`, e.g. `DescribeDBInstances` -> `describe-db-instances`.
public enum CLIName {
    public static func kebab(_ name: String) -> String {
        if name.contains("-") { return name.lowercased() }
        let characters = Array(name)
        var result = ""
        for (index, character) in characters.enumerated() {
            if index > 0 && character.isUppercase {
                let previous = characters[index - 1]
                let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
                // A new word starts at a capital after a lower-case letter or
                // digit, or at the last capital of an acronym ("DBInstances").
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && (next?.isLowercase ?? false)) {
                    result.append("-")
                }
            }
            result.append(contentsOf: character.lowercased())
        }
        return result
    }
}
