import Terminal
import XCTest

/// The one yes/no question: the same words accepted in both languages,
/// and an empty answer or the end of input taking the default.
final class YesNoQuestionTests: XCTestCase {
    func testYesWordsInBothLanguages() {
        for word in ["y", "Y", "yes", "YES", " yes ", "是", "好", "对"] {
            XCTAssertTrue(YesNoQuestion.answer(.line(word), defaultYes: false), word)
        }
        for word in ["n", "no", "否", "不", "maybe"] {
            XCTAssertFalse(YesNoQuestion.answer(.line(word), defaultYes: true), word)
        }
    }

    func testNoAnswerTakesTheDefault() {
        XCTAssertTrue(YesNoQuestion.answer(.line(""), defaultYes: true))
        XCTAssertFalse(YesNoQuestion.answer(.line("  "), defaultYes: false))
        XCTAssertTrue(YesNoQuestion.answer(.end, defaultYes: true))
        XCTAssertFalse(YesNoQuestion.answer(.end, defaultYes: false))
    }

    func testChoicesShowTheDefault() {
        XCTAssertEqual(YesNoQuestion.choices(defaultYes: true), "[Y/n]")
        XCTAssertEqual(YesNoQuestion.choices(defaultYes: false), "[y/N]")
    }
}
