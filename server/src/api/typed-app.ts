import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Lab } from '../lab/lab';
import type { ControlPolicy } from './control-policy';

/** The app as routes see it: TypeBox-typed, with the lab and the control policy decorated on. */
export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    lab: Lab;
    controlPolicy: ControlPolicy;
  }
}
