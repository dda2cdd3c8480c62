// The clinical configuration as the API answers it: every value with its allowed shape, where it comes from
// and who confirmed it, and the values still to be confirmed (the shell's notice).
import {
  CONFIG_KEYS,
  configIdentity,
  configValueShape,
  listUnconfirmedValues,
  type ConfigEntry,
  type ValueShape,
} from '@osteopad/clinical';
import type {
  ClinicalConfig as ClinicalConfigAnswer,
  ConfigLeafShape,
  ConfigValueShape,
} from '@osteopad/contract';
import type { CurrentClinicalConfig } from './clinicalConfigs';

function leafShapeView(shape: ValueShape): ConfigLeafShape {
  switch (shape.kind) {
    case 'number':
    case 'boolean':
      return shape;
    case 'enum':
      return { kind: 'enum', values: [...shape.values] };
    case 'nullable':
    case 'list':
    case 'record':
    case 'calciumTable':
      // The contract carries one level of nesting: the engine has no deeper value (clinicalConfig.int.test.ts).
      throw new Error(`A ${shape.kind} value inside another value: the contract carries it at the top only.`);
  }
}

/** The engine's value shape as the contract carries it. */
export function shapeView(shape: ValueShape): ConfigValueShape {
  switch (shape.kind) {
    case 'nullable':
      return { kind: 'nullable', inner: leafShapeView(shape.inner) };
    case 'list':
      return { ...shape, item: leafShapeView(shape.item) };
    case 'record':
      return { kind: 'record', keys: [...shape.keys], item: leafShapeView(shape.item) };
    case 'calciumTable':
      return shape;
    case 'number':
    case 'boolean':
    case 'enum':
      return leafShapeView(shape);
  }
}

export function clinicalConfigView({ number, config }: CurrentClinicalConfig): ClinicalConfigAnswer {
  return {
    ...configIdentity(config),
    versionNumber: number,
    entries: CONFIG_KEYS.map((key) => {
      const entry: ConfigEntry<unknown> = config.entries[key];
      return {
        key,
        value: entry.value,
        shape: shapeView(configValueShape(key)),
        marker: entry.marker,
        source: entry.source,
        description: entry.description,
        conflicts: [...entry.conflicts],
        origin: entry.origin,
        confirmedBy: entry.confirmedBy ?? null,
        note: entry.note ?? null,
      };
    }),
    unconfirmed: listUnconfirmedValues(config).map((v) => ({
      key: v.key,
      value: v.value,
      marker: v.marker,
      source: v.source,
      description: v.description,
      conflicts: [...v.conflicts],
    })),
  };
}
