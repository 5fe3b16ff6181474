import StreamingIO

/// Builds a scenario from a topology file, an optional workload file and
/// settings: validates both files, checks that they fit together, and stores
/// their paths relative to the scenario (or embeds them).
public struct ScenarioComposer {
    /// What `compose` produced and read.
    public struct Result {
        /// The scenario, ready to write.
        public var scenario: Scenario
        /// The topology it uses.
        public var topology: Topology
        /// Figures of the workload, when there is one.
        public var workloadSummary: WorkloadSummary?
    }

    /// The topology file.
    public var topologyPath: String
    /// The workload file, or nil for synthetic arrivals.
    public var workloadPath: String?
    /// Where the scenario will be written (`-` for standard output).
    public var outputPath: String
    /// Whether to embed the topology and workload.
    public var embed: Bool

    /// Creates a composer.
    public init(topologyPath: String, workloadPath: String?, outputPath: String, embed: Bool = false) {
        self.topologyPath = topologyPath
        self.workloadPath = workloadPath
        self.outputPath = outputPath
        self.embed = embed
    }

    /// Reads a settings object from a JSON file (the shape of a scenario's `settings`).
    public static func loadSettings(path: String) throws(ScenarioError) -> ModelSettings {
        let reader = try ScenarioError.catching { try JSONReader(path: path) }
        var sourceMap = ScenarioSourceMap(path: reader.path)
        let settings = try ScenarioError.catching { try Scenario.decodeSettings(reader, &sourceMap) }
        try ScenarioError.catching { try reader.expectEnd() }
        return settings
    }

    /// Validates the inputs and builds the scenario.
    ///
    /// - Parameters:
    ///   - name: The scenario's name (default: the output file's name).
    ///   - settings: The model settings.
    /// - Throws: `ScenarioError` listing every issue of the topology, the
    ///   workload or the settings.
    public func compose(name: String?, settings: ModelSettings) throws(ScenarioError) -> Result {
        let topology = try Topology.load(path: topologyPath)
        let computeNodes = Set(topology.nodes.lazy.filter(\.kind.isCompute).map(\.id))
        var workloadSummary: WorkloadSummary?
        var workloadSource = Scenario.WorkloadSource.synthetic
        if let workloadPath {
            let (summary, issues) = try WorkloadValidator(originNodes: computeNodes).validate(path: workloadPath)
            if !issues.isEmpty { throw .invalid(issues) }
            workloadSummary = summary
            if embed {
                let reader = try WorkloadReader(path: workloadPath)
                var tasks: [WorkloadTask] = []
                while let task = try reader.next() { tasks.append(task) }
                workloadSource = .embedded(tasks)
            } else {
                workloadSource = .file(path: try relativeReference(to: workloadPath))
            }
        }
        let topologySource: Scenario.TopologySource =
            embed ? .embedded(topology) : .file(path: try relativeReference(to: topologyPath))
        let scenario = Scenario(
            name: name ?? defaultName, topology: topologySource, workload: workloadSource, settings: settings)
        let issues = scenario.settingsIssues(sourceMap: ScenarioSourceMap(path: outputPath))
        if !issues.isEmpty { throw .invalid(issues) }
        return Result(scenario: scenario, topology: topology, workloadSummary: workloadSummary)
    }

    /// The scenario's default name: the output file name without `.scenario.json`.
    var defaultName: String {
        guard outputPath != "-" else { return "scenario" }
        var base = outputPath.split(separator: "/").last.map(String.init) ?? outputPath
        for suffix in [".json", ".scenario"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
        }
        return base.isEmpty ? "scenario" : base
    }

    /// The path of `file` as seen from the scenario's folder.
    func relativeReference(to file: String) throws(ScenarioError) -> String {
        guard let target = FilePaths.canonical(file) else {
            throw .io(.cannotOpen(path: file, reason: "no such file"))
        }
        let folder = outputPath == "-" ? "." : FilePaths.directory(of: outputPath)
        guard let base = FilePaths.canonical(folder) else {
            throw .io(.writeFailed(path: outputPath, reason: "the folder '\(folder)' does not exist"))
        }
        return FilePaths.relativePath(from: base, to: target)
    }
}
