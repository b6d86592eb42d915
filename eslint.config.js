// Baan's lint: the boundaries between the browser, the app and the database, checked by a machine
// (docs/decisions/012-boundaries-a-linter-enforces.md). `npm run lint` runs it; CI runs it after typecheck.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Importing these loads the database schema, the ORM or the database handle: never in code a page ships to
 * the browser. (Patterns are gitignore-style: a leading `#` must be escaped or it reads as a comment.)
 */
const databaseCode = [
  {
    group: ['\\#db/*', '**/db/*', '**/db/**'],
    message: 'Code that reaches the browser never imports db/: value lists live in #domain/*, queries in a *.server.ts module.',
  },
  { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'The ORM stays on the server: put the query in a *.server.ts module.' },
  { group: ['~/lib/database.server*', '**/lib/database.server*'], message: 'The database handle is for db/ and *.server.ts modules.' },
];

export default tseslint.config(
  {
    ignores: [
      '**/build/**',
      'node_modules/**',
      '**/.react-router/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'scratch/**',
      'db/migrations/**',
      'public/map/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // Baan strips control characters from what people paste on purpose (names, feeds, XML): the regexes name them.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      // A promise nobody awaits loses its error (an unhandled rejection ends the server) and its ordering.
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Route modules, components and the plain modules they share: what React Router may bundle for the browser.
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/**/*.server.{ts,tsx}', 'app/**/.server/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: databaseCode }],
    },
  },
  {
    // The typed request context names the Database type its middleware puts there, and the permission map names
    // the scope a proven permission carries: types, erased from the bundle. The handle itself is opened by
    // *.server.ts code.
    files: ['app/**/context.ts', 'app/auth/permissions.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['\\#db/client', '\\#db/client.ts', '\\#db/scope', '\\#db/scope.ts'],
              allowTypeImports: true,
              message: 'The database handle is for db/ and *.server.ts modules.',
            },
            {
              group: ['\\#db/*', '!\\#db/client', '!\\#db/client.ts', '!\\#db/scope', '!\\#db/scope.ts', '**/db/*', '**/db/**'],
              message: databaseCode[0].message,
            },
            databaseCode[1],
            databaseCode[2],
          ],
        },
      ],
    },
  },
  {
    // The database layer knows nothing of the app. db/seed is exempt: seeding runs the app's own use cases
    // (password hashing, copying the handbook template) so the demo data is what the app itself would write.
    files: ['db/**/*.ts'],
    ignores: ['db/seed/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['~/*', '\\#app/*', '**/app/*', '**/app/**'], message: 'db/ never imports app code: shared value lists live in domain/.' }] },
      ],
    },
  },
  {
    // domain/ is plain data and pure functions, shared by the browser, the app and the database.
    files: ['domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...databaseCode,
            {
              group: ['~/*', '\\#app/*', '**/app/*', '**/app/**', 'react', 'react-router'],
              message: 'domain/ is plain data: it imports nothing of the app, the database or the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, ...globals.serviceworker } },
  },
);
