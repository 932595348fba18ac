import Foundation

/// Where `build` finds its styles folder (html.xsl, fo.xsl, book.css, fop.xconf) when `--styles`
/// is not given, so that `modelbook build` works from any folder, not only from the repository:
///
/// 1. `styles/` in the current folder;
/// 2. `styles/` beside the manuscript folder (a book project holds `manuscript/` and `styles/`);
/// 3. beside the program: for each of the program's folder and its three parents, `styles/` and
///    `share/modelbook/styles/` (the first finds the repository's styles from
///    `.build/release/modelbook`, the second those `make install` puts under a prefix).
///
/// The first folder holding both `html.xsl` and `fo.xsl` wins.
public enum StylesLocation {
    public static func candidates(manuscript: String, currentDirectory: String, executable: String?) -> [String] {
        func absolute(_ path: String) -> String {
            path.hasPrefix("/") ? path : currentDirectory + "/" + path
        }
        var out = [
            standardized(absolute("styles")),
            standardized((absolute(manuscript) as NSString).deletingLastPathComponent + "/styles"),
        ]
        if let executable {
            var folder = (absolute(executable) as NSString).deletingLastPathComponent
            for _ in 0..<4 {
                out.append(standardized(folder + "/styles"))
                out.append(standardized(folder + "/share/modelbook/styles"))
                let parent = (folder as NSString).deletingLastPathComponent
                if parent == folder { break }
                folder = parent
            }
        }
        var seen: Set<String> = []
        return out.filter { seen.insert($0).inserted }
    }

    /// The first candidate that holds the stylesheets, if any.
    public static func find(in candidates: [String], fileExists: (String) -> Bool = FileManager.default.fileExists(atPath:)) -> String? {
        candidates.first { fileExists($0 + "/html.xsl") && fileExists($0 + "/fo.xsl") }
    }

    /// This program's own file, symbolic links resolved (nil when the system does not say).
    public static var executable: String? {
        Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }

    private static func standardized(_ path: String) -> String {
        (path as NSString).standardizingPath
    }
}

extension BookBuild {
    /// When no styles folder was given: the first of `StylesLocation.candidates` that holds the
    /// stylesheets; if none does, the folders searched, for the error that names them.
    public mutating func findStyles(manuscript: String,
                                    currentDirectory: String = FileManager.default.currentDirectoryPath) {
        let searched = StylesLocation.candidates(manuscript: manuscript, currentDirectory: currentDirectory,
                                                 executable: StylesLocation.executable)
        if let found = StylesLocation.find(in: searched) {
            stylesDirectory = found
        } else {
            stylesSearched = searched
        }
    }
}
