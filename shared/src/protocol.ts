import type { ErrorCode } from './vocabulary';
import type { LoadConfig, LoadConfigPatch } from './load-config';
import type { PoolConfig, PoolConfigPatch } from './pool-config';
import type { TargetKnobsPatch } from './target-config';
import type { ValidationDetail } from './validation';
import type { Snapshot, TargetSnapshot } from './snapshot';
import type { LabEvent } from './events';
import type { History } from './history';
import type { Lesson, LessonMetric, LessonPanel, LessonPosition } from './lesson-schema';

/** What going to a lesson step answers: where the lab now is and the config in force. */
export interface LessonGoResult {
  lesson: LessonPosition;
  config: LabConfig;
}

/** `GET /api/lessons`: the lessons as data, every text in every language. */
export type LessonList = Lesson[];
import type { ArmScope, CompareRequest, CompareState } from './compare';
import type { AudienceFrame } from './audience-stream';

/** The body of every REST error and the `error` of every failed ack. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  details: ValidationDetail[];
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiError };
export type AckCallback<T> = (ack: Ack<T>) => void;

export interface LabConfig {
  pool: PoolConfig;
  load: LoadConfig;
}

export interface LabConfigPatch {
  pool?: PoolConfigPatch;
  load?: LoadConfigPatch;
}

export interface ScenarioSummary {
  id: string;
  title: string;
  watch: string;
  /** The panel to bring into view and the metric "what to watch" names (the lesson vocabulary). */
  focus: { panel: LessonPanel; metric: LessonMetric };
  /** A comparison scenario: applying it starts a comparison (A and B differ in the knob it teaches). */
  compare?: boolean;
}

/** Socket.IO event maps: the server emits ServerToClientEvents, the browser the other. */
export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  events: (events: LabEvent[]) => void;
  /** Instead of `snapshot`, to a viewer that asked for the audience stream (audience-stream.ts). */
  'audience:frame': (frame: AudienceFrame) => void;
}

export interface ClientToServerEvents {
  'config:patch': (patch: LabConfigPatch, ack: AckCallback<LabConfig>) => void;
  /** While comparing, `arm` picks which arm's copy of the target changes (default both, at the same instant). */
  'target:patch': (request: { id: string; patch: TargetKnobsPatch; arm?: ArmScope }, ack: AckCallback<TargetSnapshot>) => void;
  'target:restart': (request: { id: string; arm?: ArmScope }, ack: AckCallback<TargetSnapshot>) => void;
  'scenario:apply': (request: { id: string }, ack: AckCallback<LabConfig>) => void;
  /** Go to step `step` (from 1) of a lesson: the lab takes the cumulative state of steps 1..step. */
  'lesson:go': (request: LessonPosition, ack: AckCallback<LessonGoResult>) => void;
  'lesson:leave': (request: Record<string, never>, ack: AckCallback<{ lesson: null }>) => void;
  /** Start (or restart) a comparison: B = A's config with `b` applied. */
  'compare:start': (request: CompareRequest, ack: AckCallback<CompareState>) => void;
  /** Change B live; same body as start (`seed` is ignored). */
  'compare:patch': (request: CompareRequest, ack: AckCallback<CompareState>) => void;
  'compare:stop': (request: Record<string, never>, ack: AckCallback<CompareState>) => void;
  /** A takes B's config and the comparison stops. */
  'compare:keep-b': (request: Record<string, never>, ack: AckCallback<CompareState>) => void;
  'leaks:reclaim': (request: Record<string, never>, ack: AckCallback<{ reclaimed: number }>) => void;
  /** Read-only (no control token needed), rate limited apart from the controls. */
  'history:get': (request: Record<string, never>, ack: AckCallback<History>) => void;
}

/** Sent in the Socket.IO handshake (`auth`) or as `Authorization: Bearer` on REST. */
export interface ControlAuth {
  token?: string;
}
