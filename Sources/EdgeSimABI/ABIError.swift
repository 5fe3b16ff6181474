import Simulator

/// A failure at the C boundary: the code returned and the message kept for
/// `es_*_last_error`.
struct ABIError: Error, CustomStringConvertible {
    let code: ABIResultCode
    let message: String

    init(_ code: ABIResultCode, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Classifies a simulator error.
    init(_ error: ReplayError) {
        switch error {
        case .scenario, .unreplayable, .workload: code = .scenario
        case .io: code = .io
        case .invalidOption, .unknownPolicy, .bufferSize: code = .invalidArgument
        case .invalidState: code = .invalidState
        }
        message = error.description
    }

    var description: String { message }

    static func argument(_ message: String) -> ABIError { ABIError(.invalidArgument, message) }
    static func state(_ message: String) -> ABIError { ABIError(.invalidState, message) }
}
