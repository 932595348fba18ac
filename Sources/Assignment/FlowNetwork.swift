/// A flow network with integer capacities and Dinic's maximum flow.
///
/// Edges are stored in pairs (an edge and its reverse), so `edge ^ 1` is the reverse. Capacities
/// may be raised between runs: `maxFlow` continues from the flow already there, and a path from
/// the source to the sink never takes flow back from an edge into the sink.
struct FlowNetwork {
    private(set) var nodeCount: Int
    private var head: [Int32]
    private var next: [Int32] = []
    private(set) var to: [Int32] = []
    private(set) var capacity: [Int32] = []
    private(set) var flow: [Int32] = []

    init(nodes: Int) {
        nodeCount = nodes
        head = Array(repeating: -1, count: nodes)
    }

    /// Adds a node; returns its index.
    mutating func addNode() -> Int {
        head.append(-1)
        nodeCount += 1
        return nodeCount - 1
    }

    /// The flow leaving `node`.
    func currentFlow(out node: Int) -> Int {
        edges(from: node).reduce(0) { $0 + max(0, Int(flow[$1])) }
    }

    mutating func reserveEdges(_ n: Int) {
        next.reserveCapacity(2 * n)
        to.reserveCapacity(2 * n)
        capacity.reserveCapacity(2 * n)
        flow.reserveCapacity(2 * n)
    }

    /// Adds an edge `from → to` and its reverse; returns the edge's index.
    @discardableResult
    mutating func addEdge(_ from: Int, _ to: Int, capacity: Int) -> Int {
        let e = self.to.count
        self.to.append(Int32(to)); self.capacity.append(Int32(capacity)); flow.append(0); next.append(head[from]); head[from] = Int32(e)
        self.to.append(Int32(from)); self.capacity.append(0); flow.append(0); next.append(head[to]); head[to] = Int32(e + 1)
        return e
    }

    mutating func setCapacity(_ edge: Int, _ c: Int) { capacity[edge] = Int32(c) }

    /// Removes all flow.
    mutating func reset() {
        for i in flow.indices { flow[i] = 0 }
    }

    func residual(_ e: Int) -> Int { Int(capacity[e] - flow[e]) }

    /// The edges leaving `node`, most recently added first.
    func edges(from node: Int) -> EdgeSequence { EdgeSequence(first: head[node], next: next) }

    struct EdgeSequence: Sequence, IteratorProtocol {
        var current: Int32
        let nextOf: [Int32]
        init(first: Int32, next: [Int32]) {
            current = first
            nextOf = next
        }
        mutating func next() -> Int? {
            guard current >= 0 else { return nil }
            defer { current = nextOf[Int(current)] }
            return Int(current)
        }
    }

    /// Pushes one unit along a path of edges (each must have residual capacity).
    mutating func push(along path: [Int]) {
        for e in path {
            flow[e] += 1
            flow[e ^ 1] -= 1
        }
    }

    /// Augments from `source` to `sink` until no path is left; returns the flow added.
    mutating func maxFlow(from source: Int, to sink: Int) -> Int {
        var total = 0
        var level = [Int32](repeating: -1, count: nodeCount)
        var cursor = [Int32](repeating: -1, count: nodeCount)
        var queue = [Int32](repeating: 0, count: nodeCount)
        var stack: [Int32] = []
        while true {
            // Levels by breadth-first search over edges with room left.
            for i in level.indices { level[i] = -1 }
            level[source] = 0
            queue[0] = Int32(source)
            var qHead = 0, qTail = 1
            while qHead < qTail {
                let u = Int(queue[qHead]); qHead += 1
                var e = head[u]
                while e >= 0 {
                    let v = Int(to[Int(e)])
                    if level[v] < 0 && capacity[Int(e)] > flow[Int(e)] {
                        level[v] = level[u] + 1
                        queue[qTail] = Int32(v); qTail += 1
                    }
                    e = next[Int(e)]
                }
            }
            guard level[sink] >= 0 else { return total }
            cursor = head
            // Blocking flow: depth-first, iteratively; each path carries the smallest residual on it.
            while true {
                stack.removeAll(keepingCapacity: true)
                var u = source
                var found = false
                while true {
                    if u == sink { found = true; break }
                    var advanced = false
                    while cursor[u] >= 0 {
                        let e = Int(cursor[u])
                        let v = Int(to[e])
                        if capacity[e] > flow[e] && level[v] == level[u] + 1 {
                            stack.append(Int32(e))
                            u = v
                            advanced = true
                            break
                        }
                        cursor[u] = next[e]
                    }
                    if advanced { continue }
                    // Dead end: retreat.
                    guard let last = stack.popLast() else { break }
                    level[u] = -1
                    u = Int(to[Int(last) ^ 1])
                    cursor[u] = next[Int(cursor[u])]
                }
                guard found else { break }
                var push = Int32.max
                for e in stack { push = min(push, capacity[Int(e)] - flow[Int(e)]) }
                for e in stack {
                    flow[Int(e)] += push
                    flow[Int(e) ^ 1] -= push
                }
                total += Int(push)
            }
        }
    }
}
