import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli, usage } from '../src/cli';
import { USAGE } from '../src/cli-options';

const ENTRY = { webRoot: '/nonexistent', invokedAs: 'poolscope' };

describe('the command line dispatch', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('answers `relay` without a Redis with exit code 2 and what it needs, starting nothing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await runCli(['relay', '--port', '0'], {}, ENTRY)).toBe(2);
    expect(errors.mock.calls.flat().join('\n')).toContain('a relay needs --redis');
  });

  it('refuses a relay Redis address that is not a redis:// URL', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await runCli(['relay', '--redis', 'http://127.0.0.1:6379'], {}, ENTRY)).toBe(2);
    expect(errors.mock.calls.flat().join('\n')).toContain('--redis takes a redis://');
  });

  it('refuses an unknown command with exit code 2 and the usage', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await runCli(['serve'], {}, ENTRY)).toBe(2);
    expect(errors.mock.calls.flat().join('\n')).toContain('unknown command "serve"');
  });

  it('prints every flag of the server usage on --help and exits 0', async () => {
    const printed = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await runCli(['--help'], {}, ENTRY)).toBe(0);
    const text = printed.mock.calls.flat().join('\n');
    expect(text.startsWith('Usage: poolscope [options]')).toBe(true);
    for (const flagLine of USAGE.split('\n').slice(1)) expect(text).toContain(flagLine);
  });

  it('words the usage for the way it was invoked', () => {
    expect(usage('npm start --')).toContain('Usage: npm start -- [options]');
    expect(usage('poolscope')).toContain('relay');
  });
});
