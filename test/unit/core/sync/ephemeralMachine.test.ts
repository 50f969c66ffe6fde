// Which machines lose a journal with them (ephemeralMachine.ts): containers and Codespaces, never
// WSL or SSH, and not a journal in a dev container's workspace folder (mounted from the host).
import * as assert from 'node:assert/strict';
import { ephemeralJournal } from '../../../../src/core/sync/ephemeralMachine';

describe('a journal on a machine that goes away (ephemeralJournal)', () => {
  const home = '/home/vscode/reflect-journal';
  const workspace = ['/workspaces/app'];

  it('a dev container or Codespace with the journal in its home', () => {
    assert.equal(ephemeralJournal('dev-container', home, workspace), 'dev container');
    assert.equal(ephemeralJournal('attached-container', home, workspace), 'dev container');
    assert.equal(ephemeralJournal('k8s-container', home, workspace), 'dev container');
    assert.equal(ephemeralJournal('codespaces', home, workspace), 'Codespace');
  });

  it('not a local window, WSL, SSH, a tunnel or a remote it does not know', () => {
    for (const remote of [undefined, '', 'wsl', 'ssh-remote', 'tunnel', 'something-new']) {
      assert.equal(ephemeralJournal(remote, home, workspace), undefined, String(remote));
    }
  });

  it('a dev container\'s workspace folder outlives it; a Codespace\'s does not', () => {
    assert.equal(ephemeralJournal('dev-container', '/workspaces/app/.reflect', workspace), undefined);
    assert.equal(ephemeralJournal('dev-container', '/workspaces/app', workspace), undefined);
    assert.equal(ephemeralJournal('dev-container', '/workspaces/app-notes', workspace), 'dev container', 'a sibling is not inside');
    assert.equal(ephemeralJournal('codespaces', '/workspaces/app/.reflect', workspace), 'Codespace');
  });
});
