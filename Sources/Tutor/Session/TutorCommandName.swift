import Course

/// The commands the tutor understands, with their usage and help in both
/// languages (each case must give both).
public enum TutorCommandName: String, CaseIterable, Sendable {
    case help, lessons, start, prepare, show, next, back
    case `do`
    case check, draw, script, hint, quiz, status, cleanup, call, lang, set, reset, quit

    /// `exit` is what many people type to leave.
    public init?(word: String) {
        if word == "exit" {
            self = .quit
            return
        }
        // What a failure suggests for the command line works here too.
        if word == "--set" {
            self = .set
            return
        }
        self.init(rawValue: word)
    }

    public var usage: String {
        switch self {
        case .help: return "help [COMMAND]"
        case .lessons: return "lessons"
        case .start: return "start LESSON"
        case .prepare: return "prepare"
        case .show: return "show [STEP]"
        case .next: return "next"
        case .back: return "back"
        case .do: return "do [STEP] [--use-existing]"
        case .check: return "check [all|LESSON]"
        case .draw: return "draw network|cluster"
        case .script: return "script [LESSON] [--undo]"
        case .hint: return "hint"
        case .quiz: return "quiz [CHOICE]"
        case .status: return "status"
        case .cleanup: return "cleanup [LESSON|all]"
        case .call: return "call SERVICE OPERATION [JSON]"
        case .lang: return "lang zh|en"
        case .set: return "set [NAME=VALUE]"
        case .reset: return "reset"
        case .quit: return "quit"
        }
    }

    public var help: LocalizedText {
        switch self {
        case .help: return LocalizedText(zh: "显示帮助", en: "show help")
        case .lessons: return LocalizedText(zh: "列出所有课程和你的进度", en: "every lesson with your progress")
        case .start: return LocalizedText(zh: "开始（或回到）一课", en: "start (or go back to) a lesson")
        case .prepare: return LocalizedText(zh: "让导师完成这一课所依赖的前几课，产生费用前先询问", en: "have the tutor do the earlier lessons this one builds on, asking before anything costs money")
        case .show: return LocalizedText(zh: "显示当前步骤：说明、控制台做法和 aws 命令", en: "show the current step: what, how in the console, and the aws commands")
        case .next: return LocalizedText(zh: "进入下一步", en: "go to the next step")
        case .back: return LocalizedText(zh: "回到上一步", en: "go back a step")
        case .do: return LocalizedText(zh: "让导师完成当前步骤，显示每条等价的 aws 命令，产生费用前先询问", en: "let the tutor perform the step, showing each aws command and asking before anything costs money")
        case .check: return LocalizedText(zh: "检查当前步骤（或整课），列出 ✓/✗、期望值和实际值", en: "check the step (or the lesson): a ✓/✗ list with expected and found")
        case .script: return LocalizedText(zh: "把这一课存成可以用 aws CLI 运行的脚本（--undo：删除脚本）", en: "save the lesson as a script for the aws CLI (--undo: its teardown)")
        case .draw: return LocalizedText(zh: "按 AWS 的实际情况画出你的网络或集群，标出错误", en: "draw your network or clusters as AWS has them, mistakes marked")
        case .hint: return LocalizedText(zh: "分级提示，每次使用都会记录", en: "hints in tiers; each use is recorded")
        case .quiz: return LocalizedText(zh: "回答测验步骤", en: "answer a quiz step")
        case .status: return LocalizedText(zh: "账户、区域、端点、沙箱或真实账户、正在运行的资源及每小时费用", en: "account, region, endpoint, sandbox or real, what runs now and its cost per hour")
        case .cleanup: return LocalizedText(zh: "删除导师创建的资源", en: "tear down what the tutor created")
        case .call: return LocalizedText(zh: "直接调用 AWS API，输出与 aws 命令相同", en: "a raw AWS call, printed as the aws CLI prints it")
        case .lang: return LocalizedText(zh: "切换语言", en: "switch language")
        case .set: return LocalizedText(zh: "用你自己取的名称代替课程的默认名称（例如 set vpc_name=my-vpc）；不带参数时列出你改过的名称", en: "use a name you chose instead of the lesson's default (set vpc_name=my-vpc); alone, list the names you changed")
        case .reset: return LocalizedText(zh: "忘记学习进度", en: "forget your progress")
        case .quit: return LocalizedText(zh: "离开（会先询问是否删除产生费用的资源）", en: "leave (asks to tear down what costs money)")
        }
    }
}
