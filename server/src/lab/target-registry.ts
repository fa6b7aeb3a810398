import type { TargetKnobs, TargetKnobsPatch } from '@poolscope/shared/target-config';
import type { PatchResult } from '@poolscope/shared/validation';
import { EchoTarget } from '../targets/echo-target';
import { LabError } from './lab-error';
import type { TargetAllowlist } from './target-allowlist';

export interface RegisteredTarget {
  id: string;
  host: string;
  port: number;
  address: string;
  /** The embedded echo server, or null for an external one the lab only dials. */
  embedded: EchoTarget | null;
}

/** What the registry needs of the pool: to learn about targets coming and going. */
export interface TargetSink {
  addTarget(target: { id: string; host: string; port: number }): void;
  removeTarget(targetId: string): void;
}

export const MAX_TARGETS = 50;

/** Owns the lab's targets: embedded echo servers it starts and external ones it only dials. */
export class TargetRegistry {
  private readonly targets = new Map<string, RegisteredTarget>();
  private nextNumber = 1;

  constructor(
    private readonly sink: TargetSink,
    private readonly allowlist: TargetAllowlist,
  ) {}

  list(): RegisteredTarget[] {
    return [...this.targets.values()];
  }

  get(id: string): RegisteredTarget {
    const target = this.targets.get(id);
    if (!target) throw LabError.notFound(`target ${JSON.stringify(id)}`);
    return target;
  }

  async addEmbedded(knobs: TargetKnobsPatch = {}): Promise<RegisteredTarget> {
    this.assertRoom();
    const id = this.allocateId();
    const server = await EchoTarget.start({ id, knobs });
    return this.register({ id, host: server.host, port: server.port, address: server.address, embedded: server });
  }

  async addExternal(host: string, port: number): Promise<RegisteredTarget> {
    this.assertRoom();
    const verdict = await this.allowlist.check(host);
    if (!verdict.ok) throw new LabError('TARGET_NOT_ALLOWED', verdict.reason, 403);
    const duplicate = this.list().find((t) => t.embedded === null && t.host === verdict.address && t.port === port);
    if (duplicate) throw new LabError('INVALID_REQUEST', `${verdict.address}:${port} is already target ${duplicate.id}`, 409);
    const id = this.allocateId();
    return this.register({ id, host: verdict.address, port, address: `${verdict.address}:${port}`, embedded: null });
  }

  /**
   * A copy of another registry's target under the same id (a comparison's arm B): an embedded
   * one gets its own echo server with the same knobs, an external one is shared (dialled as is).
   */
  async addClone(source: RegisteredTarget): Promise<RegisteredTarget> {
    if (!source.embedded) return this.register({ ...source });
    const server = await EchoTarget.start({ id: source.id, knobs: source.embedded.knobs() });
    return this.register({ id: source.id, host: server.host, port: server.port, address: server.address, embedded: server });
  }

  patchKnobs(id: string, patch: unknown): PatchResult<TargetKnobs> {
    return this.embeddedOf(id).update(patch);
  }

  async restart(id: string): Promise<void> {
    await this.embeddedOf(id).restart();
  }

  async remove(id: string): Promise<RegisteredTarget> {
    const target = this.get(id);
    this.targets.delete(id);
    this.sink.removeTarget(id);
    await target.embedded?.close({ drainMs: 0 });
    return target;
  }

  async closeAll(drainMs: number): Promise<void> {
    await Promise.all(this.list().map((t) => t.embedded?.close({ drainMs })));
  }

  private embeddedOf(id: string): EchoTarget {
    const target = this.get(id);
    if (!target.embedded) throw new LabError('INVALID_REQUEST', `target ${id} is external: only embedded targets have knobs`, 409);
    return target.embedded;
  }

  private register(target: RegisteredTarget): RegisteredTarget {
    this.targets.set(target.id, target);
    this.sink.addTarget({ id: target.id, host: target.host, port: target.port });
    return target;
  }

  private allocateId(): string {
    return `t${this.nextNumber++}`;
  }

  private assertRoom(): void {
    if (this.targets.size >= MAX_TARGETS) throw new LabError('INVALID_REQUEST', `at most ${MAX_TARGETS} targets`, 409);
  }
}
