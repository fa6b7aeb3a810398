import type { ExportResult, ImportResult } from '@poolscope/shared/export-protocol';
import type { Ack, ApiError, LabConfig, LabConfigPatch, LessonGoResult, LessonList, ScenarioSummary } from '@poolscope/shared/protocol';
import type { ArmConfigPatch, CompareState } from '@poolscope/shared/compare';
import type { TargetKnobsPatch } from '@poolscope/shared/target-config';
import type { TargetSnapshot } from '@poolscope/shared/snapshot';
import { readControlToken } from './control-token';
import { socket } from './socket';

const ACK_TIMEOUT_MS = 5000;

function failure(code: string, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code: code as ApiError['code'], message, details: [] } };
}

const authRefusalListeners = new Set<() => void>();

/** Hear every command refused for want of the control token (the app then asks for one). */
export function onAuthRefused(listener: () => void): () => void {
  authRefusalListeners.add(listener);
  return () => authRefusalListeners.delete(listener);
}

/** Tell of auth refusals so the header can ask for a token; pass every ack through. */
function watch<T>(ack: Ack<T>): Ack<T> {
  if (!ack.ok && (ack.error.code === 'UNAUTHORIZED' || ack.error.code === 'FORBIDDEN'))
    for (const listener of authRefusalListeners) listener();
  return ack;
}

type Emitter<T> = (callback: (err: Error | null, ack: Ack<T>) => void) => void;

function acked<T>(emit: Emitter<T>): Promise<Ack<T>> {
  return new Promise((resolve) => {
    if (!socket.connected) {
      resolve(failure('OFFLINE', 'Not connected to the lab; the change was not sent.'));
      return;
    }
    emit((err, ack) => resolve(watch(err ? failure('TIMEOUT', 'The lab did not answer within 5 s.') : ack)));
  });
}

export function patchConfig(patch: LabConfigPatch): Promise<Ack<LabConfig>> {
  return acked((cb) => socket.timeout(ACK_TIMEOUT_MS).emit('config:patch', patch, cb));
}

export function patchTarget(id: string, patch: TargetKnobsPatch): Promise<Ack<TargetSnapshot>> {
  return acked((cb) => socket.timeout(ACK_TIMEOUT_MS).emit('target:patch', { id, patch }, cb));
}

export function restartTarget(id: string): Promise<Ack<TargetSnapshot>> {
  return acked((cb) => socket.timeout(ACK_TIMEOUT_MS).emit('target:restart', { id }, cb));
}

export function applyScenario(id: string): Promise<Ack<LabConfig>> {
  return acked((cb) => socket.timeout(ACK_TIMEOUT_MS).emit('scenario:apply', { id }, cb));
}

/** Move every open dashboard to step `step` (from 1) of a lesson. */
export function goToLessonStep(id: string, step: number): Promise<Ack<LessonGoResult>> {
  return acked((cb) => socket.timeout(ACK_TIMEOUT_MS).emit('lesson:go', { id, step }, cb));
}

export function leaveLesson(): Promise<Ack<{ lesson: null }>> {
  return acked((cb) => socket.timeout(ACK_TIMEOUT_MS).emit('lesson:leave', {}, cb));
}

/** Start (or restart) a comparison: B = A's config with `b` applied (an empty patch gives B = A). */
export function startCompare(b: ArmConfigPatch = {}): Promise<Ack<CompareState>> {
  return acked((cb) => socket.timeout(ACK_TIMEOUT_MS).emit('compare:start', { b }, cb));
}

export function patchCompare(b: ArmConfigPatch): Promise<Ack<CompareState>> {
  return acked((cb) => socket.timeout(ACK_TIMEOUT_MS).emit('compare:patch', { b }, cb));
}

export function stopCompare(): Promise<Ack<CompareState>> {
  return acked((cb) => socket.timeout(ACK_TIMEOUT_MS).emit('compare:stop', {}, cb));
}

/** A takes B's config and the comparison stops. */
export function keepB(): Promise<Ack<CompareState>> {
  return acked((cb) => socket.timeout(ACK_TIMEOUT_MS).emit('compare:keep-b', {}, cb));
}

export function reclaimLeaks(): Promise<Ack<{ reclaimed: number }>> {
  return acked((cb) => socket.timeout(ACK_TIMEOUT_MS).emit('leaks:reclaim', {}, cb));
}

/** REST for what has no socket control (scenario list, adding and removing targets). */
async function rest<T>(method: string, url: string, body?: unknown): Promise<Ack<T>> {
  const token = readControlToken();
  // The lab refuses a body-less POST without it: an HTML form on another site cannot set a header.
  const headers: Record<string, string> = { 'x-poolscope': '1' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    const response = await fetch(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await response.text();
    const json: unknown = text ? JSON.parse(text) : null;
    if (response.ok) return { ok: true, data: json as T };
    // The body is { code, message, details }, the ApiError a socket ack carries.
    const error = json as Partial<ApiError> | null;
    const code = error?.code ?? `HTTP_${response.status}`;
    return watch<T>({
      ok: false,
      error: { code: code as ApiError['code'], message: error?.message ?? response.statusText, details: error?.details ?? [] },
    });
  } catch (err) {
    return failure('NETWORK', err instanceof Error ? err.message : String(err));
  }
}

export const fetchScenarios = () => rest<ScenarioSummary[]>('GET', '/api/scenarios');
export const fetchLessons = () => rest<LessonList>('GET', '/api/lessons');
export const addTarget = (body: { host: string; port: number } | { embedded: true }) => rest<TargetSnapshot>('POST', '/api/targets', body);
export const removeTarget = (id: string) => rest<unknown>('DELETE', `/api/targets/${encodeURIComponent(id)}`);

export const fetchLibraryExport = (library: string, scale: number) =>
  rest<ExportResult>('GET', `/api/export?library=${encodeURIComponent(library)}${scale > 1 ? `&scale=${scale}` : ''}`);
export const importLibrarySettings = (library: string, text: string) => rest<ImportResult>('POST', '/api/import', { library, text });
