// swift-tools-version: 6.1
//
// edgesim: a Swift toolkit for edge-computing task-offloading research.
// One library module per stage; the `edgesim` executable is a thin layer of
// commands over them. See README.md for the tour and FORMAT.md for the
// canonical scenario format.

import PackageDescription

let package = Package(
    name: "edgesim",
    products: [
        .executable(name: "edgesim", targets: ["edgesim"]),
        .library(name: "ScenarioModel", targets: ["ScenarioModel"]),
        .library(name: "StreamingIO", targets: ["StreamingIO"]),
        .library(name: "BenchReport", targets: ["BenchReport"]),
        .library(name: "ClusterGenerator", targets: ["ClusterGenerator"]),
        .library(name: "Simulator", targets: ["Simulator"]),
        .library(name: "TopologyImport", targets: ["TopologyImport"]),
        .library(name: "TraceImport", targets: ["TraceImport"]),
        .library(name: "ReplayBench", targets: ["ReplayBench"]),
        /// The C ABI for in-process bindings (libEdgeSimABI.so; Sources/EdgeSimABI/include/edgesim.h).
        .library(name: "EdgeSimABI", type: .dynamic, targets: ["EdgeSimABI"]),
        /// The fuzzing entry points, for the libFuzzer harnesses in tools/fuzz (not an API).
        .library(name: "EdgeSimFuzzTargets", targets: ["FuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: - C system libraries (wrapped once, used only inside `Internals/`)

        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // MARK: - Libraries, lowest first

        /// Byte-level streaming: gzip in and out, CSV records, JSON pull reading
        /// and deterministic writing, atomic output files.
        .target(
            name: "StreamingIO",
            dependencies: ["CZlib"]
        ),
        /// The canonical scenario format v1: topology, workload, scenario; codecs
        /// and validation.
        .target(
            name: "ScenarioModel",
            dependencies: ["StreamingIO"]
        ),
        /// The discrete-event replay simulator: offloading model, policies,
        /// stepping API for external agents, metrics and result writers.
        .target(
            name: "Simulator",
            dependencies: ["ScenarioModel", "StreamingIO"]
        ),

        /// Benchmark matrices: the bench spec, a parallel deterministic runner,
        /// statistics with confidence intervals, CSV/Markdown/HTML tables, SVG plots.
        .target(
            name: "BenchReport",
            dependencies: ["ScenarioModel", "StreamingIO"]
        ),

        /// The bench runner over the simulator: replays each job of a bench
        /// matrix (scenario x policy x seed x sweep value), compiling each scenario once.
        .target(
            name: "ReplayBench",
            dependencies: ["BenchReport", "Simulator", "ScenarioModel", "StreamingIO"]
        ),

        /// Ether-style seeded cluster generator: archetypes, building blocks,
        /// scenarios and declarative specs -> canonical topologies.
        .target(
            name: "ClusterGenerator",
            dependencies: ["ScenarioModel", "StreamingIO"]
        ),

        /// Topology import (GraphML on libxml2 SAX2, Topology Zoo, Ether, PeersimGym
        /// JSON) into the canonical topology, and GraphML export.
        .target(
            name: "TopologyImport",
            dependencies: ["StreamingIO", "ScenarioModel", "CLibXML2"]
        ),

        /// Cluster traces (Google 2011, Alibaba 2017/2018, SWF, Azure Functions
        /// 2021) streamed into canonical workloads, with bounded-memory sorting.
        .target(
            name: "TraceImport",
            dependencies: ["StreamingIO", "ScenarioModel"]
        ),

        /// The C ABI over the stepping simulator: opaque handles, caller-owned
        /// buffers, error codes (the Python package `edgesim` loads it).
        .target(
            name: "EdgeSimABI",
            dependencies: ["Simulator", "ScenarioModel", "StreamingIO"],
            exclude: ["include"]  // the C header, for C and Python users; checked by a test
        ),

        // MARK: - Executable

        .executableTarget(
            name: "edgesim",
            dependencies: [
                "BenchReport",
                "ReplayBench",
                "ScenarioModel",
                "Simulator",
                "StreamingIO",
                "ClusterGenerator",
                "TopologyImport",
                "TraceImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Tests

        .target(
            name: "EdgeSimTestSupport",
            dependencies: ["StreamingIO"],
            path: "Tests/EdgeSimTestSupport"
        ),
        /// The fuzzing entry points shared by tools/fuzz's harnesses and the
        /// regression tests that replay every kept reproducer.
        .target(
            name: "FuzzTargets",
            dependencies: [
                "StreamingIO", "ScenarioModel", "TopologyImport", "ClusterGenerator", "BenchReport", "TraceImport", "Simulator",
            ],
            path: "Tests/FuzzTargets"
        ),
        .testTarget(
            name: "StreamingIOTests",
            dependencies: ["StreamingIO", "EdgeSimTestSupport"]
        ),
        .testTarget(
            name: "ScenarioModelTests",
            dependencies: ["ScenarioModel", "StreamingIO", "EdgeSimTestSupport"]
        ),
        .testTarget(
            name: "BenchReportTests",
            dependencies: ["BenchReport", "ScenarioModel", "StreamingIO", "EdgeSimTestSupport", "CLibXML2"]
        ),
        .testTarget(
            name: "ClusterGeneratorTests",
            dependencies: ["ClusterGenerator", "ScenarioModel", "StreamingIO", "EdgeSimTestSupport"]
        ),
        .testTarget(
            name: "SimulatorTests",
            dependencies: ["Simulator", "ScenarioModel", "StreamingIO", "EdgeSimTestSupport"]
        ),
        .testTarget(
            name: "TopologyImportTests",
            dependencies: ["TopologyImport", "ScenarioModel", "StreamingIO", "EdgeSimTestSupport"]
        ),
        .testTarget(
            name: "TraceImportTests",
            dependencies: ["TraceImport", "ScenarioModel", "StreamingIO", "EdgeSimTestSupport"]
        ),
        .testTarget(
            name: "ReplayBenchTests",
            dependencies: ["ReplayBench", "BenchReport", "Simulator", "ScenarioModel", "StreamingIO", "EdgeSimTestSupport"]
        ),
        .testTarget(
            name: "EdgeSimABITests",
            dependencies: ["EdgeSimABI", "Simulator", "ScenarioModel", "EdgeSimTestSupport"]
        ),
        .testTarget(
            name: "EdgeSimCLITests",
            dependencies: ["edgesim", "ScenarioModel", "EdgeSimTestSupport"]
        ),
        /// Reliability (issue 9): hostile inputs through the CLI, fuzz reproducers,
        /// SIGKILL mid-write, byte-identical reruns of every verb.
        .testTarget(
            name: "ReliabilityTests",
            dependencies: [
                "edgesim", "StreamingIO", "ScenarioModel", "TopologyImport", "ClusterGenerator", "BenchReport",
                "Simulator", "EdgeSimTestSupport", "FuzzTargets",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
