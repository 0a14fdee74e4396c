import AWS
import Foundation

/// What a learner reads when the network fails, in their language. The AWS
/// module keeps its English sentences; the course adds the Chinese ones.
extension AWSTransportError: LocalizedFailure {
    public var localizedMessage: LocalizedText {
        LocalizedText(zh: chinese, en: description)
    }

    private var chinese: String {
        let trimmed = detail.trimmingCharacters(in: .whitespacesAndNewlines)
        let suffix = trimmed.isEmpty ? "" : "：" + trimmed.split(whereSeparator: \.isNewline).joined(separator: " ")
        switch kind {
        case .insecureEndpoint:
            return "拒绝通过明文 http:// 向 \(host) 发送请求：只有本机地址（127.0.0.0/8、::1、localhost）可以用 http，请改用 https:// 端点。"
        case .invalidURL: return "\(host) 的端点 URL 无效\(suffix)。"
        case .hostNotFound: return "无法解析主机名 \(host)；请检查端点以及网络或 DNS 设置。"
        case .proxyNotFound: return "无法解析 \(host) 的代理主机；请检查 HTTPS_PROXY 和 HTTP_PROXY。"
        case .connectionRefused: return "无法连接 \(host)：连接被拒绝（服务器在运行吗？）。"
        case .connectTimeout: return "在连接超时之前没能连上 \(host)。"
        case .timeout: return "发往 \(host) 的请求在超时之前没有完成。"
        case .connectionReset: return "与 \(host) 的连接在响应完整之前就被关闭了。"
        case .tls: return "与 \(host) 的 TLS 连接失败\(suffix)。"
        case .other: return "发往 \(host) 的请求失败\(suffix)。"
        }
    }
}
