/** Version of the rule engine itself; reported with every assessment next to the configuration version. */
export const ENGINE_VERSION = '0.1.0';
