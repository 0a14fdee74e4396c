import XCTest

/// A test case whose tests each make one `BadInputMachine`, removed after the test.
class BadInputTestCase: XCTestCase {
    private var current: BadInputMachine?

    override func tearDown() {
        current?.remove()
        current = nil
        super.tearDown()
    }

    func machine(account: String = BadInputMachine.motoAccount, seeded: Bool = true) throws -> BadInputMachine {
        let made = try BadInputMachine(account: account, seeded: seeded)
        current = made
        return made
    }
}
