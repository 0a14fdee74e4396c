import ArgumentParser
import Course
import Terminal
import Tutor

/// `ecslab draw network|cluster`: the learner's network or clusters drawn
/// from what AWS returns, mistakes marked. Exit 1 when the drawing shows one.
struct DrawCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw", abstract: "Draw your course network or clusters from what AWS returns, with mistakes marked.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "network or cluster.")
    var subject: AccountDrawing.Subject

    @Flag(help: "Plain ASCII instead of box-drawing characters (also the default outside a UTF-8 locale).")
    var ascii = false

    func run() async throws {
        try await reportingFailures(in: options.spokenLanguage) {
            let workspace = try await Workspace.open(try options.workspace())
            let (glyphs, colors) = AccountDrawing.style(ascii: ascii)
            let drawn = try await AccountDrawing.draw(subject, in: workspace, glyphs: glyphs, colors: colors)
            Console.standard.write(drawn.text)
            if drawn.flawed { throw ExitCode(1) }
        }
    }
}

extension AccountDrawing.Subject: ExpressibleByArgument {}
