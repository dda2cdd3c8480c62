// A file of HL7 v2 messages → results per message (for reports) or a flat row stream (like CSV and FHIR).
import type { TextEncodingOption } from '../encoding';
import { ImportFileError, type ImportItem } from '../types';
import { parseAdtMessage, type AdtMessageResult } from './parseAdt';
import { readHl7Messages } from './splitMessages';

export interface Hl7FileOptions {
  today: string;
  encoding?: TextEncodingOption;
  onProgress?: (bytesRead: number) => void;
}

export async function* parseHl7Messages(
  input: AsyncIterable<unknown>,
  options: Hl7FileOptions,
): AsyncGenerator<AdtMessageResult, void, undefined> {
  let count = 0;
  const readOptions = {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  };
  for await (const raw of readHl7Messages(input, readOptions)) {
    count++;
    yield parseAdtMessage(raw.text, { today: options.today, messageNumber: raw.number });
  }
  if (count === 0) throw new ImportFileError('file.empty', 'The file contains no HL7 messages.');
}

/** Message types and events Osteopad does not read: passed over in an exported file, refused over MLLP. */
const NOT_TAKEN = new Set(['hl7.unsupportedMessageType', 'hl7.unsupportedEvent']);

function notTaken(result: AdtMessageResult): boolean {
  return (
    result.status === 'rejected' &&
    result.errors.length > 0 &&
    result.errors.every((e) => NOT_TAKEN.has(e.code))
  );
}

/**
 * The registrations of an HL7 v2 file. An exported feed holds every kind of message (discharges, merges,
 * orders …): those Osteopad does not take are skipped with a warning each. A file that holds none that it
 * takes is refused as a whole — most likely the wrong file.
 */
export async function* parseHl7Fractures(
  input: AsyncIterable<unknown>,
  options: Hl7FileOptions,
): AsyncGenerator<ImportItem, void, undefined> {
  let taken = 0;
  const skippedTypes = new Set<string>();
  for await (const result of parseHl7Messages(input, options)) {
    if (notTaken(result)) {
      skippedTypes.add(result.messageType ?? '?');
      yield {
        kind: 'skipped',
        row: result.messageNumber,
        warnings: result.errors.map((e) => ({
          ...e,
          code: 'hl7.messageSkipped',
          message:
            `message ${result.controlId ?? ''} (${result.messageType ?? '?'}) was skipped: ${e.message}`.replace(
              '  ',
              ' ',
            ),
        })),
      };
      continue;
    }
    taken++;
    yield* result.rows;
    if (result.patientUpdate !== undefined) yield result.patientUpdate;
  }
  if (taken === 0) {
    throw new ImportFileError(
      'hl7.noSupportedMessages',
      `The file holds no message Osteopad takes (found ${[...skippedTypes].join(', ')}); send ADT^A01, ADT^A04 or ADT^A08.`,
      ['MSH-9'],
    );
  }
}
