/// One element of an XML document, as AWS's `query`, `ec2` and `rest-xml`
/// protocols send them: a name (namespace prefixes kept as written), its
/// attributes in document order, its child elements, and its text.
///
/// `text` is the character data directly inside the element, with entities
/// and CDATA resolved. White space that only indents child elements is
/// dropped, so a parent's `text` is empty; a leaf keeps its text exactly.
public struct XMLElement: Sendable, Equatable {
    public var name: String
    public var attributes: [(name: String, value: String)]
    public var children: [XMLElement]
    public var text: String

    public init(name: String, attributes: [(name: String, value: String)] = [], children: [XMLElement] = [], text: String = "") {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    public static func == (lhs: XMLElement, rhs: XMLElement) -> Bool {
        lhs.name == rhs.name && lhs.text == rhs.text && lhs.children == rhs.children
            && lhs.attributes.elementsEqual(rhs.attributes) { $0.name == $1.name && $0.value == $1.value }
    }

    /// Parses a whole document and returns its root element.
    public init(parsing bytes: [UInt8], maximumDepth: Int = XMLElement.maximumDepth) throws(XMLParseError) {
        let result = bytes.withUnsafeBufferPointer { buffer in
            var reader = XMLReader(bytes: buffer, maximumDepth: maximumDepth)
            return Result { () throws(XMLParseError) in try reader.parseDocument() }
        }
        self = try result.get()
    }

    public init(parsing text: String, maximumDepth: Int = XMLElement.maximumDepth) throws(XMLParseError) {
        try self.init(parsing: Array(text.utf8), maximumDepth: maximumDepth)
    }

    /// Deeper nesting is refused rather than risking the stack on a hostile
    /// document; AWS responses nest about a dozen levels.
    public static let maximumDepth = 256

    /// The first child called `name`.
    public func child(_ name: String) -> XMLElement? {
        children.first { $0.name == name }
    }

    /// Every child called `name`, in order (the members of an XML list).
    public func children(named name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// The element reached by following child names, e.g.
    /// `root.descendant("AssumeRoleResult", "Credentials")`.
    public func descendant(_ path: String...) -> XMLElement? {
        descendant(path)
    }

    public func descendant(_ path: [String]) -> XMLElement? {
        var element = self
        for name in path {
            guard let next = element.child(name) else { return nil }
            element = next
        }
        return element
    }

    /// The text of the element at `path`, or nil when it is not there.
    public func text(at path: String...) -> String? {
        descendant(path)?.text
    }

    /// The value of the attribute called `name`.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The name without its namespace prefix: `Error` for `soap:Error`.
    public var localName: Substring {
        guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }
}
