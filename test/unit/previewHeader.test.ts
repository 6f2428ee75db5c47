import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeHtml, renderPreviewHeader } from '../../src/core/previewHeader';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');
const BILLING = fs.readFileSync(path.join(FIXTURES, 'workspace', 'docs', 'decisions', '0004-bill-annual-plans-upfront.md'), 'utf8');

describe('previewHeader', () => {
  it('escapes the five characters that matter in HTML', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });

  it('renders the title, status badge, people, sign-off table and data sources of a record', () => {
    const html = renderPreviewHeader(BILLING, { path: 'docs/decisions/0004-bill-annual-plans-upfront.md' });
    assert.ok(html);
    assert.match(html, /<strong>DR-4<\/strong> Bill annual plans upfront <span class="rationale-status rationale-status-proposed"[^>]*>proposed<\/span>/);
    assert.match(html, /Decision-makers: Sam Lee · Consulted: Finance · Tags: #billing #pricing/);
    assert.match(html, /<strong>Sign-off<\/strong> 1\/2 signed/);
    assert.match(html, /<tr><td>Ana Ruiz<\/td><td>Engineering lead<\/td><td>pending<\/td><td><\/td><td><\/td><\/tr>/);
    assert.match(html, /<tr><td>Sam Lee<\/td><td>VP Finance<\/td><td>approved<\/td><td>2026-03-03<\/td><td>Cash-flow model checks out.<\/td><\/tr>/);
    assert.match(html, /<li><a href="https:\/\/analytics.example.com\/d\/123">Churn by plan, Q3<\/a><\/li>/);
  });

  it('uses the configured prefix', () => {
    const html = renderPreviewHeader(BILLING, { path: 'docs/decisions/0004-bill-annual-plans-upfront.md', prefix: 'ADR' });
    assert.match(html ?? '', /<strong>ADR-4<\/strong>/);
  });

  it('escapes everything the file says, and links only http(s) and mailto URLs', () => {
    const text = [
      '---',
      'title: <script>alert(1)</script>',
      'status: "<b>accepted</b>"',
      'sign-off:',
      '  - name: <img src=x onerror=alert(1)>',
      '    state: approved',
      '    comment: "\\"><a href=javascript:alert(1)>x</a>"',
      'data-sources:',
      '  - title: Evil',
      '    url: javascript:alert(1)',
      '  - title: Fine',
      '    url: https://example.com/?a=1&b="2"',
      '    note: <i>note</i>',
      '---',
      '# Title',
    ].join('\n');
    const html = renderPreviewHeader(text);
    assert.ok(html);
    assert.doesNotMatch(html, /<script|<img|<b>|<i>|<a href="?javascript/);
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
    assert.match(html, /Evil <code>javascript:alert\(1\)<\/code>/);
    assert.match(html, /<a href="https:\/\/example.com\/\?a=1&#38;b=&#34;2&#34;">Fine<\/a> — &#60;i&#62;note&#60;\/i&#62;/);
  });

  it('links data-source paths through the given resolver, and shows them as code without one', () => {
    const text = '---\ntitle: T\nstatus: accepted\ndata-sources:\n  - title: Notes\n    path: research/notes.md\n---\n# T\n';
    assert.match(renderPreviewHeader(text, { pathHref: (file) => `../../${file}` }) ?? '', /<a href="..\/..\/research\/notes.md">Notes<\/a>/);
    assert.match(renderPreviewHeader(text) ?? '', /Notes <code>research\/notes.md<\/code>/);
  });

  it('reads CRLF and a byte-order mark', () => {
    const text = '\uFEFF---\r\ntitle: T\r\nstatus: rejected\r\n---\r\n# T\r\n';
    assert.match(renderPreviewHeader(text) ?? '', /rationale-status-rejected[^>]*>rejected</);
  });

  const notRecords: [string, string][] = [
    ['plain markdown', '# Just a page\n\nText.\n'],
    ['front matter later in the file', 'Intro\n---\ntitle: T\nstatus: accepted\n---\n'],
    ['broken YAML', '---\ntitle: T\nstatus: [accepted\n---\n# T\n'],
    ['unclosed front matter', '---\ntitle: T\nstatus: accepted\n# T\n'],
    ['front matter of a blog post', '---\nlayout: post\nauthor: me\n---\n# A post\n'],
    ['empty', ''],
  ];
  for (const [name, text] of notRecords) {
    it(`leaves ${name} alone`, () => {
      assert.equal(renderPreviewHeader(text), undefined);
    });
  }
});
