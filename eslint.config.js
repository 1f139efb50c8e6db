import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/**', 'public/build/**', 'app/generated/**', 'data/**', 'node_modules/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    settings: { react: { version: '18.3' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      'react/prop-types': 'off',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Route modules and UI run in the browser too: server modules only through loaders/actions.
    files: [
      'app/components/**/*.{ts,tsx}',
      'app/utils/**/*.{ts,tsx}',
      'app/i18n/config.ts',
      'app/i18n/format.ts',
    ],
    // A .server module is never bundled for the browser, wherever it sits.
    ignores: ['**/*.server.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/*.server', '~/db.server'],
              allowTypeImports: true,
              message: 'Browser code must not import server modules.',
            },
          ],
        },
      ],
    },
  },
  {
    // zod is ~90 KB gzipped: it is for actions and loaders only, in .server modules (a schema
    // built at a route's top level ships to every visitor of the page). scripts/page-weight.js
    // checks the result in CI.
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['**/*.server.ts', '**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              allowTypeImports: true,
              message: 'zod belongs in a .server module (the area’s schema.server.ts).',
            },
            {
              name: 'react-i18next',
              importNames: ['useTranslation'],
              message:
                'useTranslation comes from ~/i18n/use-translation (one memo per language and namespace).',
            },
            {
              name: '~/utils/forms',
              allowTypeImports: true,
              message: 'Pages take only the types from ~/utils/forms; field builders are in forms.server.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      globals: globals.node,
    },
  },
);
