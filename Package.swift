// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "modelbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "modelbook", targets: ["modelbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        // System libraries. Debian packages: libxml2-dev, libglpk-dev.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]
        ),

        // The message catalogue: every text a person reads, in Vietnamese and English.
        .target(name: "Messages"),
        // Findings and the `path:line:col: lỗi: message` printer.
        .target(name: "Diagnostics", dependencies: ["Messages"]),
        // A small, safe wrapper over libxml2: parsing, RELAX NG, source positions, writing.
        .target(name: "XMLKit", dependencies: ["CLibXML2"]),
        // Value types for everything in a manuscript folder.
        .target(name: "ManuscriptModel", dependencies: ["Diagnostics", "Messages"]),
        // Files -> values + findings; the RELAX NG schemas of the input formats.
        .target(
            name: "ManuscriptReader",
            dependencies: [
                "XMLKit", "ManuscriptModel", "Messages",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/schemas")]
        ),
        // Deterministic generator of sample manuscripts (fictional data).
        .target(
            name: "ManuscriptGenerator",
            dependencies: ["XMLKit", "Messages", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Eligibility, aggregation, reliability, ranking, exact optimisation, the round records' text.
        .target(
            name: "Selection",
            dependencies: ["ManuscriptModel", "XMLKit", "CGLPK", "Messages"]
        ),
        // Who reviews which candidates: exact, balanced, conflict-free (max flow); no I/O.
        .target(name: "Assignment", dependencies: ["ManuscriptModel", "Messages"]),
        // Book model (and its order) -> DocBook 5 and plain text.
        .target(
            name: "BookWriter",
            dependencies: ["ManuscriptModel", "XMLKit", "Messages"]
        ),
        // The static HTML audit report and CSV exports, from values.
        .target(
            name: "Audit",
            dependencies: ["ManuscriptModel", "Selection", "BookWriter", "XMLKit", "Messages"]
        ),
        // The named steps of every command: reading the manuscript, running and recording the rounds,
        // verifying the records, writing the book and the audit; the only module with file I/O
        // besides the reader, and the one that runs xsltproc and FOP.
        .target(
            name: "Pipeline",
            dependencies: [
                "ManuscriptModel", "ManuscriptReader", "Selection", "BookWriter", "Audit", "XMLKit", "Assignment", "Messages",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The review desk: a web server where reviewers score their assigned candidates and the
        // sheets are written into reviews/. Debian package: libsqlite3-dev (for GRDB).
        .target(
            name: "Desk",
            dependencies: [
                "ManuscriptModel", "ManuscriptReader", "Selection", "BookWriter", "XMLKit", "Diagnostics", "Messages",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "modelbook",
            dependencies: [
                "Pipeline", "ManuscriptGenerator", "ManuscriptReader", "Selection", "Diagnostics", "ManuscriptModel",
                "Assignment", "Desk", "Messages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "XMLKitTests", dependencies: ["XMLKit"]),
        .testTarget(name: "MessagesTests", dependencies: ["Messages", "Diagnostics"]),
        .testTarget(
            name: "ManuscriptReaderTests",
            dependencies: ["ManuscriptReader", "ManuscriptGenerator", "Diagnostics", "ManuscriptModel"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "SelectionTests", dependencies: ["Selection", "Assignment", "Pipeline", "ManuscriptModel", "ManuscriptReader", "XMLKit", "Messages"]),
        .testTarget(
            name: "BookWriterTests",
            dependencies: ["BookWriter", "Pipeline", "ManuscriptModel", "ManuscriptReader", "ManuscriptGenerator", "XMLKit"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AuditTests",
            dependencies: ["Audit", "BookWriter", "Pipeline", "Selection", "ManuscriptModel", "ManuscriptReader", "ManuscriptGenerator", "XMLKit", "Messages"]
        ),
        .testTarget(name: "CLITests", dependencies: ["ManuscriptGenerator", "Messages"]),
        .testTarget(name: "AssignmentTests", dependencies: ["Assignment", "ManuscriptModel", "Messages"]),
        .testTarget(
            name: "DeskTests",
            dependencies: [
                "Desk", "ManuscriptGenerator", "ManuscriptReader", "ManuscriptModel", "Selection", "Pipeline",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ]
)

// The libFuzzer target over the manuscript reader, built only by `make fuzz`
// (MODELBOOK_FUZZ=1, with -sanitize=fuzzer): libFuzzer supplies its `main`.
if Context.environment["MODELBOOK_FUZZ"] != nil {
    package.products.append(.executable(name: "reader-fuzzer", targets: ["ReaderFuzzer"]))
    package.targets.append(.executableTarget(name: "ReaderFuzzer", dependencies: ["ManuscriptReader"], path: "Fuzz/ReaderFuzzer"))
}
