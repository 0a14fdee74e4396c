// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ecslab",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ecslab", targets: ["ecslab"]),
        .executable(name: "jmespath-bench", targets: ["JMESPathBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "JSON"),
        .target(name: "Terminal", dependencies: ["CEditLine"]),
        .target(name: "JMESPath", dependencies: ["JSON"]),
        .target(name: "AWS", dependencies: ["JSON", "JMESPath", "CCurl", "COpenSSL"]),
        .target(name: "Course", dependencies: ["JSON", "JMESPath", "AWS", "Terminal", "Yams"]),
        .target(name: "Sandbox", dependencies: ["AWS", "Course", "JSON", "JMESPath"]),
        .target(
            name: "Tutor",
            dependencies: [
                "AWS", "Course", "JSON", "JMESPath", "Sandbox", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ecslab",
            dependencies: [
                "Course", "JMESPath", "JSON", "Sandbox", "Terminal", "Tutor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "JMESPathBenchmark", dependencies: ["JSON", "JMESPath"], path: "Sources/Benchmarks/JMESPathBenchmark"),
        .target(name: "TestSupport", dependencies: ["AWS", "Course", "JSON"], path: "Tests/TestSupport"),
        .testTarget(name: "JSONTests", dependencies: ["JSON", "TestSupport"]),
        .testTarget(name: "JMESPathTests", dependencies: ["JMESPath", "JSON", "TestSupport"]),
        .testTarget(name: "AWSTests", dependencies: ["AWS", "JSON", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CourseTests", dependencies: ["Course", "JSON", "TestSupport"], exclude: ["Fixtures", "Snapshots"]),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox", "AWS", "Course", "JSON", "TestSupport"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(name: "TutorTests", dependencies: ["Tutor", "Terminal", "Course", "AWS", "JSON", "TestSupport"], exclude: ["Transcripts"]),
        // The built ecslab, driven as a person does: its commands, and the tutor at a terminal (tmux).
        .testTarget(name: "EndToEndTests", dependencies: ["AWS", "Course", "JSON", "Sandbox", "TestSupport"], exclude: ["Snapshots", "HandBuiltLabs/builders", "ClassGrading/builders", "Cleanup/builders", "Faults/builders", "Script/builders"]),
    ],
    swiftLanguageModes: [.v6]
)
