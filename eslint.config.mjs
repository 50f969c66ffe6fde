// `npm run lint` (also a stage of `npm test`): ESLint's and typescript-eslint's recommended rules,
// plus the house rules of CONTRIBUTING.md that a machine can check.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'));

/** `no-restricted-imports` for one floor of the house: no vscode, no Node when `node` is set, nothing from the folders `above`. */
function wall(files, { node, above, message }) {
  const paths = [{ name: 'vscode', message }, ...(node ? NODE_BUILTINS.map((name) => ({ name, message })) : [])];
  const patterns = [...(node ? [{ regex: '^node:', message }] : []), { regex: `^(\\.\\./)+(${above.join('|')})/`, message }];
  return { files: [files], rules: { 'no-restricted-imports': ['error', { paths, patterns }] } };
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.vscode-test/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Named exports only (CONTRIBUTING.md).' }],
    },
  },
  // The house's walls (CONTRIBUTING.md): the core knows no editor; the webview and the protocol it
  // shares with the extension know neither the editor nor Node; nothing imports from a floor above.
  wall('src/core/**/*.ts', { node: false, above: ['vscode', 'webview'], message: 'src/core never imports vscode or src/vscode, src/webview: take what you need through a small interface that src/vscode implements.' }),
  wall('src/webview/**/*.ts', { node: true, above: ['core', 'vscode'], message: 'src/webview is browser code: no vscode, no Node, nothing from src/core or src/vscode.' }),
  wall('src/shared/**/*.ts', { node: true, above: ['core', 'vscode', 'webview'], message: 'src/shared is the bottom floor: no vscode, no Node, nothing of Reflect above it.' }),
  {
    // The harness and build scripts are plain Node ESM.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', fetch: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', Buffer: 'readonly' } },
  },
);
