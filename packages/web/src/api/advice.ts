import { queryOptions } from '@tanstack/react-query';
import {
  calciumAdviceSchema,
  calciumFoodsSchema,
  vitaminDAdviceSchema,
  type CalciumAdvice,
  type CalciumAdviceBody,
  type VitaminDAdvice,
  type VitaminDAdviceBody,
} from '@osteopad/contract';
import { api, ApiError } from './client';

/** The engine's food table (R12.2); it changes only with the clinic's configuration. */
export const calciumFoodsQuery = queryOptions({
  queryKey: ['advice', 'calcium-foods'],
  queryFn: () => api.get('/api/advice/calcium/foods', calciumFoodsSchema),
  staleTime: Number.POSITIVE_INFINITY,
});

function answered<T>(value: T | undefined): T {
  if (value === undefined) throw new ApiError(204, 'invalid_response', 'Expected a body.');
  return value;
}

export async function adviseCalcium(body: CalciumAdviceBody): Promise<CalciumAdvice> {
  return answered(await api.post('/api/advice/calcium', { body, schema: calciumAdviceSchema }));
}

export async function adviseVitaminD(body: VitaminDAdviceBody): Promise<VitaminDAdvice> {
  return answered(await api.post('/api/advice/vitamin-d', { body, schema: vitaminDAdviceSchema }));
}
