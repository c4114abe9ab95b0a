/** A first-in first-out queue with a fixed capacity; `offer` refuses instead of growing. */
export class BoundedQueue<T> {
  private items: T[] = [];
  private head = 0;

  constructor(readonly capacity: number) {
    if (!(capacity > 0)) throw new RangeError('kernel/BoundedQueue: capacity must be positive');
  }

  /** Number of queued items. */
  get length(): number {
    return this.items.length - this.head;
  }

  /** Adds an item; false when the queue is full. */
  offer(item: T): boolean {
    if (this.length >= this.capacity) return false;
    this.items.push(item);
    return true;
  }

  /** Removes and returns up to `max` items, oldest first. */
  drain(max = Infinity): T[] {
    const n = Math.min(max, this.length);
    const out = this.items.slice(this.head, this.head + n);
    this.head += n;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return out;
  }
}
