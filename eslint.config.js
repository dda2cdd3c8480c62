// One strict configuration for the whole tree. Layering is enforced here:
// clinical imports nothing of ours and no Node built-ins; the contract (the API's code lists and
// schemas) imports nothing but zod/mini; server and web both use the contract; server never imports web.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'bench/results/**',
      'packages/server/src/db/migrations/**',
      'test-results/**',
      'playwright-report/**',
      '.test-output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['packages/clinical/src/**/*.ts'],
    ignores: ['packages/clinical/src/vectors/cli.ts', 'packages/clinical/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net'],
              message: 'The clinical core is pure: no I/O.',
            },
            {
              group: ['@osteopad/server', '@osteopad/web', '**/server/**', '**/web/**'],
              message: 'clinical depends on nothing of ours.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'No clock in the clinical core: pass `today` in.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The clinical core is deterministic.' },
      ],
    },
  },
  {
    // The API written once (docs/ARCHITECTURE.md): server and web both import it, so it imports
    // neither, nor the clinical engine, nor Node; and it is written in zod/mini, so the web bundles only
    // the schemas it parses with (full `zod` would pull all of zod into the first load).
    files: ['packages/contract/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'The contract is written in zod/mini (the web bundle).' }],
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net'],
              message: 'The contract runs in the browser too: no Node built-ins.',
            },
            {
              group: [
                '@osteopad/*',
                '**/server/**',
                '**/web/**',
                '**/clinical/**',
                'zod/v4/classic',
                'zod/v4',
              ],
              message: 'The contract depends on zod/mini only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@osteopad/web', '**/web/**'], message: 'server never imports web.' }] },
      ],
    },
  },
  {
    // Below the HTTP edge errors are domain errors (domain/errors.ts), mapped once to HTTP in app.ts,
    // to exit codes in the CLI and to ACK codes over MLLP.
    files: ['packages/server/src/**/*.ts'],
    ignores: [
      'packages/server/src/http/**',
      'packages/server/src/auth/**',
      'packages/server/src/**/*.routes.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@osteopad/web', '**/web/**'], message: 'server never imports web.' },
            {
              group: ['**/http/problems'],
              message: 'Domain code raises DomainError (domain/errors.ts); only the HTTP edge speaks HTTP.',
            },
          ],
        },
      ],
    },
  },
  {
    // Case finding flows one way: parsers → pipeline → channels (docs/ARCHITECTURE.md). Parsers know no
    // database; the pipeline knows no channel; nothing in case finding knows the finding review.
    files: ['packages/server/src/caseFinding/parsers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/pipeline/**', '**/channels/**'],
              message: 'Parsers come first: they import no pipeline or channel.',
            },
            {
              group: ['**/reportFindings/**'],
              message: 'Case finding does not depend on the finding review.',
            },
            { group: ['**/http/problems'], message: 'Domain code raises DomainError (domain/errors.ts).' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/src/caseFinding/pipeline/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/channels/**'],
              message: 'The pipeline serves the channels; it imports none of them.',
            },
            {
              group: ['**/reportFindings/**'],
              message: 'Case finding does not depend on the finding review.',
            },
            { group: ['**/http/problems'], message: 'Domain code raises DomainError (domain/errors.ts).' },
          ],
        },
      ],
    },
  },
  {
    // One unit of work (audit/auditedTransaction.ts): only the audit module sets the organisation for
    // row-level security and writes audit rows; everyone else goes through it.
    files: ['packages/server/src/**/*.ts'],
    ignores: ['packages/server/src/audit/**', 'packages/server/src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'Literal[value=/osteopad\\.organization_id/], TemplateElement[value.raw=/osteopad\\.organization_id/]',
          message: 'Only the unit of work (audit/auditedTransaction.ts) sets the organisation: use it.',
        },
        {
          selector:
            "ImportSpecifier[imported.name='writeAudit'], ImportSpecifier[imported.name='auditEvents']",
          message:
            'Only the unit of work writes audit rows: use auditedTransaction / auditedWork / recordAuditEvents.',
        },
      ],
    },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@osteopad/server', '**/server/**'], message: 'web talks to server over HTTP only.' },
          ],
        },
      ],
    },
  },
);
