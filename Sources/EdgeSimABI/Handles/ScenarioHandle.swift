import ScenarioModel
import Simulator
import StreamingIO

/// A compiled scenario behind an `es_scenario` handle: immutable, shared by
/// the environments created from it (each keeps it alive).
final class ScenarioHandle {
    let compiled: CompiledScenario

    init(compiled: CompiledScenario) {
        self.compiled = compiled
    }

    /// Loads and compiles a scenario file.
    static func load(path: String) throws(ABIError) -> ScenarioHandle {
        do {
            return ScenarioHandle(compiled: try CompiledScenario.load(path: path))
        } catch {
            throw ABIError(error)
        }
    }

    /// The shape and names bindings need, as one JSON object: `name`,
    /// `agents` (node ids in agent order), `slotCount`, `observationLength`,
    /// `featureNames`, `candidates` (per agent, candidate node ids in slot
    /// order), `horizonSeconds`, `decisionEpoch`, `rewardKind`, `utility`,
    /// `seed`, `policies` (the baseline names).
    func descriptionJSON() -> [UInt8] {
        let settings = compiled.settings
        let layout = ObservationLayout(slotCount: compiled.slotCount)
        let writer = JSONWriter()
        writer.beginObject()
        writer.key("name")
        writer.string(compiled.scenario.name)
        writer.key("agents")
        writer.beginArray(.inline)
        for id in compiled.agentNodeIds { writer.string(id) }
        writer.endArray()
        writer.key("slotCount")
        writer.integer(compiled.slotCount)
        writer.key("observationLength")
        writer.integer(layout.length)
        writer.key("featureNames")
        writer.beginArray(.inline)
        for name in layout.featureNames { writer.string(name) }
        writer.endArray()
        writer.key("candidates")
        writer.beginArray()
        for agent in 0..<compiled.agentCount {
            writer.beginArray(.inline)
            for id in compiled.candidateNodeIds(agent: agent) { writer.string(id) }
            writer.endArray()
        }
        writer.endArray()
        writer.key("horizonSeconds")
        if let horizon = settings.horizonSeconds { writer.number(horizon) } else { writer.null() }
        writer.key("decisionEpoch")
        writer.string(settings.decisions.mode.rawValue)
        writer.key("rewardKind")
        writer.string(settings.reward.kind.rawValue)
        writer.key("utility")
        writer.number(settings.reward.utility)
        writer.key("seed")
        writer.integer(Int64(bitPattern: settings.seed))
        writer.key("policies")
        writer.beginArray(.inline)
        for kind in BaselinePolicy.Kind.allCases { writer.string(kind.rawValue) }
        writer.endArray()
        writer.endObject()
        return writer.data
    }
}
