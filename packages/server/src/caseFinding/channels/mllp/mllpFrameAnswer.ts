// What one MLLP frame gets back. A frame must hold exactly one HL7 message (or one HL7 batch, FHS/BHS …
// BTS/FTS); anything else is refused with AR and the reason, so that a second patient's message can
// never be read as part of the first.
import { randomUUID } from 'node:crypto';
import type { Hl7Message } from '@medplum/core';
import { Hl7Context, Hl7Segment } from '@medplum/core';
import iconv from 'iconv-lite';
import { buildAck, formatHl7Timestamp } from './ack';
import { rawControlId } from '../../parsers/hl7v2/parseAdt';
import { isEnvelopeSegment, splitHl7Messages } from '../../parsers/hl7v2/splitMessages';
import type { FrameEvent } from './mllpFrames';
import type { ImportRowError } from '../../parsers/types';

/** Answers one message (the import of one ADT message). */
export type MessageAnswerer = (text: string) => Promise<Hl7Message>;

/** Bytes of a frame as text: UTF-8 when they are valid UTF-8 (what senders use), else Windows-1252. */
export function decodeFrame(payload: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(payload);
  } catch {
    return iconv.decode(payload, 'windows-1252');
  }
}

function segmentsOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((s) => s.trim() !== '');
}

function ackBase(clock: () => Date) {
  return {
    timestamp: formatHl7Timestamp(clock()),
    controlId: randomUUID().replace(/-/g, '').slice(0, 20),
  };
}

function answerWithoutMessage(
  code: 'AR' | 'AE',
  text: string,
  error: Omit<ImportRowError, 'row'>,
  clock: () => Date,
): Hl7Message {
  const firstMsh = segmentsOf(text).find((s) => s.startsWith('MSH')) ?? '';
  const controlId = rawControlId(firstMsh);
  return buildAck(null, code, {
    ...ackBase(clock),
    errors: [{ row: 1, ...error }],
    ...(controlId === '' ? {} : { originalControlId: controlId }),
  });
}

/** AR for bytes that cannot be taken as a message; MSA-2 echoes the control ID when it can be read. */
export function refusal(text: string, error: Omit<ImportRowError, 'row'>, clock: () => Date): Hl7Message {
  return answerWithoutMessage('AR', text, error, clock);
}

/** AE when answering failed inside Osteopad: the sender may send the message again. */
export function failure(text: string, clock: () => Date): Hl7Message {
  return answerWithoutMessage(
    'AE',
    text,
    { field: '', code: 'mllp.internal', message: 'the message could not be processed; send it again later' },
    clock,
  );
}

/** The answer to a framing problem (unframed data, frame too large, unfinished frame). */
export function answerFrameProblem(
  event: Extract<FrameEvent, { kind: 'problem' }>,
  clock: () => Date,
): Hl7Message {
  return refusal(decodeFrame(event.head), { field: 'MLLP', code: event.code, message: event.message }, clock);
}

/**
 * Answers the text of one frame: the ACK of its one message, the batch of ACKs of an HL7 batch, or AR
 * when the frame holds no message or more than one.
 */
export async function answerFrameText(
  text: string,
  answer: MessageAnswerer,
  clock: () => Date,
): Promise<Hl7Message | Hl7Batch> {
  const segments = segmentsOf(text);
  if (isEnvelopeSegment(segments[0] ?? '')) return answerBatch(text, segments, answer, clock);
  return answerOneMessage(text, segments, answer, clock);
}

function answerOneMessage(
  text: string,
  segments: readonly string[],
  answer: MessageAnswerer,
  clock: () => Date,
): Promise<Hl7Message> {
  const first = segments[0] ?? '';
  if (!first.startsWith('MSH')) {
    return Promise.resolve(
      refusal(
        text,
        {
          field: 'MSH',
          code: 'hl7.missingMsh',
          message:
            first === ''
              ? 'the frame is empty: it holds no HL7 message'
              : `the frame does not start with an MSH segment (it starts with "${first.slice(0, 3)}")`,
        },
        clock,
      ),
    );
  }
  const second = segments.findIndex((s, i) => i > 0 && s.startsWith('MSH'));
  if (second > 0) {
    return Promise.resolve(
      refusal(
        text,
        {
          field: `segment ${second + 1}`,
          code: 'mllp.severalMessages',
          message: `the frame holds more than one message (a second MSH at segment ${second + 1}); send each message in its own frame`,
        },
        clock,
      ),
    );
  }
  return answer(text);
}

/** An HL7 batch of acknowledgements (BHS, one ACK per message, BTS; inside FHS … FTS when the request had one). */
export class Hl7Batch {
  constructor(
    readonly header: readonly Hl7Segment[],
    readonly acks: readonly Hl7Message[],
    readonly trailer: readonly Hl7Segment[],
  ) {}

  toString(): string {
    return [
      ...this.header.map((s) => s.toString()),
      ...this.acks.map((a) => a.toString()),
      ...this.trailer.map((s) => s.toString()),
    ].join('\r');
  }
}

async function answerBatch(
  text: string,
  segments: readonly string[],
  answer: MessageAnswerer,
  clock: () => Date,
): Promise<Hl7Batch> {
  const context = new Hl7Context();
  const messages = splitHl7Messages(text);
  const acks: Hl7Message[] = [];
  // The envelope is gone from each message's text: every one is answered as a message of its own.
  for (const message of messages) {
    acks.push(await answerOneMessage(message.text, segmentsOf(message.text), answer, clock));
  }
  const { timestamp, controlId } = ackBase(clock);
  const withFile = segments[0]?.startsWith('FHS') === true;
  const envelope = (name: 'FHS' | 'BHS') =>
    new Hl7Segment([name, context.getMsh2(), 'OSTEOPAD', '', '', '', timestamp, '', '', controlId], context);
  const header = withFile ? [envelope('FHS'), envelope('BHS')] : [envelope('BHS')];
  const trailer = [new Hl7Segment(['BTS', String(acks.length)], context)];
  if (withFile) trailer.push(new Hl7Segment(['FTS', '1'], context));
  return new Hl7Batch(header, acks, trailer);
}
