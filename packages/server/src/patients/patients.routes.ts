import {
  PATIENT_RECORD_ROLES,
  patientDetailSchema,
  patientListSchema,
  patientParams,
  patientRecordSchema,
  patientSearchBody,
} from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { createPatient, getPatientRecord, searchPatients } from './patientRecords';
import { newPatientBody } from './patients.schemas';

export function registerPatientRoutes(app: TypedApp, { db }: AppDeps): void {
  // A search is a read, but its text (a name, BSN or date of birth) travels in the body, never in
  // the URL, which proxies and logs keep (http/urlPrivacy.ts refuses it there).
  app.post(
    '/api/patients/search',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES } },
      schema: {
        summary: 'Search patients by name, BSN or date of birth',
        tags: ['patients'],
        body: patientSearchBody,
        response: { 200: patientListSchema },
      },
    },
    async (request) => searchPatients(db, requireActor(request), request.body),
  );

  // The record is read in one statement that also checks the patient is the caller's organisation's.
  app.get(
    '/api/patients/:patientId',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES, namedRecords: 'unitOfWork' } },
      schema: {
        summary: 'One patient with their fractures, episodes and open tasks',
        tags: ['patients'],
        params: patientParams,
        response: { 200: patientRecordSchema },
      },
    },
    async (request) => getPatientRecord(db, requireActor(request), request.params.patientId),
  );

  app.post(
    '/api/patients',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES } },
      schema: {
        summary: 'Register a patient by hand',
        tags: ['patients'],
        body: newPatientBody,
        response: { 201: patientDetailSchema },
      },
    },
    async (request, reply) => {
      const patient = await createPatient(db, requireActor(request), request.body);
      return reply.status(201).send({ ...patient, demographicsAsOf: patient.demographicsAsOf.toISOString() });
    },
  );
}
