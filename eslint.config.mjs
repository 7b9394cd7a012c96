import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';

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
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.data/**',
      'apps/dashboard/**/*.vue',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
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
    files: ['apps/dashboard/**/*.ts'],
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
