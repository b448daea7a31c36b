import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import boundaries from './eslint/boundaries.js';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'docs/**', 'resources/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: [
      'main/**/*.ts',
      'electron/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.ts',
      'tests/**/*.ts',
      'renderer/**/*.{ts,tsx}',
    ],
    plugins: { almanac: boundaries },
    rules: {
      'almanac/folder-entry': 'error',
      'almanac/no-folder-cycle': 'error',
    },
  },
  {
    // Transports adapt; who may do what is decided once, by main/policy's can(member, action, subject).
    files: ['main/api/**/*.ts', 'main/cli/**/*.ts', 'main/agent/**/*.ts', 'electron/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(includes|some|every|indexOf|find|has)$/][callee.object.property.name='roles']",
          message: 'Transports do not check roles: call the use case, or can(member, action) from main/policy.',
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The core never imports Electron.' },
            { name: 'react', message: 'The core never imports React.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // We do not run the React Compiler; this rule only reports what it would skip.
      'react-hooks/incompatible-library': 'off',
      // A store selector must return the same value for the same state, or React re-renders until it gives
      // up ("Maximum update depth exceeded") and the whole studio goes blank. Put a fallback outside the
      // selector, and wrap a picked object in useShallow.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.name=/^use\\w*Store$/] > ArrowFunctionExpression > LogicalExpression > :matches(ArrayExpression, ObjectExpression).right',
          message:
            'A fallback [] or {} inside a store selector is a new value on every call: put it outside the selector.',
        },
        {
          selector:
            'CallExpression[callee.name=/^use\\w*Store$/] > ArrowFunctionExpression > :matches(ArrayExpression, ObjectExpression).body',
          message:
            'A store selector that builds an object or array returns a new value on every call: wrap it in useShallow.',
        },
        {
          selector:
            'CallExpression[callee.name=/^use\\w*Store$/] > ArrowFunctionExpression.arguments CallExpression[callee.property.name=/^(map|filter|slice|concat|flatMap|toSorted)$/]',
          message: 'A store selector that maps or filters returns a new array on every call: derive it with useMemo.',
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '../main/*', '../../main/*'],
              allowTypeImports: true,
              message: 'The renderer imports only types from the core.',
            },
          ],
        },
      ],
    },
  },
);
