// MLLP framing (HL7 v2 Minimal Lower Layer Protocol): every message travels as VT <message> FS CR. TCP
// delivers bytes, not messages, so one read may hold half a frame, several frames, or a frame's final CR
// alone. This reader turns whatever chunks arrive into whole frames, one per message, and names every
// violation so that the peer always gets an answer. Pure: no sockets, no clock (the caller says when the
// line went quiet).

export const VT = 0x0b;
export const FS = 0x1c;
export const CR = 0x0d;

/** Why bytes could not be taken as a frame; each becomes an AR for the peer. */
export type FrameProblemCode =
  /** Bytes outside VT … FS CR (an unframed message, or garbage between frames). */
  | 'mllp.unframed'
  /** A VT arrived before the current frame was closed by FS CR: the unfinished message is refused. */
  | 'mllp.vtInsideFrame'
  /** The frame grew past the size limit; its bytes are dropped up to its FS. */
  | 'mllp.frameTooLarge'
  /** The connection went quiet (or closed) in the middle of a frame. */
  | 'mllp.incompleteFrame';

export type FrameEvent =
  | { kind: 'frame'; payload: Buffer }
  | {
      kind: 'problem';
      code: FrameProblemCode;
      message: string;
      /** The first bytes of what was refused (at most HEAD_BYTES), to read MSH-10 for the answer. */
      head: Buffer;
    };

/** Enough of a message to read its MSH segment for the ACK; the rest of a refused message is dropped. */
const HEAD_BYTES = 2048;

type State =
  /** Between frames: CR, LF, spaces and tabs are ignored; anything else is unframed data. */
  | 'idle'
  /** Non-blank bytes outside a frame are being collected (only their head is kept). */
  | 'unframed'
  /** Inside VT … */
  | 'frame'
  /** Inside a frame and an FS came last: a CR closes the frame. */
  | 'frameFs'
  /** Inside a frame that passed the size limit: everything up to FS is dropped. */
  | 'discard'
  /** Unframed data that ended with FS: a CR belongs to it. */
  | 'unframedFs';

/** Position of the next VT or FS at or after `from`, or the chunk's length. */
function nextFrameByte(chunk: Buffer, from: number): number {
  const fs = chunk.indexOf(FS, from);
  const vt = chunk.indexOf(VT, from);
  if (fs < 0) return vt < 0 ? chunk.length : vt;
  return vt < 0 ? fs : Math.min(fs, vt);
}

function isBlank(byte: number): boolean {
  return byte === CR || byte === 0x0a || byte === 0x20 || byte === 0x09;
}

export interface MllpFrameReaderOptions {
  /** Largest frame payload accepted, in bytes. */
  maxFrameBytes: number;
}

export class MllpFrameReader {
  private state: State = 'idle';
  private parts: Buffer[] = [];
  private size = 0;
  private head: number[] = [];

  constructor(private readonly options: MllpFrameReaderOptions) {}

  /** True while a frame or unframed data is open: the caller should expect more bytes soon. */
  get pending(): boolean {
    return this.state !== 'idle';
  }

  /**
   * What a quiet line means now: `frame` while a frame (or a refused, oversized one) is being read — a slow
   * sender may pause; `loose` for unframed data or an FS still waiting for its CR — nothing more is due.
   */
  get waiting(): 'nothing' | 'frame' | 'loose' {
    if (this.state === 'idle') return 'nothing';
    return this.state === 'frame' || this.state === 'discard' ? 'frame' : 'loose';
  }

  /** Bytes held for the frame being read (bounded by maxFrameBytes). */
  get bufferedBytes(): number {
    return this.size;
  }

  push(chunk: Buffer): FrameEvent[] {
    const events: FrameEvent[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (this.state === 'frame') {
        // Jump to the next frame byte: the message text in between is taken as it is.
        const stop = nextFrameByte(chunk, i);
        const room = this.options.maxFrameBytes - this.size;
        if (stop - i > room) {
          this.append(chunk.subarray(i, i + Math.max(room, 0)));
          events.push(this.tooLarge());
          i += Math.max(room, 0);
          continue;
        }
        this.append(chunk.subarray(i, stop));
        i = stop;
        if (i >= chunk.length) break;
        if (chunk[i] === FS) {
          this.state = 'frameFs';
        } else {
          events.push(this.problem('mllp.vtInsideFrame', VT_INSIDE, this.takeFrame()));
          this.openFrame();
        }
        i++;
        continue;
      }
      const byte = chunk[i] ?? 0;
      i++;
      switch (this.state) {
        case 'idle':
          if (byte === VT) this.openFrame();
          else if (!isBlank(byte)) {
            this.state = byte === FS ? 'unframedFs' : 'unframed';
            this.keepHead(byte);
          }
          break;
        case 'unframed':
        case 'unframedFs':
          if (byte === VT) {
            events.push(this.unframedProblem());
            this.openFrame();
          } else if (this.state === 'unframedFs' && byte === CR) {
            events.push(this.unframedProblem());
            this.state = 'idle';
          } else {
            this.state = byte === FS ? 'unframedFs' : 'unframed';
            this.keepHead(byte);
          }
          break;
        case 'frameFs':
          if (byte === CR) {
            events.push({ kind: 'frame', payload: this.takeFrame() });
            this.state = 'idle';
          } else if (byte === VT) {
            // FS without its CR, then the next frame: lenient senders do this; the frame is complete.
            events.push({ kind: 'frame', payload: this.takeFrame() });
            this.openFrame();
          } else {
            // An FS inside the message that was not its end: it is data; read this byte again as data.
            if (this.size + 1 > this.options.maxFrameBytes) {
              events.push(this.tooLarge());
            } else {
              this.append(Buffer.from([FS]));
              this.state = 'frame';
            }
            i--;
          }
          break;
        case 'discard':
          if (byte === FS) this.state = 'idle';
          else if (byte === VT) this.openFrame();
          break;
      }
    }
    return events;
  }

  /**
   * The connection went quiet (or is closing): an FS whose CR never came still closes its frame; unframed
   * data is refused; a frame without its end is refused as incomplete.
   */
  flush(): FrameEvent[] {
    switch (this.state) {
      case 'idle':
      case 'discard':
        this.state = 'idle';
        return [];
      case 'frameFs':
        this.state = 'idle';
        return [{ kind: 'frame', payload: this.takeFrame() }];
      case 'unframed':
      case 'unframedFs': {
        const event = this.unframedProblem();
        this.state = 'idle';
        return [event];
      }
      case 'frame': {
        const event = this.problem('mllp.incompleteFrame', INCOMPLETE, this.takeFrame());
        this.state = 'idle';
        return [event];
      }
    }
  }

  private openFrame(): void {
    this.state = 'frame';
    this.parts = [];
    this.size = 0;
  }

  private append(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.parts.push(bytes);
    this.size += bytes.length;
  }

  private takeFrame(): Buffer {
    const payload =
      this.parts.length === 1 && this.parts[0] !== undefined ? this.parts[0] : Buffer.concat(this.parts);
    this.parts = [];
    this.size = 0;
    // A frame is handed on: its bytes must not change if the socket's buffer is reused.
    return Buffer.from(payload);
  }

  private tooLarge(): FrameEvent {
    const head = this.takeFrame();
    this.state = 'discard';
    return this.problem(
      'mllp.frameTooLarge',
      `the message is larger than ${this.options.maxFrameBytes} bytes; it was not read`,
      head,
    );
  }

  private keepHead(byte: number): void {
    if (this.head.length < HEAD_BYTES) this.head.push(byte);
  }

  private unframedProblem(): FrameEvent {
    const head = Buffer.from(this.head);
    this.head = [];
    return this.problem('mllp.unframed', UNFRAMED, head);
  }

  private problem(code: FrameProblemCode, message: string, bytes: Buffer): FrameEvent {
    return { kind: 'problem', code, message, head: Buffer.from(bytes.subarray(0, HEAD_BYTES)) };
  }
}

const UNFRAMED =
  'data outside an MLLP frame: every message must start with VT (0x0B) and end with FS CR (0x1C 0x0D)';
const VT_INSIDE =
  'a new frame (VT) began before this message ended with FS CR; the unfinished message was not read';
const INCOMPLETE = 'the message ended without FS CR (the connection went quiet or closed); it was not read';

/** Wraps a message (segments joined by CR) in VT … FS CR. */
export function frameMessage(text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  const out = Buffer.allocUnsafe(body.length + 3);
  out[0] = VT;
  body.copy(out, 1);
  out[body.length + 1] = FS;
  out[body.length + 2] = CR;
  return out;
}
