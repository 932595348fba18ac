import Foundation

/// Sign-in links: one random token per person, stored only as its SHA-256, single use, with an expiry.
public enum Invitations {
    public static let defaultDays = 14

    /// Issues a link per person (in the order given) and stores each token's digest. A person's earlier
    /// unused link for the same round and role stops working.
    public static func issue(people: [String], role: Role, round: String, store: DeskStore, base: String,
                             now: Date, days: Int = defaultDays) throws -> [(person: String, link: String)] {
        let expires = now.addingTimeInterval(TimeInterval(days) * 86_400)
        return try people.map { person in
            let token = Secrets.token()
            try store.invite(person: person, role: role, round: round, tokenDigest: Secrets.digest(token), now: now,
                             expires: expires)
            return (person, base + "/signin/" + token)
        }
    }

    /// `http://host:port`, with an IPv6 address in brackets.
    public static func base(host: String, port: Int) -> String {
        "http://" + (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }
}
