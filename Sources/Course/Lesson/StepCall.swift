import Foundation
import JSON

/// One AWS call the tutor makes for a step, with what it saves from the
/// response, how to undo what it creates, what that costs, and what to wait for.
public struct StepCall: Sendable {
    public var operation: OperationName
    public var parameters: Template
    /// Values kept from the response for later calls and checks.
    public var save: [SavedValue]
    public var undo: UndoCall?
    public var cost: CostClass
    /// The price items and quantities `cost` comes from (`nat_gateway_hour: 1`),
    /// priced for the learner's region; empty where the lesson gives dollars.
    public var priceItems: [String: Double] = [:]
    /// Where the course tags go.
    public var tagging: Tagging
    /// The `Name` tag of what the call creates; the lesson and step stand in.
    public var name: Template?
    public var wait: WaitSpec?
    /// Parameters (`LaunchTemplateData.UserData`) sent base64-encoded, as
    /// the API wants them, so that the lesson writes them as text with
    /// references in it.
    public var base64: [[String]] = []
    public var location: SourceLocation

    public init(
        operation: OperationName, parameters: Template, save: [SavedValue] = [], undo: UndoCall? = nil,
        cost: CostClass = .free, tagging: Tagging = .automatic, name: Template? = nil, wait: WaitSpec? = nil,
        location: SourceLocation
    ) {
        self.name = name
        self.operation = operation
        self.parameters = parameters
        self.save = save
        self.undo = undo
        self.cost = cost
        self.tagging = tagging
        self.wait = wait
        self.location = location
    }
}

extension StepCall {
    /// What the call needs before it is made: its parameters and its name.
    var templatesBefore: [Template] { [parameters] + (name.map { [$0] } ?? []) }

    /// What it needs once made, which may use what it saved: its wait and its
    /// tagging call.
    var templatesAfter: [Template] {
        var after: [Template] = wait.map { [$0.parameters] } ?? []
        if case .after(_, let parameters) = tagging { after.append(parameters) }
        return after
    }

    /// `input` with the text at `path` base64-encoded; anything else there
    /// is left for the API to refuse.
    static func encodingBase64(_ input: JSON, at path: ArraySlice<String>) -> JSON {
        guard let key = path.first, var object = input.objectValue, let value = object[key] else { return input }
        if path.count == 1 {
            guard let text = value.stringValue else { return input }
            object[key] = .string(Data(text.utf8).base64EncodedString())
        } else {
            object[key] = encodingBase64(value, at: path.dropFirst())
        }
        return .object(object)
    }
}

/// A value saved from a response: `name` gets the result of a JMESPath
/// expression over it.
public struct SavedValue: Sendable {
    public var name: String
    public var expression: String
    public var location: SourceLocation

    public init(name: String, expression: String, location: SourceLocation) {
        self.name = name
        self.expression = expression
        self.location = location
    }
}

/// The call that removes what a step call created.
public struct UndoCall: Sendable {
    public var operation: OperationName
    public var parameters: Template
    /// A waiter to run after the undo call, when the next undo depends on it
    /// being gone (a NAT gateway before its subnet).
    public var wait: WaitSpec?
    public var location: SourceLocation

    public init(operation: OperationName, parameters: Template, wait: WaitSpec? = nil, location: SourceLocation) {
        self.operation = operation
        self.parameters = parameters
        self.wait = wait
        self.location = location
    }
}

/// Whether what a call creates costs money while it lives.
public enum CostClass: Sendable, Equatable {
    case free
    /// Billed by the hour, like a NAT gateway or an EC2 instance.
    case hourly(usd: Double)

    public var isCostly: Bool {
        if case .hourly = self { return true }
        return false
    }

    /// What it costs an hour; 0 when free.
    public var usdPerHour: Double {
        if case .hourly(let usd) = self { return usd }
        return 0
    }
}

/// How the course tags reach a created resource.
public enum Tagging: Sendable {
    /// The engine finds the call's tag parameter in the service model
    /// (`Tags`, `tags` or ec2's `TagSpecifications` with `resourceType`).
    case automatic
    /// ec2's `TagSpecifications`, for this resource type.
    case specification(resourceType: String)
    /// The create call cannot carry tags: tag right after it with this call,
    /// whose `Tags` (or `tags`) the engine fills.
    case after(operation: OperationName, parameters: Template)
    /// The resource cannot be tagged at all (an attachment, a route).
    case none

    /// Whether what the call makes carries the course tags from the moment it exists.
    public var tagsAsItMakes: Bool {
        switch self {
        case .automatic, .specification: true
        case .after, .none: false
        }
    }
}

/// Waiting for AWS to settle after a call: one of the service model's waiters.
public struct WaitSpec: Sendable {
    public var waiter: String
    public var service: String
    public var parameters: Template
    public var location: SourceLocation

    public init(service: String, waiter: String, parameters: Template, location: SourceLocation) {
        self.service = service
        self.waiter = waiter
        self.parameters = parameters
        self.location = location
    }
}
