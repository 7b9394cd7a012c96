// @nestjs/terminus 12 ships ES modules only. Node ≥ 20.19 requires them from the built
// (CommonJS) app natively, but Jest's module runtime cannot before Node 24.9: this transformer
// turns those files into CommonJS for the tests, replacing the few `import.meta` uses.
const ts = require('typescript');

module.exports = {
  process(source, path) {
    const patched = source
      // The file's own `require`, made from its URL: the CommonJS one does the same.
      .replace(/const require = createRequire\(import\.meta\.url\);/g, '')
      .replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename).href")
      .replace(/import\.meta\.dirname/g, '__dirname')
      .replace(/import\.meta\.resolve\(/g, 'require.resolve(');
    const { outputText } = ts.transpileModule(patched, {
      fileName: path,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        allowJs: true,
        esModuleInterop: true,
      },
    });
    return { code: outputText };
  },
};
