#if canImport(Glibc)
import Glibc
#endif

/// Expected sizes of a plan, so the builder can reserve its arrays once
/// instead of regrowing (and copying) a million-element array a dozen times.
struct PlanEstimate {
    var nodes = 0.0
    var links = 0.0

    static func + (left: PlanEstimate, right: PlanEstimate) -> PlanEstimate {
        PlanEstimate(nodes: left.nodes + right.nodes, links: left.links + right.links)
    }

    static func * (factor: Double, estimate: PlanEstimate) -> PlanEstimate {
        PlanEstimate(nodes: factor * estimate.nodes, links: factor * estimate.links)
    }
}

extension PlannedBlock {
    /// The expected nodes and links of one materialisation with mean size `size`.
    func estimate(size: Double) -> PlanEstimate {
        switch self {
        case .hosts(let hosts):
            return hosts.count.mean(size: size) * PlanEstimate(nodes: 1, links: hosts.attachment.linkCount)
        case .lan(let cell):
            return cell.members.reduce(PlanEstimate(nodes: 1, links: cell.attachment.linkCount)) {
                $0 + $1.estimate(size: size)
            }
        case .shared(let cell):
            return cell.members.reduce(PlanEstimate(nodes: 1, links: cell.attachment.linkCount)) {
                $0 + $1.estimate(size: size)
            }
        case .repeated(let repetition):
            let innerSize = repetition.size.map { $0.mean(size: size) } ?? size
            return repetition.count.mean(size: size) * repetition.block.estimate(size: innerSize)
        }
    }
}

extension PlannedAttachment {
    var linkCount: Double {
        if case .upDown = shape { return 2 }
        return 1
    }
}

extension Count {
    /// The expected value (for truncated lognormals, the untruncated mean less one half).
    func mean(size: Double) -> Double {
        switch self {
        case .fixed(let value): return Double(value)
        case .linear(let perSize, let offset): return Double(perSize) * size + Double(offset)
        case .lognormal(let shape, let location, let scale): return location + scale * exp(shape * shape / 2) - 0.5
        case .uniform(let minimum, let maximum): return (Double(minimum) + Double(maximum)) / 2
        }
    }
}
