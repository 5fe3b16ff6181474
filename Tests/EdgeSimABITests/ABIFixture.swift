@testable import EdgeSimABI
import EdgeSimTestSupport
import Simulator

/// A scenario file over the bundled sample topology and workload, and
/// caller-owned buffers as a C caller would allocate them.
final class ABIFixture {
    let directory = TemporaryDirectory()
    let scenarioPath: String

    init(settings: String = "{}") throws {
        scenarioPath = directory.file("sample.scenario.json")
        let text = """
            {"format": "edgesim-scenario", "version": 1, "name": "abi-sample",
             "topology": {"path": "\(Fixtures.path("topologies/sample-edge.topology.json"))"},
             "workload": {"path": "\(Fixtures.path("traces/sample.workload.csv.gz"))"},
             "settings": \(settings)}
            """
        try text.write(toFile: scenarioPath)
    }

    /// Loads the scenario through the C entry point.
    func loadScenario() throws -> UnsafeMutableRawPointer {
        var error = [CChar](repeating: 0, count: 512)
        guard let scenario = esScenarioLoad(scenarioPath, &error, Int64(error.count)) else {
            throw FixtureError(message: cText(error))
        }
        return scenario
    }
}

struct FixtureError: Error {
    let message: String
}

/// The eight buffers of `es_env_bind` / `es_batch_bind`, owned like a C caller owns them.
final class CallerBuffers {
    let rows: Int
    let slots: Int
    let observationLength: Int
    let actions: UnsafeMutablePointer<Int32>
    let observations: UnsafeMutablePointer<Float>
    let masks: UnsafeMutablePointer<UInt8>
    let rewards: UnsafeMutablePointer<Float>
    let flags: [UnsafeMutablePointer<UInt8>]

    init(environments: Int = 1, agents: Int, slots: Int, observationLength: Int) {
        rows = environments * agents
        self.slots = slots
        self.observationLength = observationLength
        actions = .allocate(capacity: rows)
        actions.initialize(repeating: 0, count: rows)
        observations = .allocate(capacity: rows * observationLength)
        observations.initialize(repeating: -1, count: rows * observationLength)
        masks = .allocate(capacity: rows * slots)
        masks.initialize(repeating: 9, count: rows * slots)
        rewards = .allocate(capacity: rows)
        rewards.initialize(repeating: 0, count: rows)
        let count = rows
        flags = (0..<4).map { _ in
            let flag = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
            flag.initialize(repeating: 9, count: count)
            return flag
        }
    }

    deinit {
        actions.deallocate()
        observations.deallocate()
        masks.deallocate()
        rewards.deallocate()
        flags.forEach { $0.deallocate() }
    }

    var pointers: [UnsafeMutableRawPointer?] {
        [UnsafeMutableRawPointer(actions), UnsafeMutableRawPointer(observations), UnsafeMutableRawPointer(masks),
         UnsafeMutableRawPointer(rewards)] + flags.map { UnsafeMutableRawPointer($0) }
    }

    var counts: [Int64] {
        [rows, rows * observationLength, rows * slots, rows, rows, rows, rows, rows].map(Int64.init)
    }

    var terminations: UnsafeMutablePointer<UInt8> { flags[0] }
    var truncations: UnsafeMutablePointer<UInt8> { flags[1] }
    var decisionMask: UnsafeMutablePointer<UInt8> { flags[2] }
    var invalidActions: UnsafeMutablePointer<UInt8> { flags[3] }

    func observationRow(_ row: Int) -> [Float] {
        Array(UnsafeBufferPointer(start: observations + row * observationLength, count: observationLength))
    }

    func maskRow(_ row: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: masks + row * slots, count: slots))
    }
}

#if canImport(Glibc)
import Glibc
#endif

extension String {
    func write(toFile path: String) throws {
        guard let file = fopen(path, "w") else { throw FixtureError(message: "cannot write \(path)") }
        defer { fclose(file) }
        fputs(self, file)
    }
}

/// The text before the first NUL of a C string buffer.
func cText(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
