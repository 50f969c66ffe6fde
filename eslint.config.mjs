// `npm run lint` (also a stage of `npm test`): ESLint's and typescript-eslint's recommended rules,
// plus the house rules of CONTRIBUTING.md that a machine can check.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'));

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
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core never imports vscode: take what you need through a small interface that src/vscode implements.' }],
          patterns: [{ regex: '^(\\.\\./)+(vscode|webview)/', message: 'src/core must not import from src/vscode or src/webview.' }],
        },
      ],
    },
  },
  {
    files: ['src/webview/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Browser and shared code never imports vscode.' }, ...NODE_BUILTINS.map((name) => ({ name, message: 'Browser and shared code never imports Node.' }))],
          patterns: [
            { regex: '^node:', message: 'Browser and shared code never imports Node.' },
            { regex: '^(\\.\\./)+(core|vscode)/', message: 'src/webview and src/shared must not import from src/core or src/vscode.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Shared code never imports vscode.' }, ...NODE_BUILTINS.map((name) => ({ name, message: 'Shared code never imports Node.' }))],
          patterns: [
            { regex: '^node:', message: 'Shared code never imports Node.' },
            { regex: '^(\\.\\./)+(core|vscode|webview)/', message: 'src/shared is the bottom floor: it imports nothing of Reflect above it.' },
          ],
        },
      ],
    },
  },
  {
    // The harness and build scripts are plain Node ESM.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', fetch: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', Buffer: 'readonly' } },
  },
);
