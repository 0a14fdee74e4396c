/// The shells a lesson's script is written for.
public enum ScriptShell: String, Sendable, CaseIterable {
    case bash
    case powershell
}
