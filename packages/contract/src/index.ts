/**
 * @osteopad/contract — the API written once: the code lists, and the request and response schemas of
 * every route. The server validates requests, serialises answers and generates its OpenAPI document
 * (/api/docs) from these schemas; the web app types its requests and parses the answers with them.
 * Depends on zod only (zod/mini, so the web bundles only what it uses) and imports nothing of ours.
 */
export * from './codes';
export * from './fields';
export * from './auth';
export * from './patients';
export * from './episodes';
export * from './worklist';
export * from './findings';
export * from './imports';
export * from './audit';
export * from './users';
export * from './organization';
export * from './clinicalConfig';
export * from './letters';
export * from './health';
export * from './timeline';
export * from './requests/patients';
export * from './requests/episodes';
export * from './requests/worklist';
export * from './requests/findings';
export * from './requests/imports';
export * from './requests/audit';
export * from './requests/auth';
export * from './consultLetters';
export * from './requests/consultLetters';
export * from './decisions';
export * from './requests/decisions';
export * from './episodePage';
export * from './requests/invitationLoop';
export * from './ruleTrace';
export * from './labResults';
export * from './requests/labResults';
export * from './intakeQuestionnaire';
export * from './intake';
export * from './requests/intake';
export * from './investigations';
export * from './requests/investigations';
export * from './taskOutcomes';
export * from './requests/tasks';
export * from './upcoming';
export * from './reminders';
export * from './requests/reminders';
export * from './followUpWorklist';
export * from './requests/followUpWorklist';
export * from './importJobs';
export * from './portal';
export * from './requests/portal';
export * from './advice';
export * from './requests/advice';
export * from './sso';
export * from './requests/sso';
export * from './portalResults';
export * from './requests/portalResults';
export * from './portalIntake';
export * from './requests/portalIntake';
export * from './requests/users';
export * from './requests/organization';
export * from './requests/clinicalConfig';
