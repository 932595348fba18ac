/// Fills `{name}` and `{name|one|other}` placeholders.
enum Template {
    static func fill(_ template: String, arguments: [String: MessageValue], language: Language) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let inside = rest[rest.index(after: open)..<close]
            let parts = inside.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if let argument = arguments[parts[0]] {
                if parts.count == 3 {
                    out += argument.count == 1 ? parts[1] : parts[2]
                } else {
                    out += argument.text(in: language)
                }
            } else {
                // A missing argument stays visible rather than vanishing from the sentence.
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// The names of the placeholders in a template (both kinds).
    static func placeholders(_ template: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let inside = rest[rest.index(after: open)..<close]
            names.insert(String(inside.split(separator: "|", omittingEmptySubsequences: false)[0]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// Placeholder names used only in plural choices (a language may not need them).
    static func pluralOnly(_ template: String) -> Set<String> {
        var plain = Set<String>(), plural = Set<String>()
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let parts = rest[rest.index(after: open)..<close].split(separator: "|", omittingEmptySubsequences: false)
            if parts.count == 3 { plural.insert(String(parts[0])) } else { plain.insert(String(parts[0])) }
            rest = rest[rest.index(after: close)...]
        }
        return plural.subtracting(plain)
    }
}

extension Catalogue {
    /// The placeholders a key's text must be given, by language (for tests).
    public func placeholders(in language: Language) -> Set<String> {
        let template = template(in: language)
        return Template.placeholders(template).subtracting(Template.pluralOnly(template))
    }
}
