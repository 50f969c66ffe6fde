// Runs the integration suite in desktop VS Code via @vscode/test-electron (needs internet to
// download VS Code). On machines without it, `npm test` runs the same suite in code-server.
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index.js'),
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
