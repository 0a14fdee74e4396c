import AWS
import Course
import XCTest

/// Failures a learner meets are said in both languages, the English being
/// the error's own description.
final class LocalizedFailureTests: XCTestCase {
    func testNetworkFailuresSpeakBothLanguages() {
        let refused = AWSTransportError(kind: .connectionRefused, host: "127.0.0.1:5000")
        XCTAssertEqual(refused.localizedMessage.en, refused.description)
        XCTAssertEqual(refused.localizedMessage.zh, "无法连接 127.0.0.1:5000：连接被拒绝（服务器在运行吗？）。")
        let tls = AWSTransportError(kind: .tls, host: "ecs.ap-northeast-1.amazonaws.com", detail: "certificate expired\n")
        XCTAssertEqual(tls.localizedMessage.zh, "与 ecs.ap-northeast-1.amazonaws.com 的 TLS 连接失败：certificate expired。")
    }

    func testTemplateFailuresSpeakBothLanguages() {
        let undefined = TemplateError.undefined(VariableReference(name: "vpc_id"))
        XCTAssertEqual(undefined.localizedMessage, LocalizedText(zh: "${vpc_id} 还没有值", en: "${vpc_id} has no value yet"))
        XCTAssertEqual(undefined.description, "${vpc_id} has no value yet")
    }
}
