/// What differs between the shells a lesson's script is written in. The
/// steps' blocks are laid out once, here; each writer supplies the words.
protocol ScriptSyntax {
    var language: Language { get }
    /// A line that prints `text`.
    func say(_ text: String) -> String
    /// A line that ends the script before `step` when ECSLAB_STOP_BEFORE names it.
    func stop(before step: String, saying text: String) -> String
    /// `body`, passed over when the ids file says the lesson's own teardown step deleted `step`'s resources.
    func unlessTornDown(_ step: String, saying text: String, _ body: [String]) -> [String]
    /// `body`, whose failure is said and does not stop the script.
    func tolerating(_ body: [String], saying text: String) -> [String]
    func lines(_ item: ScriptPlan.Item) throws -> [String]
}

extension ScriptSyntax {
    func blocks(of plan: ScriptPlan) throws -> [String] {
        var out: [String] = []
        for block in plan.blocks {
            out += ["", "# == \(block.title)"]
            out += block.comment.map { $0.isEmpty ? "#" : "# " + $0 }
            if let costly = block.costly { out.append("# $ " + costly) }
            if !plan.undo { out.append(stop(before: block.step, saying: ScriptText.stoppedBefore(block.step)[language])) }
            out.append(say("== " + block.title))
            var body = try block.items.flatMap { try lines($0) }
            if let step = block.unlessTornDown { body = unlessTornDown(step, saying: ScriptText.deletedByTheLesson[language], body) }
            out += block.needs.isEmpty ? body : tolerating(body, saying: ScriptText.stepNotFinished(needing: block.needs)[language])
        }
        out += ["", say(ScriptText.finished(plan.lesson, undo: plan.undo)[language])]
        return out
    }
}
