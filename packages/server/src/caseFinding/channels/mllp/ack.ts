// HL7 v2 acknowledgements (original mode) for the MLLP listener: MSH + MSA, plus one ERR per problem.
import { Hl7Context, Hl7Message, Hl7Segment } from '@medplum/core';
import type { ImportRowError, ImportRowWarning } from '../../parsers/types';
import { escapeHl7 } from '../../parsers/hl7v2/escaping';
import type { AdtMessageResult } from '../../parsers/hl7v2/parseAdt';
import { text } from '../../parsers/hl7v2/segments';

export type AckCode = 'AA' | 'AE' | 'AR';

export interface AckOptions {
  /** MSH-7 of the ACK, HL7 TS (YYYYMMDDHHMMSS). Passed in: no clock here. */
  timestamp: string;
  /** MSH-10 of the ACK itself (unique per ACK sent). */
  controlId: string;
  /** MSA-3, and ERR-8 when no errors are given. */
  text?: string;
  errors?: readonly ImportRowError[];
  /**
   * Points the message was accepted with but that deserve a look (site not placed, date from PV1-44 …):
   * one ERR with severity W each, HL7 error code 0 (message accepted).
   */
  warnings?: readonly ImportRowWarning[];
  /** MSH-3/MSH-4 of the ACK when the original message could not be read. */
  application?: string;
  facility?: string;
  /** MSA-2 when `original` is null but its control ID could still be read. */
  originalControlId?: string;
}

/** HL7 table 0357 (message error condition codes). */
function hl7ErrorCode(code: string): readonly [string, string] {
  if (code === 'hl7.unsupportedMessageType') return ['200', 'Unsupported message type'];
  if (code === 'hl7.unsupportedEvent') return ['201', 'Unsupported event code'];
  if (code === 'hl7.version') return ['203', 'Unsupported version id'];
  if (code === 'hl7.missingMsh' || code === 'hl7.missingSegment' || code === 'hl7.segmentSyntax')
    return ['100', 'Segment sequence error'];
  if (code === 'field.required' || code === 'patient.identifierMissing' || code === 'hl7.controlId')
    return ['101', 'Required field missing'];
  if (
    code.startsWith('date.') ||
    code.startsWith('text.') ||
    code.startsWith('bsn.') ||
    code === 'hl7.fieldSeparator' ||
    code === 'hl7.encodingCharacters'
  ) {
    return ['102', 'Data type error'];
  }
  if (code.endsWith('.value')) return ['103', 'Table value not found'];
  return ['207', 'Application internal error'];
}

/** "PID-7" → PID^1^7; "DG1[2]-5" → DG1^2^5 (ERR-2, error location). */
function errorLocation(field: string, context: Hl7Context): string {
  const match = /^([A-Z][A-Z0-9]{2})(?:\[(\d+)\])?(?:-(\d+))?$/.exec(field);
  if (match === null) return '';
  const [, segment = '', sequence = '1', position] = match;
  return (position === undefined ? [segment, sequence] : [segment, sequence, position]).join(
    context.componentSeparator,
  );
}

const DEFAULT_CONTEXT = new Hl7Context();

/** MSA-3 is 80 characters in v2.3–2.5. */
function shorten(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/**
 * Builds the ACK for `original` (null when it could not be parsed at all: MSA-2 is then empty).
 * Sender and receiver are swapped; MSH-9 is ACK^<event>^ACK; MSA-2 echoes the original MSH-10.
 */
export function buildAck(original: Hl7Message | null, code: AckCode, options: AckOptions): Hl7Message {
  const context = original?.context ?? DEFAULT_CONTEXT;
  const msh = original?.getSegment('MSH');
  const esc = (value: string): string => escapeHl7(value, context);
  const event = text(msh, 9, 2);
  const version = text(msh, 12) || '2.5';
  const processingId = text(msh, 11) || 'P';
  const header = new Hl7Segment(
    [
      'MSH',
      context.getMsh2(),
      esc(text(msh, 5) || options.application || 'OSTEOPAD'),
      esc(text(msh, 6) || options.facility || ''),
      esc(text(msh, 3)),
      esc(text(msh, 4)),
      options.timestamp,
      '',
      ['ACK', event, 'ACK'].join(context.componentSeparator),
      esc(options.controlId),
      processingId,
      version,
    ],
    context,
  );
  const summary = options.text ?? options.errors?.map((e) => `${e.field}: ${e.message}`).join('; ') ?? '';
  const msa = new Hl7Segment(
    ['MSA', code, esc(text(msh, 10) || (options.originalControlId ?? '')), esc(shorten(summary, 80))],
    context,
  );
  const errSegment = (error: ImportRowError, severity: 'E' | 'W'): Hl7Segment => {
    const [hl7Code, hl7Text] = severity === 'W' ? ['0', 'Message accepted'] : hl7ErrorCode(error.code);
    return new Hl7Segment(
      [
        'ERR',
        '',
        errorLocation(error.field, context),
        [hl7Code, hl7Text, 'HL70357'].join(context.componentSeparator),
        severity,
        esc(error.code),
        '',
        '',
        esc(error.field === '' ? error.message : `${error.field}: ${error.message}`),
      ],
      context,
    );
  };
  const errors = options.errors ?? [];
  const errSegments = [
    ...(errors.length > 0
      ? errors
      : code === 'AA' || summary === ''
        ? []
        : [{ row: 0, field: '', code: 'import', message: summary }]
    ).map((error) => errSegment(error, 'E')),
    ...(options.warnings ?? []).map((warning) => errSegment(warning, 'W')),
  ];
  return new Hl7Message([header, msa, ...errSegments], context);
}

export function ackCodeFor(result: AdtMessageResult): AckCode {
  switch (result.status) {
    case 'accepted':
      return 'AA';
    case 'error':
      return 'AE';
    case 'rejected':
      return 'AR';
  }
}

/** The ACK an MLLP listener sends back for a parsed message. */
export function buildAckForResult(result: AdtMessageResult, options: Omit<AckOptions, 'errors'>): Hl7Message {
  return buildAck(result.message ?? null, ackCodeFor(result), {
    ...options,
    errors: result.errors,
    ...(result.controlId === undefined ? {} : { originalControlId: result.controlId }),
  });
}

/** HL7 TS from a Date, in UTC, for callers that own the clock. */
export function formatHl7Timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
