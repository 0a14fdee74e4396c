import Foundation
import TestSupport
import XCTest

/// Lesson 6's app as a learner writes it by hand (not the course's copy):
/// Express 5, Bootstrap's CSS kept in public/, a Dockerfile, running with
/// node on a free port of loopback.
struct HandWrittenApp {
    let folder: URL
    let port: Int
    let process: Process

    static let files = [
        "package.json": #"{"name": "my-web", "version": "1.0.0", "scripts": {"start": "node app.js"}, "dependencies": {"express": "^5.1.0"}}"#,
        "app.js": """
            const express = require('express');
            const os = require('os');
            const app = express();
            app.use(express.static('public'));
            app.get('/api/ip', (req, res) => {
              const ip = Object.values(os.networkInterfaces()).flat().find((a) => a.family === 'IPv4' && !a.internal);
              res.json({ ip: ip ? ip.address : '127.0.0.1' });
            });
            const port = process.env.PORT || 3000;
            app.listen(port, () => console.log(`listening on port ${port}`));
            """,
        "public/index.html": #"<!doctype html><html><head><link rel="stylesheet" href="css/bootstrap.min.css"></head><body><h1 class="display-4">Hello</h1></body></html>"#,
        "public/css/bootstrap.min.css": "/*! Bootstrap  v5.3.3 (https://getbootstrap.com/) */",
        "Dockerfile": "FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nEXPOSE 3000\nCMD [\"node\", \"app.js\"]\n",
    ]

    static func start() throws -> HandWrittenApp {
        try TestEnvironment.need("node with Express (node-express)", FileManager.default.fileExists(atPath: "/usr/share/nodejs/express"))
        let folder = try TestEnvironment.temporaryFolder("ecslab-hand-written-app")
        for (path, text) in files {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let port = Int.random(in: 41000...48000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", "app.js"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["PORT"] = String(port)
        environment["NODE_PATH"] = "/usr/share/nodejs"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let app = HandWrittenApp(folder: folder, port: port, process: process)
        // Up to ten seconds for node to listen.
        for _ in 0..<100 {
            if answers(port) { return app }
            Thread.sleep(forTimeInterval: 0.1)
        }
        app.stop()
        throw NotStarted(port: port)
    }

    /// Whether something listens on the port: bash's /dev/tcp, since
    /// Foundation here reads no http: URLs.
    private static func answers(_ port: Int) -> Bool {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/bin/bash")
        probe.arguments = ["-c", "exec 3<>/dev/tcp/127.0.0.1/\(port)"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    struct NotStarted: Error, CustomStringConvertible {
        var port: Int
        var description: String { "the hand-written app did not answer on port \(port) within ten seconds" }
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}
