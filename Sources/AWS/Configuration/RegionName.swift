/// The shape of an AWS region's name (`ap-northeast-1`, `us-gov-west-1`):
/// a typo in a roster or `--regions` is refused before any call is made.
public enum RegionName {
    public static func isWellFormed(_ text: String) -> Bool {
        text.wholeMatch(of: /[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]+/) != nil
    }
}
