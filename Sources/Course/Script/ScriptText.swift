/// What a lesson's script says to the learner, in both languages: one table
/// for the bash and the PowerShell writers.
enum ScriptText {
    static func stoppedBefore(_ step: String) -> LocalizedText {
        LocalizedText(zh: "在 \(step) 之前停下（ECSLAB_STOP_BEFORE）。", en: "Stopped before \(step) (ECSLAB_STOP_BEFORE).")
    }

    static let deletedByTheLesson = LocalizedText(
        zh: "  课程自己的删除步骤已经删除了它们", en: "  the lesson's own teardown step deleted these already")

    static func stepNotFinished(needing tools: [String]) -> LocalizedText {
        let tools = tools.joined(separator: ", ")
        return LocalizedText(zh: "ecslab: 这一步没有完成（它需要 \(tools)）；继续", en: "ecslab: this step did not finish (it needs \(tools)); going on")
    }

    static func notFound(_ looksFor: String, lesson: String) -> LocalizedText {
        LocalizedText(zh: "ecslab: 找不到\(looksFor)；先完成课程 \(lesson)", en: "ecslab: found no \(looksFor); do lesson \(lesson) first")
    }

    static func prepareFailed(_ command: [String]) -> LocalizedText {
        let command = command.joined(separator: " ")
        return LocalizedText(zh: "  \(command) 失败；继续", en: "  \(command) failed; going on")
    }

    static func settings(_ lesson: String) -> LocalizedText {
        LocalizedText(
            zh: "本课的设置：可以在这里改，或用 ecslab script \(lesson) --set 名称=值。",
            en: "The lesson's settings: change them here, or with ecslab script \(lesson) --set name=value.")
    }

    static let started = LocalizedText(zh: "  已在后台启动；日志在 ecslab-app.log", en: "  started in the background; its log is ecslab-app.log")

    static func finished(_ lesson: String, undo: Bool) -> LocalizedText {
        undo ? LocalizedText(zh: "删除完成。", en: "Teardown done.")
            : LocalizedText(zh: "完成：ecslab check \(lesson) 检查结果。", en: "Done: ecslab check \(lesson) checks it.")
    }
}
