import ManuscriptModel

// A file's outcome in the read cache: what the cross-file checks need of a submission or a score
// sheet (its values and the places they were written), in `BinaryCoding`'s form.

extension FileReader {
    /// The file's outcome from the cache: nil when it is not there, is damaged, or names an
    /// attachment whose bytes changed since.
    func cachedOutcome(_ job: ManuscriptReader.Job, display: String, digest: String, cache: ReadCache) -> (FileOutcome?, ReadCache.Key) {
        let key = ReadCache.key(format: job.format, isEdit: job.isEdit, relativePath: job.relativePath,
                                displayPath: display, keepsText: options.keepsText, digest: digest)
        guard var r = cache.entry(key, commonPath: display) else { return (nil, key) }
        var outcome = FileOutcome(relativePath: job.relativePath, displayPath: display, format: job.format, isEdit: job.isEdit)
        outcome.digests[job.relativePath] = digest
        do {
            switch job.format {
            case .submission:
                let read = try SubmissionRead(from: &r)
                for a in read.attachments {
                    guard let rel = a.relativePath, let d = a.inspection?.digest else { continue }
                    guard AttachmentContent.digest(rel, layout: layout) == d else { return (nil, key) }
                    outcome.digests[rel] = d
                }
                outcome.content = .submission(read)
            case .reviews:
                outcome.content = .reviews(try SheetRead(from: &r))
            default:
                return (nil, key)
            }
            guard r.isAtEnd else { throw r.unknownTag() }
        } catch {
            cache.damaged()
            return (nil, key)
        }
        cache.reused(key)
        return (outcome, key)
    }

    /// Keeps the outcome in the cache when it can be used as it is on a later read: no finding at
    /// all, and every attachment it names read whole and safe (the others are inspected every time).
    func keep(_ outcome: FileOutcome, key: ReadCache.Key, cache: ReadCache) {
        cache.readFromXML()
        guard outcome.findings.isEmpty, !outcome.unreadable else { return }
        var w = BinaryWriter(commonPath: outcome.displayPath, capacity: 16384)
        switch outcome.content {
        case .submission(let read):
            for a in read.attachments {
                guard let i = a.inspection, i.refusal == nil, i.content?.svgProblems.isEmpty ?? true,
                      a.relativePath == nil || i.digest != nil else { return }
            }
            read.write(to: &w)
        case .reviews(let sheet):
            sheet.write(to: &w)
        default:
            return
        }
        cache.store(key, w.bytes)
    }
}

/// A value with the place it was written: the generic coders of `BinaryWriter` and
/// `BinaryReader` write and read it, alone, optional or in lists.
extension Located: BinaryCodable where Value == String {
    func write(to w: inout BinaryWriter) {
        w.string(value)
        w.write(at)
    }

    init(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init(value: try r.string(), at: try r.read())
    }
}

extension SubmissionRead: BinaryCodable {
    func write(to w: inout BinaryWriter) {
        w.write(submission)
        w.bool(isEdit)
        w.string(fileStem)
        w.write(idAt)
        w.write(fieldAt)
        w.write(districtAt)
        w.write(dates)
        w.write(periodStart)
        w.write(periodEnd)
        w.unsigned(UInt64(attachments.count))
        for a in attachments {
            w.write(a.href)
            w.write(a.sha256)
            w.optionalString(a.relativePath)
            w.optionalString(a.actualDigest)
            w.bool(a.exists)
            w.write(a.type)
            w.bool(a.inspection != nil)
            if let i = a.inspection {
                w.optionalString(i.relativePath)
                w.optionalString(i.digest)
                w.bool(i.exists)
                w.bool(i.content != nil)
                if let facts = i.content {
                    switch facts.kind {
                    case .jpeg: w.unsigned(0)
                    case .png: w.unsigned(1)
                    case .svg: w.unsigned(2)
                    case .xml(let root):
                        w.unsigned(3)
                        w.string(root)
                    case .other: w.unsigned(4)
                    }
                    w.int(facts.byteCount)
                    w.bool(facts.pixels != nil)
                    if let p = facts.pixels {
                        w.int(p.width)
                        w.int(p.height)
                    }
                }
            }
        }
        w.write(figures)
        w.write(links)
    }

    init(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init(submission: try r.read(), isEdit: try r.bool(), fileStem: try r.string(),
                  idAt: try r.read(), fieldAt: try r.read(), districtAt: try r.read())
        dates = try r.read()
        periodStart = try r.read()
        periodEnd = try r.read()
        for _ in 0..<(try r.count()) {
            var a = AttachmentRead(href: try r.read(), sha256: try r.read(), relativePath: try r.optionalString(),
                                   actualDigest: try r.optionalString(), exists: try r.bool())
            a.type = try r.read()
            if try r.bool() {
                var i = AttachmentInspection(relativePath: try r.optionalString(), digest: try r.optionalString(), exists: try r.bool())
                if try r.bool() {
                    let kind: AttachmentContent.Kind = switch try r.unsigned() {
                    case 0: .jpeg
                    case 1: .png
                    case 2: .svg
                    case 3: .xml(try r.string())
                    case 4: .other
                    default: throw r.unknownTag()
                    }
                    let byteCount = try r.int()
                    let pixels: (width: Int, height: Int)? = try r.bool() ? (try r.int(), try r.int()) : nil
                    i.content = AttachmentContent.Facts(kind: kind, byteCount: byteCount, pixels: pixels)
                }
                a.inspection = i
            }
            attachments.append(a)
        }
        figures = try r.read()
        links = try r.read()
    }
}

extension SheetRead: BinaryCodable {
    func write(to w: inout BinaryWriter) {
        w.write(sheet)
        w.write(reviewerAt)
        w.write(roundAt)
        w.unsigned(UInt64(reviews.count))
        for review in reviews {
            w.write(review.at)
            w.write(review.submissionAt)
            w.write(review.date)
            w.unsigned(UInt64(review.scores.count))
            for s in review.scores {
                w.write(s.criterion)
                w.bool(s.value != nil)
                if let v = s.value {
                    w.double(v.value)
                    w.write(v.at)
                }
            }
        }
        w.write(conflictAt)
    }

    init(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init(sheet: try r.read(), reviewerAt: try r.read(), roundAt: try r.read())
        for _ in 0..<(try r.count()) {
            let at: SourceLocation = try r.read()
            let submissionAt: SourceLocation = try r.read()
            let date: Located<String> = try r.read()
            var scores: [ScoreRead] = []
            for _ in 0..<(try r.count()) {
                let criterion: Located<String> = try r.read()
                let value: Located<Double>? = try r.bool() ? Located(value: try r.double(), at: try r.read()) : nil
                scores.append(ScoreRead(criterion: criterion, value: value))
            }
            reviews.append(ReviewRead(at: at, submissionAt: submissionAt, date: date, scores: scores))
        }
        conflictAt = try r.read()
    }
}
