import Crypto
import Foundation

/// The desk's secrets: sign-in tokens, session ids and CSRF tokens. Each is 32 random bytes from the
/// system's generator, written in base64url (no padding) so it fits a link or a cookie. Only the
/// SHA-256 of a sign-in token or a session id is stored.
public enum Secrets {
    /// 32 random bytes, base64url without padding (43 characters).
    public static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: 32)
        for i in bytes.indices { bytes[i] = generator.next() }
        return base64url(bytes)
    }

    /// Lowercase hex SHA-256 of the token's UTF-8 bytes: what the database keeps.
    public static func digest(_ token: String) -> String { sha256Hex(Data(token.utf8)) }

    /// Lowercase hex SHA-256 of some bytes.
    public static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// A token as `token()` writes it: 43 characters of the base64url alphabet. Anything else is refused
    /// before the database is asked.
    public static func looksLikeToken(_ s: String) -> Bool {
        s.utf8.count == 43 && s.utf8.allSatisfy { b in
            (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
        }
    }

    static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Compares two secrets in time independent of where they first differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
