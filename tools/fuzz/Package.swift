// swift-tools-version: 6.1
//
// libFuzzer harnesses for edgesim's parsers. Built only by `tools/fuzz/run`
// (with -sanitize=fuzzer,address), never by the main package's build or tests.

import PackageDescription

let harnesses = ["FuzzGzip", "FuzzCSV", "FuzzJSON", "FuzzTopology", "FuzzScenario", "FuzzWorkload"]

let package = Package(
    name: "edgesim-fuzz",
    dependencies: [.package(name: "edgesim", path: "../..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "StreamingIO", package: "edgesim")]),
    ] + harnesses.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "FuzzSupport",
                .product(name: "StreamingIO", package: "edgesim"),
                .product(name: "ScenarioModel", package: "edgesim"),
            ])
    },
    swiftLanguageModes: [.v6]
)
