import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

// libs/domain is imported through the entry points its package.json declares, never deeper.
const domain = JSON.parse(readFileSync(join(import.meta.dirname, 'libs/domain/package.json')));
const entryPoints = Object.keys(domain.exports).map((subpath) => domain.name + subpath.slice(1));
const subpaths = Object.keys(domain.exports)
  .filter((subpath) => subpath !== '.')
  .map((subpath) => subpath.slice(2));
const intoLibsDomain = '(^|/)libs/domain(/|$)';
const deepDomainImports = {
  regex: `^${domain.name}/(?!(${subpaths.join('|')})$)|${intoLibsDomain}`,
  message: `import libs/domain through its entry points: ${entryPoints.join(', ')}`,
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...vue.configs['flat/recommended'],
  {
    // Type-aware: each file is checked against the tsconfig.json nearest to it (the root one, or
    // the dashboard's, which covers its .vue files).
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly' },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Single-file components: vue-eslint-parser for the template, TypeScript's for the script.
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, sourceType: 'module' },
    },
    rules: {
      // vue-tsc checks every name, as tsc does for .ts files (where typescript-eslint turns it off).
      'no-undef': 'off',
      // Screens are views/<screen>/index.vue (STYLE.md); their route names them.
      'vue/multi-word-component-names': ['error', { ignores: ['index'] }],
    },
  },
  {
    // Configuration scripts belong to no TypeScript project: checked without types.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly' },
    },
    // CommonJS configuration files (jest.config.js): `require` is how they import.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Fake repositories implement async interfaces over rows held in memory: nothing to await.
    files: ['apps/api/src/testing/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // Libraries never import apps (STYLE.md).
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/apps/**', '@nestjs/*', 'vue', 'typeorm'],
              message: 'libs/domain stays framework-free and never imports an app',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepDomainImports] }] },
  },
  {
    // The dashboard talks to the API over HTTP and sockets only.
    files: ['apps/dashboard/**/*.ts', 'apps/dashboard/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/apps/api/**', '**/apps/simulator/**', '@nestjs/*'],
              message: 'the dashboard never imports the API',
            },
            {
              // The other entry points would bring zod and date-holidays into the wall's bundle.
              regex: `^${domain.name}(?!/browser$)(/|$)|${intoLibsDomain}`,
              message: `the dashboard imports libs/domain through ${domain.name}/browser only`,
            },
          ],
        },
      ],
    },
  },
  prettier,
);
