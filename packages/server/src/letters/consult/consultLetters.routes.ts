import {
  CLINICAL_ROLES,
  createConsultLetterBody,
  episodeDocumentParams,
  episodeParams,
  PATIENT_RECORD_ROLES,
  pdfDocument,
  storedLetterListSchema,
  storedLetterSchema,
  type StoredDocumentKind,
} from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../../http/app';
import { localIsoDate } from '../../time/localDate';
import { DEFAULT_FOLLOW_UP_SETTINGS } from '../../followUp/followUpSettings';
import { requireActor } from '../../auth/requireActor';
import { consultLetterInputFromDatabase, type ConsultLetterInputLoader } from './consultLetterInputLoader';
import { storedDecisionForLetters } from './storedDecisionForLetters';
import {
  createConsultLetter,
  listEpisodeDocuments,
  readEpisodeDocument,
} from './episodeDocuments.repository';

const FILE_NAMES: Readonly<Record<StoredDocumentKind, string>> = {
  result_letter: 'uitslagbrief.pdf',
  gp_letter: 'huisartsbrief.pdf',
};

/**
 * The consult's letters. Making one is clinical work (it states a diagnosis and a plan): the
 * specialist or nurse. Reading and re-printing the kept letters is also the secretary's, who posts them.
 * `loadInput` builds a letter's input; by default from the database with the episode's stored decision
 * (storedDecisionForLetters.ts), or the decision loader of the deps (`consultLetterDecisions`) in tests.
 */
export function registerConsultLetterRoutes(
  app: TypedApp,
  deps: AppDeps,
  loadInput: ConsultLetterInputLoader = consultLetterInputFromDatabase(
    deps.consultLetterDecisions ?? storedDecisionForLetters,
  ),
): void {
  const { db } = deps;

  app.post(
    '/api/episodes/:episodeId/letters',
    {
      config: { access: { roles: CLINICAL_ROLES } },
      schema: {
        summary: 'Make and keep a letter of the episode’s decision',
        tags: ['letters'],
        description:
          'Renders the patient’s result letter or the GP’s hand-over letter from the stored decision, the patient record and the organisation profile, and keeps the PDF with the episode (append-only).',
        params: episodeParams,
        body: createConsultLetterBody,
        response: { 201: storedLetterSchema },
      },
    },
    async (request, reply) => {
      const letter = await createConsultLetter(
        db,
        requireActor(request),
        request.params.episodeId,
        request.body.kind,
        request.body.locale,
        loadInput,
        {
          today: localIsoDate(deps.clock()),
          dueDays: (deps.config.followUp ?? DEFAULT_FOLLOW_UP_SETTINGS).gpHandoverDueDays,
        },
      );
      return reply.status(201).send(letter);
    },
  );

  app.get(
    '/api/episodes/:episodeId/documents',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES, namedRecords: 'unitOfWork' } },
      schema: {
        summary: 'The documents kept with an episode',
        tags: ['letters'],
        params: episodeParams,
        response: { 200: storedLetterListSchema },
      },
    },
    async (request) => ({
      items: await listEpisodeDocuments(db, requireActor(request), request.params.episodeId),
    }),
  );

  app.get(
    '/api/episode-documents/:documentId',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES, namedRecords: 'unitOfWork' } },
      schema: {
        summary: 'A kept document, byte for byte as it was made (PDF)',
        tags: ['letters'],
        params: episodeDocumentParams,
        response: { 200: pdfDocument },
      },
    },
    async (request, reply) => {
      const document = await readEpisodeDocument(db, requireActor(request), request.params.documentId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${FILE_NAMES[document.kind]}"`)
        .header('x-content-sha256', document.sha256)
        .header('cache-control', 'no-store')
        .send(document.pdf);
    },
  );
}
