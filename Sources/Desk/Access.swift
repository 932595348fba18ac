import Foundation
import Messages

/// The desk's authorisation decisions, as pure functions of who is asking and what they ask for.
/// Everything a reviewer reads or writes is keyed by their own session, never by a request parameter,
/// so no route names another reviewer's review at all.
public enum Access {
    /// What a request gets.
    public enum Decision: Equatable, Sendable {
        case allowed
        /// No valid session: 401.
        case signIn
        /// Not theirs to see, or not there: 404 (the desk never says which).
        case notFound
    }

    /// A reviewer's access to a candidate of their round: only the assigned, non-conflicted ones.
    public static func candidate(_ id: String, for principal: Principal?, in round: DeskRound?) -> Decision {
        guard let principal else { return .signIn }
        guard principal.role == .reviewer, let round, round.round == principal.round,
              round.candidates[principal.person]?.contains(id) == true else { return .notFound }
        return .allowed
    }

    /// Routes of the reviewers' side (their list, submit, reopen).
    public static func reviewer(_ principal: Principal?, in round: DeskRound?) -> Decision {
        guard let principal else { return .signIn }
        guard principal.role == .reviewer, let round, round.round == principal.round else { return .notFound }
        return .allowed
    }

    /// Routes of the editors' view.
    public static func editor(_ principal: Principal?) -> Decision {
        guard let principal else { return .signIn }
        return principal.role == .editor ? .allowed : .notFound
    }

    /// Why a state-changing request (PUT, POST) is refused, or nil when it may go on: the page must echo
    /// the session's CSRF token in `X-CSRF-Token`, and a browser's `Origin` (when sent) must be this
    /// server's own, `http://` + the `Host` the request was sent to.
    public static func forgery(principal: Principal, csrfHeader: String?, origin: String?, host: String?) -> Message? {
        if let origin, origin != "http://" + (host ?? "") {
            return DeskText.crossOrigin.message
        }
        guard let csrfHeader, Secrets.equal(csrfHeader, principal.csrf) else {
            return DeskText.csrfMissing.message
        }
        return nil
    }

    /// The same-origin check alone, for the sign-in form (there is no session, hence no CSRF token yet).
    public static func sameOrigin(origin: String?, host: String?) -> Bool {
        origin == nil || origin == "http://" + (host ?? "")
    }
}
