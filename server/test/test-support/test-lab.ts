import { buildApp } from '../../src/api/app';
import { ControlPolicy } from '../../src/api/control-policy';
import { Lab, type LabOptions } from '../../src/lab/lab';
import type { TypedApp } from '../../src/api/typed-app';

export interface TestLab {
  lab: Lab;
  app: TypedApp;
  close(): Promise<void>;
}

/** A whole lab on real loopback sockets (embedded targets, pool, load) behind an un-listened app for inject(). */
export async function startTestLab(options: LabOptions & { token?: string } = {}): Promise<TestLab> {
  const lab = await Lab.start({ embeddedTargets: 1, sampleHz: 20, load: { concurrency: 2, thinkMs: 20 }, ...options });
  const { app } = await buildApp({ lab, policy: new ControlPolicy(options.token ?? null) });
  await app.ready();
  return {
    lab,
    app,
    async close() {
      await lab.close();
      await app.close();
    },
  };
}
