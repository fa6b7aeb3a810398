// Runs before every web test file (vite.config.ts `test.setupFiles`).
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// Every rendered tree is unmounted after its test, so no test sees another's DOM.
afterEach(cleanup);
