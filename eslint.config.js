import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// STYLE.md: imports flow one way. workflows/ and src/domain/ stay deterministic and pure, so they
// import no Node built-ins and nothing that does I/O.
const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);
const ioLayers = ['**/db/**', '**/api/**', 'drizzle-orm', 'drizzle-orm/*', 'postgres', 'hono', 'hono/*', '@hono/*'];

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', '.tools/', 'db/migrations/', 'coverage/', 'bench/results/', 'tests/.artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['workflows/**/*.ts', 'src/domain/**/*.ts', 'tests/**/fixtures/*-workflows.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'workflows/ and src/domain/ must stay free of Node built-ins (deterministic, pure).' })),
          patterns: [{ group: ioLayers, message: 'workflows/ and src/domain/ must not import I/O layers (db/, api/, activities/, drizzle, postgres, hono).' }],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/activities/**', '**/workflows/**', '**/temporal/**'], message: 'src/domain/ depends on nothing' }] }],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      // Activities reach workflows as types only (proxyActivities<typeof …>).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/activities/**'], allowTypeImports: true, message: 'import activities as types only' }] },
      ],
    },
  },
  {
    files: ['activities/**/*.ts', 'db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/api/**', 'hono', 'hono/*'], message: 'activities/ and db/ do not depend on the API.' }] }],
    },
  },
);
