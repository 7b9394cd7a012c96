import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as ts from 'typescript';

const LIBRARY = resolve(__dirname, '..');
const ROOT = resolve(LIBRARY, '../..');
const manifest = JSON.parse(readFileSync(join(LIBRARY, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string>;
};

/** The `@ioc/domain…` entries of a tsconfig's `paths`, resolved to files from the repository root. */
function domainPaths(tsconfig: string): Record<string, string[]> {
  const { config } = ts.readConfigFile(join(ROOT, tsconfig), (path) => ts.sys.readFile(path)) as {
    config: { compilerOptions: { paths: Record<string, string[]> } };
  };
  return Object.fromEntries(
    Object.entries(config.compilerOptions.paths)
      .filter(([name]) => name.startsWith('@ioc/domain'))
      .map(([name, files]) => [
        name,
        files.map((file) => resolve(ROOT, dirname(tsconfig), file).slice(ROOT.length + 1)),
      ]),
  );
}

/** Module specifiers a file imports at run time: `import type` and `export type` leave nothing. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const typesOnly =
        clause?.isTypeOnly ||
        (clause !== undefined &&
          !clause.name &&
          bindings !== undefined &&
          ts.isNamedImports(bindings) &&
          bindings.elements.every((element) => element.isTypeOnly));
      if (!typesOnly) specifier = statement.moduleSpecifier;
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const clause = statement.exportClause;
      const typesOnly =
        clause !== undefined &&
        ts.isNamedExports(clause) &&
        clause.elements.every((element) => element.isTypeOnly);
      if (!typesOnly) specifier = statement.moduleSpecifier;
    }
    if (specifier && ts.isStringLiteral(specifier)) specifiers.push(specifier.text);
  }
  return specifiers;
}

/** The packages (not files of the library) an entry point reaches at run time, sorted. */
function packagesReached(entry: string): string[] {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      if (!specifier.startsWith('.')) {
        packages.add(specifier);
        continue;
      }
      const target = resolve(dirname(file), specifier);
      if (target.endsWith('.json')) continue;
      visit(existsSync(`${target}.ts`) ? `${target}.ts` : join(target, 'index.ts'));
    }
  };
  visit(join(LIBRARY, entry));
  return [...packages].sort();
}

describe('libs/domain entry points', () => {
  it('are four, each a file', () => {
    expect(Object.keys(manifest.exports)).toEqual(['.', './browser', './testing', './demo']);
    for (const file of Object.values(manifest.exports)) {
      expect([file, existsSync(join(LIBRARY, file))]).toEqual([file, true]);
    }
  });

  it('are all the TypeScript paths resolve, and the dashboard resolves only the browser one', () => {
    expect(domainPaths('tsconfig.json')).toEqual({
      '@ioc/domain': ['libs/domain/src/index.ts'],
      '@ioc/domain/browser': ['libs/domain/src/browser.ts'],
      '@ioc/domain/testing': ['libs/domain/src/testing/index.ts'],
      '@ioc/domain/demo': ['libs/domain/src/demo/index.ts'],
    });
    expect(domainPaths('apps/dashboard/tsconfig.json')).toEqual({
      '@ioc/domain/browser': ['libs/domain/src/browser.ts'],
    });
    const declared = Object.entries(manifest.exports).map(([subpath, file]) => [
      `${manifest.name}${subpath.slice(1)}`,
      join('libs/domain', file),
    ]);
    expect(Object.entries(domainPaths('tsconfig.json')).map(([n, [f]]) => [n, f])).toEqual(
      declared,
    );
  });

  it('keep zod and date-holidays out of the browser entry, which the whole API pulls in', () => {
    expect(packagesReached('src/index.ts')).toEqual(['date-holidays', 'luxon', 'zod']);
    // luxon is reached through LocalClock's module only; the dashboard's bundle shakes it off.
    expect(packagesReached('src/browser.ts')).toEqual(['luxon']);
  });
});
