// swift-tools-version: 6.1
//
// libFuzzer harnesses for edgesim's parsers. Built only by `tools/fuzz/run`
// (release, -sanitize=fuzzer,address), never by the main package's build or
// tests. Each harness is a thin executable over one `FuzzTarget` (the main
// package's Tests/FuzzTargets, which the regression tests replay too); it
// calls `LLVMFuzzerRunDriver` because SwiftPM renames an executable's `main`.

import PackageDescription

/// Harness names; each has Sources/<name>/main.swift naming its `FuzzTarget`.
let harnesses = [
    "FuzzGzip", "FuzzCSV", "FuzzJSON", "FuzzTopology", "FuzzScenario", "FuzzWorkload", "FuzzGraphML", "FuzzNodeLink",
    "FuzzPeersimGym", "FuzzClusterSpec", "FuzzBenchSpec", "FuzzGoogle2011", "FuzzAlibaba2018", "FuzzAlibaba2017", "FuzzSWF",
    "FuzzAzure2021", "FuzzTar", "FuzzReplay",
]

let package = Package(
    name: "edgesim-fuzz",
    dependencies: [.package(name: "edgesim", path: "../..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "EdgeSimFuzzTargets", package: "edgesim")]),
    ] + harnesses.map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "EdgeSimFuzzTargets", package: "edgesim")])
    },
    swiftLanguageModes: [.v6]
)
