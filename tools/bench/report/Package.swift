// swift-tools-version: 6.1
//
// The BenchReport benchmark, kept out of the main package so `swift build` and
// `swift test` never pay for it. tools/bench/report.sh links the repository as
// .deps/edgesim (so the dependency's identity is `edgesim` in any checkout) and runs it.

import PackageDescription

let package = Package(
    name: "ReportBenchmark",
    dependencies: [
        .package(path: ".deps/edgesim"),
    ],
    targets: [
        .executableTarget(
            name: "report-benchmark",
            dependencies: [
                .product(name: "BenchReport", package: "edgesim"),
                .product(name: "ScenarioModel", package: "edgesim"),
            ],
            path: "Sources"
        ),
    ],
    swiftLanguageModes: [.v6]
)
