import { z } from 'zod';
import type { AppDeps, TypedApp } from '../http/app';
import { PATIENT_RECORD_ROLES } from '../auth/roles';
import { requireActor } from '../auth/requireActor';
import { createPatient, getPatientRecord, searchPatients } from './patientRecords';
import {
  newPatientBody,
  patientDetailSchema,
  patientSearchBody,
  patientListResponse,
  patientRecordResponse,
} from './patients.schemas';

export function registerPatientRoutes(app: TypedApp, { db }: AppDeps): void {
  // A search is a read, but its text (a name, BSN or date of birth) travels in the body, never in
  // the URL, which proxies and logs keep (http/urlPrivacy.ts refuses it there).
  app.post(
    '/api/patients/search',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES } },
      schema: { tags: ['patients'], body: patientSearchBody, response: { 200: patientListResponse } },
    },
    async (request) => searchPatients(db, requireActor(request), request.body),
  );

  // The record is read in one statement that also checks the patient is the caller's organisation's.
  app.get(
    '/api/patients/:patientId',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES, namedRecords: 'unitOfWork' } },
      schema: {
        tags: ['patients'],
        params: z.strictObject({ patientId: z.uuid() }),
        response: { 200: patientRecordResponse },
      },
    },
    async (request) => getPatientRecord(db, requireActor(request), request.params.patientId),
  );

  app.post(
    '/api/patients',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES } },
      schema: { tags: ['patients'], body: newPatientBody, response: { 201: patientDetailSchema } },
    },
    async (request, reply) => {
      const patient = await createPatient(db, requireActor(request), request.body);
      return reply.status(201).send({ ...patient, demographicsAsOf: patient.demographicsAsOf.toISOString() });
    },
  );
}
