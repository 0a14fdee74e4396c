/// The version of ecslab, in `--version` and in every report it writes.
public enum ECSLabVersion {
    public static let current = "0.1.0"
}
