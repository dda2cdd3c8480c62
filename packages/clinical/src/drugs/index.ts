export * from './choice';
export * from './eligibility';
export * from './instructions';
