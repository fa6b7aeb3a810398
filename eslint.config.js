// Lint holds the layering and catches real defects; style is Prettier's job (`npm run format:check`).
// The layering (docs/ARCHITECTURE.md): load -> pool -> wire -> sockets -> targets never know the api or
// the lab; web features never import each other; web's shared code never imports features or the app.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';

const ENGINE_PARTS = ['wire', 'pool', 'targets', 'load'];
const WEB_FEATURES = readdirSync(new URL('./web/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const engineZones = ENGINE_PARTS.flatMap((part) => [
  { target: `./server/src/${part}`, from: './server/src/api', message: 'the engine never knows the api (Fastify, Socket.IO)' },
  { target: `./server/src/${part}`, from: './server/src/lab', message: 'the engine never knows the lab; the lab composes it' },
]);

const webZones = [
  ...WEB_FEATURES.map((feature) => ({
    target: `./web/src/features/${feature}`,
    from: './web/src/features',
    except: [`./${feature}`],
    message: 'features never import each other: move what both need to web/src/lib or web/src/components',
  })),
  {
    target: ['./web/src/components', './web/src/lib'],
    from: ['./web/src/features', './web/src/app'],
    message: 'shared web code never imports features or the app',
  },
  { target: './web/src', from: './server', message: 'the web speaks only the shared/ protocol' },
  { target: './shared', from: ['./server', './web'], message: 'shared/ is the protocol: it imports neither side' },
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '.test-results/**', 'e2e/artifacts/**', 'playwright-report/**', 'test-results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // The defects that matter in an event-driven server: a promise nobody awaits or catches.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.{js,mjs,ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['*/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      // no-cycle skips `import type`; scripts/check-import-cycles.mjs (npm run lint) counts those circles too.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { zones: [...engineZones, ...webZones] }],
    },
  },
  {
    files: ENGINE_PARTS.map((part) => `server/src/${part}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['fastify', 'fastify/*', '@fastify/*', 'fastify-*'], message: 'only server/src/api knows Fastify' },
            { group: ['socket.io', 'socket.io/*', 'socket.io-client'], message: 'only server/src/api knows Socket.IO' },
          ],
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.{js,mjs}'],
    // Node scripts; the profiling scripts also hand functions to the browser page (window, performance).
    languageOptions: {
      globals: Object.fromEntries(
        [
          'process',
          'console',
          'URL',
          'setTimeout',
          'clearTimeout',
          'fetch',
          'performance',
          'structuredClone',
          'Buffer',
          'window',
          'document',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
);
