// A pure parser of the text/event-stream format (the subset `serve` writes, plus what the spec allows:
// CRLF or LF lines, several data lines, comments, `retry:`), fed chunk by chunk.

/** One dispatched event. */
export interface SseMessage {
  event: string;
  data: string;
}

/** Largest pending (unterminated) event accepted; a stream that exceeds it is broken or hostile. */
export const MAX_EVENT_BYTES = 4 * 1024 * 1024;

/** Incremental SSE parser: `feed` returns the events completed by a chunk. */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private dataSize = 0;
  /** The last `retry:` the server sent (ms), if any. */
  retryMs: number | undefined;

  /** Parses `chunk`; throws when one event grows past MAX_EVENT_BYTES. */
  feed(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    let start = 0;
    for (;;) {
      const nl = this.buffer.indexOf('\n', start);
      if (nl < 0) break;
      let line = this.buffer.slice(start, nl);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      start = nl + 1;
      this.line(line, out);
    }
    this.buffer = this.buffer.slice(start);
    if (this.buffer.length + this.dataSize > MAX_EVENT_BYTES)
      throw new Error(`an event on the stream is larger than ${MAX_EVENT_BYTES} bytes`);
    return out;
  }

  private line(line: string, out: SseMessage[]): void {
    if (line === '') {
      if (this.data.length > 0) out.push({ event: this.event || 'message', data: this.data.join('\n') });
      this.event = '';
      this.data = [];
      this.dataSize = 0;
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') {
      this.data.push(value);
      this.dataSize += value.length;
    } else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
  }
}
