import { parseCsvFractures } from '../parsers/csv/parseCsvFractures';
import { parseFhirFractures } from '../parsers/fhir/parseBundle';
import { parseHl7Fractures } from '../parsers/hl7v2/parseHl7File';
import type { TextEncodingOption } from '../parsers/encoding';
import type { ImportItem } from '../parsers/types';
import type { ImportFormatName } from './importRegistrations';

/**
 * The system a CSV's `patient_id` values belong to, unless the import names another: the hospital's
 * own patient numbers. It must stay the same across files, or the same number would make two patients.
 */
export const DEFAULT_SOURCE_SYSTEM = 'hospital';

export interface ParseOptions {
  today: string;
  encoding?: TextEncodingOption;
  /** The system the CSV `patient_id` values come from (patient identity without BSN). */
  sourceSystem?: string;
  onBytes?: (bytesRead: number) => void;
}

/** The one entry from bytes to fracture registrations (and HL7 patient updates), whatever the format. */
export function parseRegistrations(
  format: ImportFormatName,
  input: AsyncIterable<unknown>,
  options: ParseOptions,
): AsyncGenerator<ImportItem, void, undefined> {
  const common = {
    today: options.today,
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.onBytes === undefined ? {} : { onProgress: options.onBytes }),
  };
  switch (format) {
    case 'csv':
      return parseCsvFractures(input, {
        ...common,
        ...(options.sourceSystem === undefined ? {} : { sourceSystem: options.sourceSystem }),
      });
    case 'hl7v2':
      return parseHl7Fractures(input, common);
    case 'fhir':
      return parseFhirFractures(input, {
        today: options.today,
        ...(options.onBytes === undefined ? {} : { onProgress: options.onBytes }),
      });
  }
}
