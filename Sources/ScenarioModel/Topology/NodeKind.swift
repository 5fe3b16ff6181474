/// What a topology node is: a compute host of some tier, or network gear.
public enum NodeKind: String, CaseIterable, Sendable, Hashable, Codable {
    /// An end device (sensor box, single-board computer, phone): originates tasks.
    case device
    /// An edge server or cloudlet server near the devices.
    case edge
    /// A cloud server or region.
    case cloud
    /// A switch, shared medium hub or other layer-2 element; forwards only.
    case `switch`
    /// A router, point of presence, backbone or internet vertex; forwards only.
    case router

    /// True for kinds that execute tasks (device, edge, cloud).
    public var isCompute: Bool {
        switch self {
        case .device, .edge, .cloud: return true
        case .switch, .router: return false
        }
    }
}
