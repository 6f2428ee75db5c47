// Record files are written by whoever can push to the repository: what they say is shown, never obeyed. The
// preview header may only contain the markup it builds itself, pull request lines keep file text inside their
// link text and code spans, and custom templates are text with placeholders, never code.
import * as assert from 'node:assert/strict';
import { formatPullRequestLine } from '../../src/core/permalink';
import { renderPreviewHeader } from '../../src/core/previewHeader';
import { type Template, renderRecord } from '../../src/core/templates';

/** Attacks a record's author might try, each as one YAML-safe double-quoted string. */
const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  '</td></tr></table><iframe src=javascript:alert(1)>',
  '[run](command:workbench.action.terminal.new)',
  '<a href="command:workbench.action.terminal.new">run</a>',
  '&lt;script&gt; already escaped',
  '<!-- comment --><style>body{display:none}</style>',
];

/** The markup renderPreviewHeader writes itself; anything else in its output came from the file. */
const OWN_TAGS = new Set(['div', 'p', 'strong', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'a', 'code']);
const OWN_ATTRIBUTES = new Set(['class', 'style', 'href']);

/** Every tag in `html` with its attributes; fails on anything that is not the header's own markup. */
function assertOnlyOwnMarkup(html: string, context: string): void {
  // Any `<` must open one of our tags: file text has its `<` escaped as `&#60;`.
  const tags = html.match(/<[^>]*>/g) ?? [];
  assert.equal(tags.join('').split('<').length - 1, html.split('<').length - 1, `${context}: a stray < in ${html}`);
  for (const tag of tags) {
    const match = /^<\/?([a-z]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>$/.exec(tag);
    assert.ok(match, `${context}: unexpected markup ${tag}`);
    assert.ok(OWN_TAGS.has(match[1]), `${context}: unexpected element ${tag}`);
    for (const attribute of match[2].matchAll(/([a-z-]+)="([^"]*)"/g)) {
      assert.ok(OWN_ATTRIBUTES.has(attribute[1]), `${context}: unexpected attribute in ${tag}`);
      if (attribute[1] === 'href') assert.match(attribute[2], /^(?:https?:\/\/|mailto:|[^:]*$)/i, `${context}: unsafe link ${tag}`);
    }
  }
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

/** A record whose every field the header shows holds `payload`. */
function hostileRecord(payload: string): string {
  const value = yamlString(payload);
  return [
    '---',
    `title: ${value}`,
    `status: ${value}`,
    `date: ${value}`,
    `decision-makers: [${value}]`,
    `consulted: [${value}]`,
    `informed: [${value}]`,
    `tags: [${value}]`,
    'sign-off:',
    `  - name: ${value}`,
    `    role: ${value}`,
    '    state: approved',
    `    date: ${value}`,
    `    comment: ${value}`,
    'data-sources:',
    `  - title: ${value}`,
    `    url: ${value}`,
    `    note: ${value}`,
    `  - title: ${value}`,
    `    path: ${value}`,
    `  - url: ${yamlString(`https://example.com/${payload}`)}`,
    '---',
    `# ${payload}`,
    '',
  ].join('\n');
}

describe('hostile content', () => {
  describe('Markdown preview header', () => {
    for (const payload of PAYLOADS) {
      it(`shows ${payload} in every field as text`, () => {
        const html = renderPreviewHeader(hostileRecord(payload), { path: 'docs/decisions/0001-x.md' });
        assert.ok(html, 'the record has a header');
        assertOnlyOwnMarkup(html, payload);
        // The payload is there, readable, rather than dropped.
        assert.ok(html.includes(payload.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)), html);
      });
    }

    it('keeps a data-source path link inside its href even when the path tries to close the attribute', () => {
      const text = hostileRecord('x').replace('path: "x"', 'path: "a\\" onclick=\\"alert(1)"');
      const html = renderPreviewHeader(text, { pathHref: (file) => file });
      assert.ok(html);
      assertOnlyOwnMarkup(html, 'path');
      assert.match(html, /<a href="a&#34; onclick=&#34;alert\(1\)">x<\/a>/);
    });

    it('links no javascript:, data: or vbscript: address, whatever its case or surrounding space', () => {
      for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', '//evil.example.com']) {
        const html = renderPreviewHeader(`---\ntitle: T\nstatus: accepted\ndata-sources:\n  - title: Source\n    url: ${yamlString(url)}\n---\n`);
        assert.ok(html);
        assertOnlyOwnMarkup(html, url);
        assert.doesNotMatch(html, /<a /, url);
      }
    });
  });

  describe('pull request line', () => {
    it('keeps a title that tries to close the link inside the link text', () => {
      const line = formatPullRequestLine({
        prefix: 'DR',
        number: 3,
        title: 'Ship it](javascript:alert(1)) [more',
        url: 'https://github.com/acme/app/blob/main/docs/decisions/0003-x.md',
        path: 'docs/decisions/0003-x.md',
      });
      assert.equal(line, '[DR-3: Ship it\\](javascript:alert(1)) \\[more](https://github.com/acme/app/blob/main/docs/decisions/0003-x.md)');
    });

    it('keeps a file name with backticks inside its code span, and a title on one line', () => {
      const line = formatPullRequestLine({ prefix: 'DR', number: 3, title: 'Two\nlines', path: 'docs/decisions/0003-`rm -rf`.md' });
      assert.equal(line, 'DR-3: Two lines (``docs/decisions/0003-`rm -rf`.md``)');
    });
  });

  describe('custom templates', () => {
    const input = { number: 9, title: 'Use queues', date: '2026-01-02', prefix: 'DR', decisionMakers: [], tags: [], stakeholders: [] };
    const template = (body: string): Template => ({ id: 'custom', label: 'Custom', description: '', body, frontMatter: {}, header: 'front-matter' });

    it('fills in only its placeholders and leaves code-like text as written', () => {
      const body = '## Context\n\n{{title}} {{ID}} ${process.exit(1)} `$(rm -rf ~)` {{eval}} <% system("id") %> {{{title}}}\n';
      const text = renderRecord(template(body), input);
      assert.ok(text.includes('Use queues DR-9 ${process.exit(1)} `$(rm -rf ~)` {{eval}} <% system("id") %> {Use queues}\n'), text);
    });

    it('leaves placeholders named like built-in object members alone', () => {
      const body = '## Context\n\n{{constructor}} {{__proto__}} {{toString}} {{hasOwnProperty}}\n';
      const text = renderRecord(template(body), input);
      assert.ok(text.includes('{{constructor}} {{__proto__}} {{toString}} {{hasOwnProperty}}\n'), text);
    });
  });
});
