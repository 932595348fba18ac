import Messages
import Testing

/// Runs a suite's tests with `Language.current` set to English: they check the wording of
/// messages written before the program spoke Vietnamese, which the English text keeps.
struct InEnglish: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        try await Language.$current.withValue(.en) { try await function() }
    }
}

extension Trait where Self == InEnglish {
    /// `Language.current` is English inside the suite's tests.
    static var inEnglish: InEnglish { InEnglish() }
}
