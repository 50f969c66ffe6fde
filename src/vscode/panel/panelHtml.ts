// The journal panel's HTML: a static skeleton the webview script fills in. Free of the vscode
// module (the provider passes in the webview's strings), so a unit test can check the policy.
import { CAPTURE_KINDS, CAPTURES } from '../../shared/noteKinds';
import { energyDescription, LIMITS, PERIOD_FILTERS, PERIOD_LABELS } from '../../shared/protocol';

export interface PanelHtmlInput {
  /** `webview.cspSource`: the origin asWebviewUri() hands out. */
  cspSource: string;
  /** A fresh random value for each render (see journalPanel.ts). */
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

const attr = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The Content Security Policy: nothing by default; styles only from the extension's own files;
 * scripts only with this render's nonce (no inline handlers, no eval); no images, frames, fetches,
 * form posts or `<base>`. Entry HTML is sanitized as well: this is the second wall.
 */
export function panelCsp(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `style-src ${cspSource}`, `script-src 'nonce-${nonce}'`, `form-action 'none'`, `base-uri 'none'`].join('; ');
}

export function panelHtml({ cspSource, nonce, scriptUri, styleUri }: PanelHtmlInput): string {
  if (!/^[A-Za-z0-9+/=]{16,}$/.test(nonce)) throw new Error('the nonce must be at least 16 base64 characters');
  const kinds = CAPTURE_KINDS.map((k) => `<option value="${k}">${CAPTURES[k].label}</option>`).join('');
  const periods = PERIOD_FILTERS.map((p) => `<option value="${p}">${PERIOD_LABELS[p]}</option>`).join('');
  const energy = [1, 2, 3, 4, 5]
    .map(
      (n) =>
        `<input type="radio" name="energy" id="energy-${n}" value="${n}"><label for="energy-${n}" title="${energyDescription(n)}"><span aria-hidden="true">${n}</span><span class="visually-hidden">${energyDescription(n)}</span></label>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(panelCsp(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${attr(styleUri)}" rel="stylesheet">
<title>Journal</title>
</head>
<body>
<div id="home">
  <details id="capture" class="section" open>
    <summary><h2 class="section-title">Capture <span id="capture-day" class="muted"></span></h2></summary>
    <div class="capture-row">
      <label class="visually-hidden" for="capture-kind">Kind of note</label>
      <select id="capture-kind">${kinds}</select>
      <label class="visually-hidden" for="capture-text">Text to add to today's entry</label>
      <input id="capture-text" type="text" maxlength="${LIMITS.captureText}" autocomplete="off" placeholder="Add to today's entry">
      <button id="capture-add" type="button">Add</button>
    </div>
    <fieldset id="energy" class="energy">
      <legend>Energy today</legend>
      <div class="energy-options">${energy}</div>
    </fieldset>
    <p id="capture-status" class="status" role="status" aria-live="polite"></p>
  </details>
  <details id="trends" class="section" open>
    <summary><h2 class="section-title">Trends</h2></summary>
    <dl class="stats">
      <div><dt>Streak</dt><dd id="stat-streak">–</dd></div>
      <div><dt>This month</dt><dd id="stat-month">–</dd></div>
      <div><dt>Avg. energy</dt><dd id="stat-energy">–</dd></div>
    </dl>
    <div class="chart-head">
      <h3 id="chart-label" class="subsection-title">Energy</h3>
      <div role="group" aria-label="Energy chart range" class="segmented">
        <button type="button" data-days="30" aria-pressed="true">30 days</button><button type="button" data-days="90" aria-pressed="false">90 days</button>
      </div>
    </div>
    <div id="energy-chart" class="chart"></div>
    <h3 class="subsection-title">On this day</h3>
    <ul id="on-this-day" class="cards"></ul>
  </details>
  <section id="browse" class="section" aria-labelledby="browse-heading">
    <h2 id="browse-heading" class="section-title">Timeline</h2>
    <input id="search" type="search" placeholder="Search entries" aria-label="Search entries" aria-controls="timeline" maxlength="${LIMITS.searchText}" autocomplete="off" spellcheck="false">
    <div class="filters">
      <label>Type <select id="filter-type"><option value="">All</option></select></label>
      <label>Tag <select id="filter-tag"><option value="">All</option></select></label>
      <label>Period <select id="filter-period">${periods}</select></label>
    </div>
    <p id="result-count" class="status" role="status" aria-live="polite"></p>
    <div id="timeline" class="timeline" role="listbox" aria-labelledby="browse-heading" aria-describedby="result-count"></div>
    <button id="load-more" type="button" class="secondary" hidden>Load more</button>
  </section>
</div>
<section id="reader" class="reader" hidden aria-labelledby="reader-title">
  <div class="reader-bar">
    <button id="reader-back" type="button" class="secondary" aria-keyshortcuts="Escape">Back to timeline</button>
    <button id="reader-open" type="button">Open in editor</button>
  </div>
  <h2 id="reader-title" tabindex="-1"></h2>
  <p id="reader-meta" class="muted"></p>
  <p id="reader-status" class="status" role="status" aria-live="polite"></p>
  <article id="reader-body" class="markdown" aria-labelledby="reader-title"></article>
</section>
<script nonce="${attr(nonce)}" src="${attr(scriptUri)}"></script>
</body>
</html>`;
}
