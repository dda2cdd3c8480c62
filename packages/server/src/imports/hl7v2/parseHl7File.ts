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

export async function* parseHl7Fractures(
  input: AsyncIterable<unknown>,
  options: Hl7FileOptions,
): AsyncGenerator<ImportItem, void, undefined> {
  for await (const result of parseHl7Messages(input, options)) {
    yield* result.rows;
    if (result.patientUpdate !== undefined) yield result.patientUpdate;
  }
}
