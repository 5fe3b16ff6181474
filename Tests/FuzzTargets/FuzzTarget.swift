/// The fuzzing entry points, shared by the libFuzzer harnesses in
/// `tools/fuzz` and by the regression tests that replay every kept reproducer
/// (`Tests/Fixtures/fuzz/<harness>/`), so both run exactly the same code.
///
/// Each target feeds arbitrary bytes to one parser the way the CLI would and
/// checks the properties every input must have: errors are fine; a crash, a
/// trap, or a broken property (a returned finding) is a bug. Targets whose
/// name says so read the first byte as a choice of options, so the fuzzer
/// explores the options too.
///
/// ```swift
/// let scratch = FuzzScratch(folder: "/dev/shm")
/// if let finding = FuzzTarget.graphML.run(bytes, scratch: scratch) { fatalError(finding) }
/// ```
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Any bytes read to the end as a (possibly gzip) file.
    case gzip = "FuzzGzip"
    /// CSV records and every typed accessor; byte 0 picks the comma or the SWF dialect.
    case csv = "FuzzCSV"
    /// Any JSON value walked with every reader call.
    case json = "FuzzJSON"
    /// A canonical topology decoded, validated and (when valid) round-tripped.
    case topology = "FuzzTopology"
    /// A scenario validated deeply and decoded.
    case scenario = "FuzzScenario"
    /// A workload validated; byte 0 bit 0 prepends the marker and header.
    case workload = "FuzzWorkload"
    /// GraphML imported (byte 0: options), written, validated, exported and re-imported.
    case graphML = "FuzzGraphML"
    /// Node-link JSON (Ether's export) imported like GraphML.
    case nodeLink = "FuzzNodeLink"
    /// PeersimGym's Ether JSON imported like GraphML.
    case peersimGym = "FuzzPeersimGym"
    /// A cluster spec decoded and generated under a small node cap (byte 0: the seed).
    case clusterSpec = "FuzzClusterSpec"
    /// A bench spec decoded and expanded into its job matrix.
    case benchSpec = "FuzzBenchSpec"
    /// Google 2011 `task_events` rows imported into a workload that must validate (byte 0: options).
    case google2011 = "FuzzGoogle2011"
    /// Alibaba 2018 `batch_task` rows (DAGs in task names), likewise.
    case alibaba2018 = "FuzzAlibaba2018"
    /// Alibaba 2017 `batch_task` rows, likewise.
    case alibaba2017 = "FuzzAlibaba2017"
    /// Standard Workload Format lines, likewise.
    case swf = "FuzzSWF"
    /// Azure Functions 2021 invocation rows, likewise.
    case azure2021 = "FuzzAzure2021"
    /// A tar archive (Alibaba's `.tar.gz` tables) read member by member; bits 5-7 of byte 0 pick the format.
    case tar = "FuzzTar"
    /// A valid scenario with an embedded topology replayed (tasks must be conserved, figures finite).
    case replay = "FuzzReplay"

    /// Runs the target on `bytes`.
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - scratch: Where file-reading targets write the input and their outputs.
    /// - Returns: A description of a broken property, or nil when the input
    ///   was handled correctly (accepted or refused with an error).
    public func run(_ bytes: [UInt8], scratch: FuzzScratch) -> String? {
        switch self {
        case .gzip: return Self.gzip(bytes, scratch)
        case .csv: return Self.csv(bytes, scratch)
        case .json: return Self.json(bytes)
        case .topology: return Self.topology(bytes)
        case .scenario: return Self.scenario(bytes, scratch)
        case .workload: return Self.workload(bytes, scratch)
        case .graphML: return ImportCheck.run(bytes, scratch: scratch, suffix: ".graphml", formats: [.auto, .graphml, .zoo, .ether])
        case .nodeLink: return ImportCheck.run(bytes, scratch: scratch, suffix: ".json", formats: [.auto, .ether])
        case .peersimGym: return ImportCheck.run(bytes, scratch: scratch, suffix: ".json", formats: [.peersimgym, .auto])
        case .clusterSpec: return Self.clusterSpec(bytes)
        case .benchSpec: return Self.benchSpec(bytes)
        case .google2011: return Self.trace(bytes, scratch, formats: [.google2011])
        case .alibaba2018: return Self.trace(bytes, scratch, formats: [.alibaba2018])
        case .alibaba2017: return Self.trace(bytes, scratch, formats: [.alibaba2017])
        case .swf: return Self.trace(bytes, scratch, formats: [.swf])
        case .azure2021: return Self.trace(bytes, scratch, formats: [.azure2021])
        case .tar: return Self.trace(bytes, scratch, formats: [.alibaba2018, .alibaba2017, .google2011, .swf, .azure2021])
        case .replay: return Self.replay(bytes, scratch)
        }
    }
}
