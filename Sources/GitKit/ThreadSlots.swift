/// One value per index, each written by the one thread that works on that index and read
/// once all are done (after `DispatchQueue.concurrentPerform` returns): no lock is taken.
final class ThreadSlots<Value>: @unchecked Sendable {
    private let values: UnsafeMutableBufferPointer<Value>

    init(count: Int, initial: Value) {
        values = .allocate(capacity: count)
        values.initialize(repeating: initial)
    }

    subscript(index: Int) -> Value {
        get { values[index] }
        set { values[index] = newValue }
    }

    deinit {
        values.deinitialize()
        values.deallocate()
    }
}
