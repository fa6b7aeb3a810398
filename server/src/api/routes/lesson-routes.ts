import { Type } from '@sinclair/typebox';
import { LessonSchema } from '@poolscope/shared/lesson-schema';
import type { TypedApp } from '../typed-app';
import { ErrorSchema, LabConfigSchema } from './route-schemas';

const LessonPositionSchema = Type.Object({ id: Type.String(), step: Type.Integer({ minimum: 1 }) });

/** Lessons are read by anyone; moving the class through them is a control like any other. */
export async function lessonRoutes(app: TypedApp): Promise<void> {
  app.get(
    '/api/lessons',
    {
      schema: {
        tags: ['lessons'],
        summary: 'Stepped lessons as data, every text in English and Simplified Chinese',
        response: { 200: Type.Array(LessonSchema) },
      },
    },
    async () => app.lab.lessons(),
  );

  app.post(
    '/api/lessons/:id/steps/:n',
    {
      schema: {
        tags: ['lessons'],
        summary: 'Go to step n (from 1): the lab takes the cumulative state of steps 1..n; every open dashboard follows',
        params: Type.Object({ id: Type.String({ maxLength: 64 }), n: Type.String({ pattern: '^[0-9]{1,3}$' }) }),
        response: { 200: Type.Object({ lesson: LessonPositionSchema, config: LabConfigSchema }), 404: ErrorSchema },
      },
    },
    async (request) => app.lab.goToLesson(request.params.id, Number(request.params.n)),
  );

  app.delete(
    '/api/lesson',
    {
      schema: { tags: ['lessons'], summary: 'Leave the lesson; the lab keeps the state of the step it was on' },
    },
    async () => app.lab.leaveLesson(),
  );
}
