/// What `assign` says: the assignment, why none exists, what was written.
public enum AssignText: String, Catalogue {
    public static let domain = "assign"

    // MARK: No assignment possible
    case shortageSpread = "shortage-spread"
    case besidesAssigned = "besides-assigned"
    case shortageAlreadyAssigned = "shortage-already-assigned"
    case shortageNone = "shortage-none"
    case shortageOnly = "shortage-only"
    case becauseSameDistrict = "because-same-district"
    case becauseSameUnit = "because-same-unit"
    case becauseDeclared = "because-declared"
    case fewerReviewersThanPer = "fewer-reviewers-than-per"
    case noAssignment = "no-assignment"
    case dropSpread = "drop-spread"
    case notAScoringRound = "not-a-scoring-round"
    case noScoringRounds = "no-scoring-rounds"
    case poolCannotBeComputed = "pool-cannot-be-computed"
    case perAtLeastOne = "per-at-least-one"
    case nothingWritten = "nothing-written"
    case nothingAssigned = "nothing-assigned"
    case nothingRecorded = "nothing-recorded"

    // MARK: The report
    case summary = "summary"
    case keptFromBefore = "kept-from-before"
    case loads = "loads"
    case asEvenAsPossible = "as-even-as-possible"
    case bestPossible = "best-possible"
    case keptConflict = "kept-conflict"
    case conflictDeclared = "conflict-declared"
    case conflictDistrict = "conflict-district"
    case conflictUnit = "conflict-unit"
    case nothingWrittenHint = "nothing-written-hint"
    case fileWritten = "file-written"
    case fileUnchanged = "file-unchanged"
    case sheetLeftAsItIs = "sheet-left-as-it-is"

    // MARK: Writing
    case sheetComment = "sheet-comment"
    case cannotCreateFolder = "cannot-create-folder"
    case cannotWriteFile = "cannot-write-file"
    case cannotMoveIntoPlace = "cannot-move-into-place"

    // MARK: Help
    case abstract = "abstract"
    case discussion = "discussion"
    case helpRound = "help-round"
    case helpPer = "help-per"
    case helpSeed = "help-seed"
    case helpSpread = "help-spread"
    case helpFormat = "help-format"
    case helpWrite = "help-write"

    public var vietnamese: String {
        switch self {
        case .shortageSpread:
            "{candidate}: {available} người chấm không có xung đột lợi ích với hồ sơ này chỉ thuộc {districts} huyện{besides}, "
                + "mà --spread chỉ cho mỗi huyện một người chấm (K = {k})"
        case .besidesAssigned: " (ngoài huyện của {n} người chấm đã được phân công)"
        case .shortageAlreadyAssigned:
            "{candidate}: đã có {assigned} người chấm được phân công và chỉ còn {available} người khác không có xung đột lợi ích (K = {k}){why}"
        case .shortageNone: "{candidate}: không còn người chấm nào không có xung đột lợi ích (K = {k}){why}"
        case .shortageOnly: "{candidate}: chỉ có {available} người chấm không có xung đột lợi ích (K = {k}){why}"
        case .becauseSameDistrict: "{n} người công tác cùng huyện với hồ sơ"
        case .becauseSameUnit: "{n} người công tác tại đơn vị gửi hồ sơ"
        case .becauseDeclared: "{n} người đã khai có xung đột lợi ích"
        case .fewerReviewersThanPer: "modelbook assign: reviewers.xml có {n} người chấm, ít hơn --per {per}"
        case .noAssignment:
            "modelbook assign: không có cách phân công nào cho mỗi hồ sơ của vòng {round} đủ {per} người chấm không có "
                + "xung đột lợi ích ({n} hồ sơ nêu trên); {nothing}. Hãy giảm --per{spread}, hoặc bổ sung người chấm vào reviewers.xml."
        case .dropSpread: ", bỏ --spread"
        case .notAScoringRound:
            "modelbook assign: {round} không phải vòng xếp hạng (rank) hay chọn tối ưu (optimize) trong selection.xml; "
                + "có thể phân công người chấm cho các vòng: {rounds}"
        case .noScoringRounds: "(không có)"
        case .poolCannotBeComputed: "không tính được các hồ sơ vào vòng này"
        case .perAtLeastOne: "--per phải từ 1 trở lên (số người chấm cho mỗi hồ sơ)"
        case .nothingWritten: "chưa ghi gì"
        case .nothingAssigned: "chưa phân công gì"
        case .nothingRecorded: "chưa ghi gì"

        case .summary:
            "vòng {round}: {pool} hồ sơ, mỗi hồ sơ {per} người chấm, có {reviewers} người chấm; thêm {added} lượt phân công"
        case .keptFromBefore: ", giữ {kept} lượt từ trước"
        case .loads: "số hồ sơ của mỗi người chấm: ít nhất {min}, nhiều nhất {max}"
        case .asEvenAsPossible: " (đều nhất có thể)"
        case .bestPossible:
            " (tốt nhất có thể: không cách phân công nào giữ được mọi người ở mức nhiều nhất {below} hồ sơ, "
                + "và không cách nào cho mọi người ít nhất {above} hồ sơ)"
        case .keptConflict:
            "ghi chú: {reviewer} vẫn giữ {candidate} từ trước nhưng {conflict}: phiếu chấm đó sẽ không được tính, "
                + "nên {candidate} đã được phân công thêm một người chấm khác"
        case .conflictDeclared: "đã khai có xung đột lợi ích"
        case .conflictDistrict: "công tác cùng huyện với hồ sơ ({district})"
        case .conflictUnit: "công tác tại đơn vị gửi hồ sơ ({unit})"
        case .nothingWrittenHint: "chưa ghi gì (thêm --write để ghi vào assignments/{round}.xml và tạo các phiếu chấm)"
        case .fileWritten: "{path}: đã ghi"
        case .fileUnchanged: "{path}: không đổi, không ghi lại"
        case .sheetLeftAsItIs:
            "{path}: để nguyên (đây không còn là phiếu trống đã tạo trước đó: trong đó có phần việc của {reviewer}); "
                + "các hồ sơ {reviewer} cần chấm được liệt kê trong {assignments}"

        case .sheetComment: "Phiếu chấm của {reviewer}, vòng {round}: chấm mỗi hồ sơ dưới đây bằng một <review>."
        case .cannotCreateFolder: "không tạo được thư mục: {why}"
        case .cannotWriteFile: "không ghi được tệp; không có gì bị thay đổi"
        case .cannotMoveIntoPlace: "không chuyển được tệp mới vào chỗ ({why})"

        case .abstract:
            "Phân công K người chấm cho mỗi hồ sơ của một vòng: không có xung đột lợi ích, số hồ sơ của mỗi người đều nhất có thể."
        case .discussion:
            "Các hồ sơ là những hồ sơ vào vòng này, đúng như `select` tính. Mỗi hồ sơ được đúng K người chấm khác nhau "
                + "trong reviewers.xml, không có xung đột lợi ích; số hồ sơ của mỗi người chấm đều nhất mà một cách phân công "
                + "như vậy cho phép (chênh lệch nhiều nhất − ít nhất nhỏ nhất, được chứng minh bằng các lần tìm luồng cực đại). "
                + "Với --write, ghi vào <manuscript>/assignments/<vòng>.xml và tạo một phiếu chấm trống "
                + "reviews/<người chấm>-<vòng>.xml cho mỗi người chấm chưa có (phiếu đã điền thì để nguyên). Chạy lại khi có "
                + "thêm hồ sơ thì giữ mọi phân công cũ và chỉ thêm. Mã thoát: 0 xong, 1 bản thảo có lỗi hoặc không thể phân "
                + "công (có nêu tên các hồ sơ), 64 dùng sai lệnh."
        case .helpRound: "Vòng xếp hạng (rank) hoặc chọn tối ưu (optimize) trong selection.xml."
        case .helpPer: "Số người chấm cho mỗi hồ sơ (từ 1 trở lên)."
        case .helpSeed: "Chọn giữa các cách phân công đều như nhau; cùng một số thì cho cùng một cách phân công (mặc định 0)."
        case .helpSpread: "Không để hai người chấm cùng huyện chấm một hồ sơ."
        case .helpFormat: "Dạng kết quả: text hoặc json."
        case .helpWrite: "Ghi phân công và tạo các phiếu chấm trống."
        }
    }

    public var english: String {
        switch self {
        case .shortageSpread:
            "{candidate}: its {available} reviewers without a conflict come from only {districts} "
                + "{districts|district|districts}{besides}, and --spread allows one reviewer per district (K = {k})"
        case .besidesAssigned: " besides those of its {n} assigned reviewers"
        case .shortageAlreadyAssigned:
            "{candidate}: {assigned} {assigned|reviewer|reviewers} already assigned and only {available} more without a conflict (K = {k}){why}"
        case .shortageNone: "{candidate}: no reviewer without a conflict (K = {k}){why}"
        case .shortageOnly: "{candidate}: only {available} {available|reviewer|reviewers} without a conflict (K = {k}){why}"
        case .becauseSameDistrict: "{n} {n|works|work} in its district"
        case .becauseSameUnit: "{n} {n|works|work} in its unit"
        case .becauseDeclared: "{n} declared a conflict"
        case .fewerReviewersThanPer: "modelbook assign: reviewers.xml has {n} {n|reviewer|reviewers}, fewer than --per {per}"
        case .noAssignment:
            "modelbook assign: no assignment gives every candidate of round {round} {per} {per|reviewer|reviewers} without a "
                + "conflict of interest ({n} {n|candidate|candidates} above); {nothing}. Lower --per{spread}, or add reviewers to reviewers.xml."
        case .dropSpread: ", drop --spread"
        case .notAScoringRound:
            "modelbook assign: {round} is not a rank or optimize round of selection.xml; reviewers are assigned to: {rounds}"
        case .noScoringRounds: "(none)"
        case .poolCannotBeComputed: "the pool cannot be computed"
        case .perAtLeastOne: "--per must be 1 or more (reviewers per candidate)"
        case .nothingWritten: "nothing was written"
        case .nothingAssigned: "nothing was assigned"
        case .nothingRecorded: "nothing was recorded"

        case .summary:
            "round {round}: {pool} {pool|candidate|candidates}, {per} {per|reviewer|reviewers} each, {reviewers} reviewers; "
                + "{added} {added|assignment|assignments} added"
        case .keptFromBefore: ", {kept} kept from before"
        case .loads: "load per reviewer: min {min}, max {max}"
        case .asEvenAsPossible: " (as even as it can be)"
        case .bestPossible:
            " (the best possible: no assignment keeps every load at most {below}, and none gives every reviewer at least {above})"
        case .keptConflict:
            "note: {reviewer} keeps {candidate} from before but {conflict}: that review will not count, "
                + "so {candidate} was given another reviewer"
        case .conflictDeclared: "declared a conflict of interest"
        case .conflictDistrict: "works in the submission's district ({district})"
        case .conflictUnit: "works in the submitting unit ({unit})"
        case .nothingWrittenHint: "nothing written (add --write to record it in assignments/{round}.xml and write the score sheets)"
        case .fileWritten: "{path}: written"
        case .fileUnchanged: "{path}: unchanged, nothing written"
        case .sheetLeftAsItIs:
            "{path}: left as it is (it is not the empty sheet written earlier: it holds {reviewer}'s work); "
                + "{reviewer}'s submissions are listed in {assignments}"

        case .sheetComment:
            "Score sheet of {reviewer}, round {round}: score each submission below with one <review> (see docs/formats.md)."
        case .cannotCreateFolder: "cannot create the folder: {why}"
        case .cannotWriteFile: "cannot write the file; nothing was changed"
        case .cannotMoveIntoPlace: "cannot move the new file into place ({why})"

        case .abstract: "Assign K reviewers to every candidate of a round: no conflict of interest, loads as even as possible."
        case .discussion:
            "The candidates are those that enter the round, as `select` computes them. Every candidate gets exactly K "
                + "distinct reviewers of reviewers.xml without a conflict of interest; the reviewers' loads are as even as any "
                + "such assignment allows (the smallest max − min, proven by flow searches). With --write, records it in "
                + "<manuscript>/assignments/<round>.xml and writes an empty score sheet reviews/<reviewer>-<round>.xml for each "
                + "reviewer who has none (a sheet already filled in is left as it is). Running again after new candidates "
                + "arrive keeps every earlier assignment and only adds. Exit status: 0 done, 1 manuscript errors or no "
                + "assignment possible (the candidates are named), 64 usage."
        case .helpRound: "The rank or optimize round of selection.xml."
        case .helpPer: "Reviewers per candidate (1 or more)."
        case .helpSeed: "Picks among equally balanced assignments; the same seed gives the same assignment (default 0)."
        case .helpSpread: "No two reviewers of one candidate from the same district."
        case .helpFormat: "Output format: text or json."
        case .helpWrite: "Record the assignment and write the empty score sheets."
        }
    }
}
