import ManuscriptModel

extension Selection {
    /// The candidates that enter round `roundID`, as `run` gives them to it: every submission for
    /// the first round, else those that passed the round before (run up to it). Sorted by id.
    public static func pool(entering roundID: String, manuscript m: Manuscript) throws(SelectionError) -> [String] {
        let rounds = m.selection.rounds
        guard let i = rounds.firstIndex(where: { $0.id == roundID }) else {
            _ = try run(m, through: roundID)  // throws the error that names the rounds there are
            return []
        }
        guard i > 0 else { return m.submissions.map(\.id).sorted(by: byteOrder) }
        let run = try run(m, through: rounds[i - 1].id)
        return (run.rounds.last?.passed ?? []).sorted(by: byteOrder)
    }
}
