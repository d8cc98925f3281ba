import { randomBytes } from "node:crypto";

/** In-memory map of random ids to values that expire; the stand-in's codes and sessions need not survive a restart. */
export class TtlStore<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(private readonly ttlMs: number) {}

  create(value: T): string {
    this.sweep();
    const id = randomBytes(32).toString("base64url");
    this.entries.set(id, { value, expiresAt: Date.now() + this.ttlMs });
    return id;
  }

  get(id: string): T | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.value;
  }

  /** Single use: whatever happens next, the id is gone. */
  take(id: string): T | undefined {
    const value = this.get(id);
    this.entries.delete(id);
    return value;
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(id);
  }
}
