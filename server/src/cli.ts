import { USAGE } from './cli-options';
import { serve } from './serve';
import { RELAY_USAGE, runRelay } from './relay/relay-cli';

export interface CliEntry {
  /** Where the built dashboard lies for this way of running. */
  webRoot: string;
  /** How the user invoked us, for the usage line: `npm start --` or `poolscope`. */
  invokedAs: string;
}

/** An exit code to leave with now, or null: a server is running and leaves on a signal. */
export type CliOutcome = number | null;

type Command = (argv: string[], env: NodeJS.ProcessEnv, entry: CliEntry) => Promise<CliOutcome>;

/**
 * Subcommands, by the first argument. Serving the lab has none: a first argument that is a flag (or
 * nothing) serves it, so every `npm start` command line means the same to `poolscope`. `relay`
 * serves a read-only copy of a lab's stream, fed through Redis (docs/SCALE-OUT.md).
 */
const COMMANDS: Record<string, Command> = {
  relay: (argv, env, entry) => runRelay(argv, env, entry.webRoot),
};

/** Runs one command line and says how the process should end. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, entry: CliEntry): Promise<CliOutcome> {
  const [first, ...rest] = argv;
  if (first !== undefined && !first.startsWith('-')) {
    const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (command) return command(rest, env, entry);
    console.error(`poolscope: unknown command "${first}"\n\n${usage(entry.invokedAs)}`);
    return 2;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage(entry.invokedAs));
    return 0;
  }
  await serve(argv, env, entry.webRoot);
  return null;
}

/** The server's flags as cli-options.ts words them, under this entry's own invocation. */
export function usage(invokedAs: string): string {
  const relay = invokedAs === 'poolscope' ? 'poolscope relay' : 'npm run relay --';
  return `${USAGE.replace('npm start --', invokedAs)}\n\nCommands:\n  relay                    a read-only relay of a lab's stream through Redis\n\n${RELAY_USAGE.replace('npm run relay --', relay)}`;
}
