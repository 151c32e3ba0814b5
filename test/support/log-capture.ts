export type LogLine = Record<string, unknown> & { msg?: string; level: number; requestId?: string; context?: string };

/** A pino destination that keeps what it is given: the raw text (for "never logged" checks) and the parsed JSON lines. */
export class LogCapture {
  readonly raw: string[] = [];

  write(chunk: string): void {
    this.raw.push(chunk);
  }

  get lines(): LogLine[] {
    return this.raw
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogLine);
  }

  get text(): string {
    return this.raw.join('');
  }

  /** Polls until lines matching `predicate` have been logged (access lines are written when the response finishes, which may be after the client has it). */
  async waitFor(predicate: (line: LogLine) => boolean, count = 1, timeoutMs = 10_000): Promise<LogLine[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines.filter(predicate);
      if (found.length >= count) return found;
      if (Date.now() > deadline) throw new Error(`expected ${count} log line(s) matching, found ${found.length}:\n${this.text.slice(-4000)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
