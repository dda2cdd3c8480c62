import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  CONFIG_KEYS,
  configDocument,
  configIdentity,
  configValueShape,
  configValue,
  DEFAULT_CONFIG,
  fnv1a64,
  listUnconfirmedValues,
  parseClinicalConfig,
  type ClinicalConfig,
} from './config';
import { ClinicalConfigError } from './errors';
import { CONFLICT_IDS } from './explanation';
import { ENGINE_VERSION } from './version';

function configError(fn: () => unknown): ClinicalConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ClinicalConfigError) return error;
    throw error;
  }
  throw new Error('expected a ClinicalConfigError');
}

describe('DEFAULT_CONFIG', () => {
  it('gives every conflict C1–C18 at least one configuration key', () => {
    for (const conflict of CONFLICT_IDS) {
      const keys = CONFIG_KEYS.filter((k) => DEFAULT_CONFIG.entries[k].conflicts.includes(conflict));
      expect(keys.length, `no key for ${conflict}`).toBeGreaterThan(0);
    }
  });

  it('names a source, a marker and a description for every value', () => {
    for (const key of CONFIG_KEYS) {
      const entry = DEFAULT_CONFIG.entries[key];
      expect(entry.source.length, key).toBeGreaterThan(3);
      expect(entry.description.length, key).toBeGreaterThan(10);
      expect(['SOURCE', 'UNCONFIRMED', 'INFERRED']).toContain(entry.marker);
      expect(entry.origin).toBe('default');
    }
  });

  it('holds the reference defaults and markers RULES.md gives', () => {
    const expectations: [string, unknown, string][] = [
      ['eligibility.minimumAgeYears', 50, 'SOURCE'],
      ['eligibility.recentFractureWindowMonths', 24, 'INFERRED'],
      ['densitometry.nhanesFemoralNeckMeanGcm2', 0.858, 'UNCONFIRMED'],
      ['densitometry.nhanesFemoralNeckSdGcm2', 0.12, 'UNCONFIRMED'],
      ['densitometry.nhanesTotalHipMeanGcm2', 0.942, 'UNCONFIRMED'],
      ['densitometry.nhanesTotalHipSdGcm2', 0.122, 'UNCONFIRMED'],
      ['drugs.alendronateMinRenalMlMin', 35, 'SOURCE'],
      ['drugs.zoledronicAcidMinRenalMlMin', 35, 'SOURCE'],
      ['drugs.risedronateMinRenalMlMin', 30, 'UNCONFIRMED'],
      ['drugs.recentHipFractureDays', 90, 'UNCONFIRMED'],
      ['calendar.monthEndRule', 'clampToMonthEnd', 'INFERRED'],
      ['vitaminD.scheme', 'GR2012', 'SOURCE'],
      ['vitaminD.gr2008TouchingAgeRule', 'higherDose', 'INFERRED'],
      ['treatmentIndication.vertebralFractureWithTAboveMinus1', 'noTreatment', 'SOURCE'],
      ['glucocorticoids.manAtBoundaryBranch', 'treat', 'INFERRED'],
      ['labPanel.minimumAgeYears', 50, 'INFERRED'],
      ['treatmentIndication.binE.none', 'treat', 'INFERRED'],
      ['treatmentIndication.binE.grade3', 'refer', 'INFERRED'],
    ];
    for (const [key, value, marker] of expectations) {
      const entry = DEFAULT_CONFIG.entries[key as (typeof CONFIG_KEYS)[number]];
      expect(entry.value, key).toEqual(value);
      expect(entry.marker, key).toBe(marker);
    }
    expect(configValue(DEFAULT_CONFIG, 'calcium.requirementByAge')).toEqual([
      { minAgeYears: 19, maxAgeYears: 50, mgPerDay: 1000 },
      { minAgeYears: 51, maxAgeYears: 70, mgPerDay: 1100 },
      { minAgeYears: 71, maxAgeYears: null, mgPerDay: 1200 },
    ]);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DEFAULT_CONFIG)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CONFIG.entries['calcium.requirementByAge'].value)).toBe(true);
  });

  it('accepts every default value when a clinic restates it', () => {
    const values = Object.fromEntries(CONFIG_KEYS.map((k) => [k, DEFAULT_CONFIG.entries[k].value]));
    const restated = parseClinicalConfig({ version: 'restated', values });
    for (const key of CONFIG_KEYS) {
      expect(restated.entries[key].value).toEqual(DEFAULT_CONFIG.entries[key].value);
      expect(restated.entries[key].origin).toBe('clinic');
    }
  });
});

describe('listUnconfirmedValues', () => {
  it('lists exactly the UNCONFIRMED and INFERRED entries', () => {
    const listed = listUnconfirmedValues(DEFAULT_CONFIG).map((u) => u.key);
    const expected = CONFIG_KEYS.filter((k) => DEFAULT_CONFIG.entries[k].marker !== 'SOURCE');
    expect(listed).toEqual(expected);
    expect(listed).toContain('densitometry.nhanesTotalHipMeanGcm2');
    expect(listed).toContain('calendar.monthEndRule');
    expect(listed).not.toContain('drugs.alendronateMinRenalMlMin');
  });

  it('drops a value once the clinic records who confirmed it', () => {
    const config = parseClinicalConfig({
      version: 'ETZ-2025-03',
      values: {
        'drugs.risedronateMinRenalMlMin': { value: 30, confirmedBy: 'hospital pharmacist, 2025-03-01' },
      },
    });
    expect(listUnconfirmedValues(config).map((u) => u.key)).not.toContain('drugs.risedronateMinRenalMlMin');
    expect(config.entries['drugs.risedronateMinRenalMlMin'].confirmedBy).toBe(
      'hospital pharmacist, 2025-03-01',
    );
    expect(config.entries['drugs.risedronateMinRenalMlMin'].marker).toBe('UNCONFIRMED');
  });
});

describe('parseClinicalConfig', () => {
  it('merges overrides over the defaults', () => {
    const config = parseClinicalConfig({
      version: 'clinic-1',
      values: { 'vitaminD.scheme': 'GR2008', 'eligibility.minimumAgeYears': 51 },
    });
    expect(config.version).toBe('clinic-1');
    expect(configValue(config, 'vitaminD.scheme')).toBe('GR2008');
    expect(configValue(config, 'eligibility.minimumAgeYears')).toBe(51);
    expect(configValue(config, 'drugs.alendronateMinRenalMlMin')).toBe(35);
    expect(config.entries['vitaminD.scheme'].origin).toBe('clinic');
  });

  it('accepts a JSON string', () => {
    expect(
      configValue(
        parseClinicalConfig('{"version":"x","values":{"fallRisk.nhgInventoryMinFalls":3}}'),
        'fallRisk.nhgInventoryMinFalls',
      ),
    ).toBe(3);
  });

  it.each<[unknown, string, string]>([
    ['{not json', '$', 'invalidJson'],
    [[], '$', 'notAnObject'],
    [{ values: {} }, 'version', 'required'],
    [{ version: '' }, 'version', 'wrongType'],
    [{ version: 'v', extra: 1 }, 'extra', 'unknownKey'],
    [{ version: 'v', values: [] }, 'values', 'notAnObject'],
    [{ version: 'v', values: { 'drugs.unknownThing': 1 } }, 'drugs.unknownThing', 'unknownKey'],
    [
      { version: 'v', values: { 'drugs.alendronateMinRenalMlMin': '35' } },
      'drugs.alendronateMinRenalMlMin',
      'wrongType',
    ],
    [
      { version: 'v', values: { 'drugs.alendronateMinRenalMlMin': -1 } },
      'drugs.alendronateMinRenalMlMin',
      'outOfRange',
    ],
    [
      { version: 'v', values: { 'eligibility.minimumAgeYears': 50.5 } },
      'eligibility.minimumAgeYears',
      'outOfRange',
    ],
    [{ version: 'v', values: { 'vitaminD.scheme': 'GR2020' } }, 'vitaminD.scheme', 'unknownValue'],
    [
      { version: 'v', values: { 'riskScore.bmiRoundedBeforeComparison': 'yes' } },
      'riskScore.bmiRoundedBeforeComparison',
      'wrongType',
    ],
    [
      { version: 'v', values: { 'calcium.foodContentMg': { milkGlass: 180 } } },
      'calcium.foodContentMg.buttermilkGlass',
      'required',
    ],
    [
      {
        version: 'v',
        values: {
          'followUp.standardReevaluationYears': {
            alendronate: 5,
            risedronate: 5,
            zoledronicAcid: 3,
            denosumab: 3,
            teriparatide: 2,
            romosozumab: 1,
            ibandronate: 5,
          },
        },
      },
      'followUp.standardReevaluationYears.ibandronate',
      'unknownKey',
    ],
    [
      {
        version: 'v',
        values: {
          'calcium.requirementByAge': [
            { minAgeYears: 19, maxAgeYears: 60, mgPerDay: 1000 },
            { minAgeYears: 51, maxAgeYears: null, mgPerDay: 1100 },
          ],
        },
      },
      'calcium.requirementByAge[1]',
      'outOfRange',
    ],
    [
      { version: 'v', values: { 'drugs.registeredForMen': ['alendronate', 'alendronate'] } },
      'drugs.registeredForMen',
      'outOfRange',
    ],
    [
      { version: 'v', values: { 'drugs.registeredForMen': ['ibandronate'] } },
      'drugs.registeredForMen[0]',
      'unknownValue',
    ],
    [
      { version: 'v', values: { 'vitaminD.scheme': { value: 'GR2008', confirmedby: 'x' } } },
      'vitaminD.scheme.confirmedby',
      'unknownKey',
    ],
    [
      { version: 'v', values: { 'vitaminD.scheme': { value: 'GR2008', confirmedBy: '' } } },
      'vitaminD.scheme.confirmedBy',
      'wrongType',
    ],
  ])('rejects %j at %s (%s)', (document, key, reason) => {
    const error = configError(() => parseClinicalConfig(document));
    expect(error.key).toBe(key);
    expect(error.reason).toBe(reason);
  });

  it('allows a null supplement dose and a number', () => {
    expect(
      configValue(
        parseClinicalConfig({ version: 'v', values: { 'calcium.supplementDoseMg': 500 } }),
        'calcium.supplementDoseMg',
      ),
    ).toBe(500);
    expect(
      configValue(
        parseClinicalConfig({ version: 'v', values: { 'calcium.supplementDoseMg': null } }),
        'calcium.supplementDoseMg',
      ),
    ).toBeNull();
  });
});

describe('fingerprint and identity', () => {
  it('implements 64-bit FNV-1a (published test vectors)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('sorts keys in canonical JSON', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: 'x' }] })).toBe('{"a":[2,{"c":"x","d":null}],"b":1}');
  });

  it('is deterministic and sensitive to every value', () => {
    const a = parseClinicalConfig({
      version: 'v',
      values: { 'vitaminD.scheme': 'GR2008', 'fallRisk.nhgInventoryMinFalls': 3 },
    });
    const b = parseClinicalConfig({
      version: 'v',
      values: { 'fallRisk.nhgInventoryMinFalls': 3, 'vitaminD.scheme': 'GR2008' },
    });
    const c = parseClinicalConfig({
      version: 'v',
      values: { 'vitaminD.scheme': 'GR2008', 'fallRisk.nhgInventoryMinFalls': 4 },
    });
    expect(configIdentity(a).configFingerprint).toBe(configIdentity(b).configFingerprint);
    expect(configIdentity(a).configFingerprint).not.toBe(configIdentity(c).configFingerprint);
    expect(configIdentity(a).configFingerprint).not.toBe(configIdentity(DEFAULT_CONFIG).configFingerprint);
    expect(configIdentity(DEFAULT_CONFIG)).toEqual({
      configVersion: 'osteopad-default-1',
      configFingerprint: configIdentity(DEFAULT_CONFIG).configFingerprint,
      engineVersion: ENGINE_VERSION,
    });
    expect(configIdentity(DEFAULT_CONFIG).configFingerprint).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
  });

  it('validates a hand-built configuration once and then freezes it', () => {
    const entries = {
      ...DEFAULT_CONFIG.entries,
      'riskScore.lowBmi': { ...DEFAULT_CONFIG.entries['riskScore.lowBmi'], value: 19 },
    };
    const handBuilt: ClinicalConfig = { version: 'hand', entries };
    expect(configIdentity(handBuilt).configVersion).toBe('hand');
    expect(Object.isFrozen(handBuilt)).toBe(true);
    const broken = {
      version: 'bad',
      entries: {
        ...DEFAULT_CONFIG.entries,
        'riskScore.lowBmi': { ...DEFAULT_CONFIG.entries['riskScore.lowBmi'], value: 'x' },
      },
    };
    expect(configError(() => configIdentity(broken as unknown as ClinicalConfig)).key).toBe(
      'riskScore.lowBmi',
    );
  });
});

describe('configDocument', () => {
  it('gives back a configuration through parseClinicalConfig: same values, who confirmed them, fingerprint', () => {
    const config = parseClinicalConfig({
      version: 'ETZ-2026-12',
      values: {
        'eligibility.minimumAgeYears': 55,
        'calendar.monthEndRule': {
          value: 'firstDayOfNextMonth',
          confirmedBy: 'Dr. A. Bot',
          note: 'as agreed',
        },
      },
    });
    const document = configDocument(config);
    expect(document).toEqual({
      version: 'ETZ-2026-12',
      values: {
        'calendar.monthEndRule': {
          value: 'firstDayOfNextMonth',
          confirmedBy: 'Dr. A. Bot',
          note: 'as agreed',
        },
        'eligibility.minimumAgeYears': { value: 55 },
      },
    });
    expect(configIdentity(parseClinicalConfig(document))).toEqual(configIdentity(config));
  });

  it('holds nothing for the reference defaults', () => {
    expect(configDocument(DEFAULT_CONFIG)).toEqual({ version: DEFAULT_CONFIG.version, values: {} });
  });
});

describe('configValueShape', () => {
  it('states each value’s allowed range as data, and every default lies in it', () => {
    expect(configValueShape('eligibility.minimumAgeYears')).toEqual({
      kind: 'number',
      min: 0,
      max: 130,
      integer: true,
    });
    expect(configValueShape('calendar.monthEndRule')).toEqual({
      kind: 'enum',
      values: ['clampToMonthEnd', 'firstDayOfNextMonth'],
    });
    for (const key of CONFIG_KEYS) {
      const shape = configValueShape(key);
      const value: unknown = DEFAULT_CONFIG.entries[key].value;
      if (shape.kind === 'number') {
        expect(typeof value, key).toBe('number');
        expect(value as number, key).toBeGreaterThanOrEqual(shape.min);
        expect(value as number, key).toBeLessThanOrEqual(shape.max);
      }
      if (shape.kind === 'enum') expect(shape.values, key).toContain(value);
    }
  });
});
