// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "smsplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "smsplan", targets: ["smsplan"]),
        .library(name: "SMSPlanKit", targets: ["SMSPlanKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Tests only: generated front matter for the editor's property-based test.
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .target(name: "GitKit", dependencies: ["CLibGit2"]),
        .target(
            name: "SMSPlanKit",
            dependencies: ["GitKit", .product(name: "Yams", package: "Yams")],
            resources: [
                .embedInCode("Resources/iso20000-1-2011.yaml"),
                .embedInCode("Resources/iso20000-1-2018.yaml"),
                .embedInCode("Resources/OutputSchemas/output-check.schema.json"),
                .embedInCode("Resources/OutputSchemas/output-status.schema.json"),
                .embedInCode("Resources/OutputSchemas/output-coverage.schema.json"),
                .embedInCode("Resources/OutputSchemas/output-register.schema.json"),
                .embedInCode("Resources/OutputSchemas/output-review.schema.json"),
                .embedInCode("Resources/OutputSchemas/output-baseline-list.schema.json"),
                .embedInCode("Resources/OutputSchemas/output-baseline-verify.schema.json"),
                .embedInCode("Resources/OutputSchemas/output-baseline-diff.schema.json"),
                .embedInCode("Resources/OutputSchemas/output-rules.schema.json"),
                .embedInCode("Resources/OutputSchemas/output-schema.schema.json"),
                .embedInCode("Resources/OutputSchemas/output-migrate.schema.json"),
            ]
        ),
        .executableTarget(
            name: "smsplan",
            dependencies: [
                "SMSPlanKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit", "TestSupport"]),
        .testTarget(
            name: "SMSPlanKitTests",
            dependencies: [
                "SMSPlanKit", "GitKit", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
                // The composition the one-pass YAML composer replaced, for the differential test.
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "smsplanTests", dependencies: ["smsplan", "TestSupport"], exclude: ["Fixtures"]),
    ]
)
