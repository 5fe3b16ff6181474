import ScenarioModel
import Simulator
import StreamingIO

/// The options JSON of `es_env_create` / `es_batch_create`: one object, every
/// key optional, unknown keys are errors.
///
/// | key | meaning |
/// |---|---|
/// | `horizonSeconds` | number or null: replaces the scenario's horizon |
/// | `arrivalRateScale` | number > 0: load scale (default 1) |
/// | `observationTimeScaleSeconds`, `observationByteScale` | feature scales |
/// | `maxSteps` | integer >= 1 or null: truncate episodes after this many steps |
/// | `seed` | integer >= 0: the seed of the first unseeded reset (default: the scenario's) |
/// | `observesIdleAgents` | bool (default true): rewrite every agent's row each step |
/// | `threads` | integer >= 1 (batches only, default 1): threads stepping the environments |
struct EnvironmentOptions {
    var replay = ReplayOptions()
    var maxSteps: Int?
    var seed: UInt64?
    var observesIdleAgents = true
    var threads = 1

    /// Parses the options; NULL or an empty string gives the defaults.
    ///
    /// - Throws: `ABIError.argument` with the JSON location of the problem.
    static func parse(_ text: UnsafePointer<CChar>?) throws(ABIError) -> EnvironmentOptions {
        let bytes = CStrings.bytes(text)
        var options = EnvironmentOptions()
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return options }
        let reader = JSONReader(bytes: bytes, path: "<options>")
        do {
            try reader.readObject { key in
                switch key {
                case "horizonSeconds":
                    options.replay.horizonSeconds = try reader.readNullIfPresent() ? nil : try reader.readDouble()
                case "arrivalRateScale":
                    options.replay.arrivalRateScale = try reader.readDouble()
                case "observationTimeScaleSeconds":
                    options.replay.observationTimeScaleSeconds = try reader.readDouble()
                case "observationByteScale":
                    options.replay.observationByteScale = try reader.readDouble()
                case "maxSteps":
                    if try reader.readNullIfPresent() {
                        options.maxSteps = nil
                    } else {
                        let steps = try reader.readInt64()
                        guard steps >= 1 else { throw reader.error("maxSteps must be >= 1, found \(steps)") }
                        options.maxSteps = Int(steps)
                    }
                case "seed":
                    let seed = try reader.readInt64()
                    guard seed >= 0 else { throw reader.error("seed must be >= 0, found \(seed)") }
                    options.seed = UInt64(seed)
                case "observesIdleAgents":
                    options.observesIdleAgents = try reader.readBool()
                case "threads":
                    let threads = try reader.readInt64()
                    guard threads >= 1 && threads <= 256 else {
                        throw reader.error("threads must be in 1...256, found \(threads)")
                    }
                    options.threads = Int(threads)
                default:
                    throw reader.error("unknown option '\(MessageText.excerpt(key))' (known: horizonSeconds, arrivalRateScale, "
                        + "observationTimeScaleSeconds, observationByteScale, maxSteps, seed, observesIdleAgents, "
                        + "threads)")
                }
            }
            try reader.expectEnd()
        } catch let error as StreamingIOError {
            throw .argument(error.description)
        } catch {
            throw .argument("\(error)")
        }
        do {
            try options.replay.validate()
        } catch {
            throw ABIError(error)
        }
        return options
    }

    /// Creates an environment of `scenario` configured by these options.
    func makeEnvironment(_ scenario: CompiledScenario) throws(ABIError) -> ReplayEnvironment {
        let environment: ReplayEnvironment
        do {
            environment = try ReplayEnvironment(scenario: scenario, options: replay)
        } catch {
            throw ABIError(error)
        }
        environment.stepLimit = maxSteps
        environment.observesIdleAgents = observesIdleAgents
        return environment
    }
}

/// The seeds of successive episodes: a reset with a seed uses it and restarts
/// the sequence from it; a reset without one continues the sequence (the
/// very first unseeded reset uses the default seed), so a run of unseeded
/// resets is reproducible from the last explicit seed (Gymnasium's
/// convention). Draws come from stream 6 of `SeededGenerator`.
struct EpisodeSeeds {
    let defaultSeed: UInt64
    private var generator: SeededGenerator?

    init(defaultSeed: UInt64) {
        self.defaultSeed = defaultSeed
    }

    /// The seed of the next episode.
    mutating func next(requested: UInt64?) -> UInt64 {
        if let requested {
            generator = SeededGenerator(seed: requested, stream: 6)
            return requested
        }
        guard var current = generator else {
            generator = SeededGenerator(seed: defaultSeed, stream: 6)
            return defaultSeed
        }
        let seed = current.next()
        generator = current
        return seed
    }
}
