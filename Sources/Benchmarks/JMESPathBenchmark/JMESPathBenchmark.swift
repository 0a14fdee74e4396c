import Foundation
import JMESPath
import JSON

/// Times the compliance suite's benchmark cases with this JMESPath and prints
/// one line per case: kind, name and nanoseconds per operation, tab-separated,
/// for `scripts/bench/jmespath` to set beside Python's.
@main
struct JMESPathBenchmark {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let path = arguments.first else {
            FileHandle.standardError.write(Data("usage: jmespath-bench BENCHMARKS.json\n".utf8))
            exit(2)
        }
        do {
            let cases = try BenchmarkCase.load(from: URL(fileURLWithPath: path))
            let timer = OperationTimer()
            var checksum = 0
            for benchmark in cases {
                let (nanoseconds, sum) = try measure(benchmark, with: timer)
                checksum &+= sum
                print("\(benchmark.kind.rawValue)\t\(benchmark.name)\t\(String(format: "%.1f", nanoseconds))")
            }
            // Printing what the runs computed keeps the optimizer from dropping them.
            FileHandle.standardError.write(Data("checksum \(checksum)\n".utf8))
        } catch {
            FileHandle.standardError.write(Data("jmespath-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    private static func measure(_ benchmark: BenchmarkCase, with timer: OperationTimer) throws -> (Double, Int) {
        let text = benchmark.expression
        let given = benchmark.given
        switch benchmark.kind {
        case .parse:
            return try timer.measure { try JMESPathExpression(text).text.utf8.count }
        case .interpret:
            let compiled = try JMESPathExpression(text)
            return try timer.measure { try compiled.evaluate(given).isNull ? 0 : 1 }
        case .full:
            return try timer.measure { try JMESPathExpression(text).evaluate(given).isNull ? 0 : 1 }
        }
    }
}
