import ManuscriptModel
import Messages
import XMLKit

// The pieces the reader's findings are made of, kept as message values so that a finding made
// on a worker thread is worded in whichever language it is printed in.

/// `a`, `a or b`, `a, b or c` (`a, b hoặc c` in Vietnamese).
func orList(_ items: [String]) -> MessageValue {
    switch items.count {
    case 0: .text("")
    case 1: .text(items[0])
    default: .message(CheckText.orList.with(["items": .text(items.dropLast().joined(separator: ", ")), "last": .text(items.last!)]))
    }
}

/// A number as an editor wrote it: no trailing ".0", no grouping, and the language's decimal mark
/// for a positive fraction (`8,5` in Vietnamese).
func number(_ x: Double) -> MessageValue {
    if x.isNaN { return .message(CheckText.notANumber.message) }
    if x == x.rounded(), abs(x) < 1e15 { return .text(String(Int(x))) }
    let written = String(x)
    guard x > 0, !written.contains("e"), let dot = written.firstIndex(of: ".") else { return .text(written) }
    return .decimal(x, places: written.distance(from: dot, to: written.endIndex) - 1)
}

/// A count that is shown as written (line and column numbers, years): never grouped.
func plain(_ n: Int) -> MessageValue { .text(String(n)) }

extension Message {
    /// The message inside `form` (whose `{message}` it fills), keeping its own code: the addition
    /// (`; did you mean …?`) does not change what the finding is.
    func wrapped(in form: CheckText, _ arguments: [String: MessageValue]) -> Message {
        var all = arguments
        all["message"] = .message(self)
        return Message(code: code, vietnamese: form.vietnamese, english: form.english, arguments: all)
    }

    /// The message followed by `; did you mean "guess"?` when there is a guess.
    func guessing(_ guess: String?, _ form: CheckText = .withGuess) -> Message {
        guard let guess else { return self }
        return wrapped(in: form, ["guess": .text(guess)])
    }
}

extension XMLProblem {
    /// The problem in the catalogue's words when XMLKit recognised it; libxml2's own words otherwise.
    var plainMessage: Message {
        guard let reason else { return .verbatim(message) }
        switch reason {
        case .tooLarge(let size, let limit):
            return CheckText.fileTooLarge.with(["size": .decimal(size, places: 1), "limit": .decimal(limit, places: 1)])
        case .utf16: return CheckText.utf16.message
        case .empty: return CheckText.emptyFile.message
        case .nulByte: return CheckText.nulByte.message
        case .invalidUTF8(let bytes): return CheckText.invalidUtf8.with(["bytes": .text(bytes)])
        case .doctype: return CheckText.doctype.message
        case .outOfMemory: return CheckText.outOfMemory.message
        case .notWellFormed: return CheckText.notWellFormed.message
        case .tooDeep(let levels): return CheckText.tooDeep.with(["depth": .integer(levels)])
        case .noElement: return CheckText.noElement.message
        case .tagMismatch(let open, let line, let close):
            return CheckText.tagMismatch.with(["open": .text(open), "line": plain(line), "close": .text(close)])
        case .tagMismatchDetail(let detail): return CheckText.tagMismatchDetail.with(["detail": .text(detail)])
        case .extraContent: return CheckText.extraContent.message
        case .prematureEnd: return CheckText.prematureEnd.message
        case .bareAmpersand: return CheckText.bareAmpersand.message
        case .unknownEntity(let name): return CheckText.unknownEntity.with(["name": .text(name)])
        case .entityExpansion: return CheckText.entityExpansion.message
        case .schemaMissing(let name): return CheckText.schemaMissing.with(["name": .text(name)])
        }
    }
}

extension ConfinedFile.Refusal {
    /// Why the file at `display` was not read; `folder` names the folder it must lie in.
    public func described(_ display: MessageValue, folder: MessageValue) -> Message {
        switch self {
        case .missing: CheckText.refusedMissing.with(["path": display])
        case .notRegular: CheckText.refusedNotRegular.with(["path": display])
        case .outside(let real): CheckText.refusedOutside.with(["path": display, "folder": folder, "real": .text(real)])
        case .unreadable: CheckText.refusedUnreadable.with(["path": display])
        }
    }
}
