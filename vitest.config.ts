import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['eslint/**/*.test.ts', 'main/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
