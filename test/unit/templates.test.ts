import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { load as loadJsYaml } from 'js-yaml';
import { parse as parseYaml } from 'yaml';
import { NodeFileSystem } from '../../src/cli/nodeFileSystem';
import { parseRecord } from '../../src/core/parse';
import {
  BUILT_IN_TEMPLATES,
  RenderInput,
  Template,
  contextLineOf,
  loadCustomTemplates,
  mergeTemplates,
  renderRecord,
} from '../../src/core/templates';
import { MemoryFileSystem } from './memoryFileSystem';

const repoRoot = path.resolve(__dirname, '../../..');

const input: RenderInput = {
  number: 12,
  title: 'Bill annual plans upfront',
  date: '2026-11-22',
  prefix: 'DR',
  decisionMakers: ['Ana Ruiz'],
  tags: ['billing', 'pricing'],
  stakeholders: [{ name: 'Sam Lee', email: 'sam@example.com', role: 'VP Finance' }, { name: 'Kim Park' }],
};

function builtIn(id: string): Template {
  const template = BUILT_IN_TEMPLATES.find((candidate) => candidate.id === id);
  assert.ok(template, id);
  return template;
}

/** Front matter as both YAML readers in play see it: `yaml` (edits, YAML 1.2) and js-yaml (the parser). */
function frontMatterOf(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  assert.ok(match, 'no front matter');
  const strict = parseYaml(match[1]) as Record<string, unknown>;
  const viaParser = loadJsYaml(match[1]) as Record<string, unknown>;
  assert.equal(viaParser.title, strict.title);
  return strict;
}

function lines(text: string): string[] {
  return text.split('\n');
}

describe('renderRecord', () => {
  it('renders the full template with front matter in the documented key order', () => {
    const text = renderRecord(builtIn('full'), input);
    assert.equal(
      text.slice(0, text.indexOf('## Context')),
      [
        '---',
        'title: Bill annual plans upfront',
        'status: proposed',
        'date: 2026-11-22',
        'decision-makers: [Ana Ruiz]',
        'tags: [billing, pricing]',
        'sign-off:',
        '  - name: Sam Lee',
        '    email: sam@example.com',
        '    role: VP Finance',
        '    state: pending',
        '  - name: Kim Park',
        '    state: pending',
        'data-sources: []',
        '---',
        '# Bill annual plans upfront',
        '',
        '',
      ].join('\n'),
    );
    const headings = lines(text).filter((line) => line.startsWith('## '));
    assert.deepEqual(headings, ['## Context', '## Options considered', '## Decision', '## Rationale', '## Data sources', '## Consequences']);
    // Every section carries a short guidance comment.
    const sections = text.split(/^## /m).slice(1);
    for (const section of sections) assert.match(section, /<!-- .+ -->/, section);
  });

  it('renders the short template', () => {
    const text = renderRecord(builtIn('short'), input);
    assert.deepEqual(lines(text).filter((line) => line.startsWith('## ')), ['## Context', '## Decision', '## Rationale']);
    assert.equal(frontMatterOf(text).status, 'proposed');
  });

  it('renders MADR 4 with its RACI fields and sections', () => {
    const text = renderRecord(builtIn('madr'), { ...input, stakeholders: [] });
    const data = frontMatterOf(text);
    assert.deepEqual(Object.keys(data), ['title', 'status', 'date', 'decision-makers', 'consulted', 'informed', 'tags', 'data-sources']);
    assert.deepEqual(data.consulted, []);
    assert.deepEqual(
      lines(text).filter((line) => /^#{2,3} /.test(line)),
      ['## Context and Problem Statement', '## Decision Drivers', '## Considered Options', '## Decision Outcome', '### Consequences'],
    );
  });

  it('renders Nygard records the way adr-tools does, without front matter', () => {
    const text = renderRecord(builtIn('nygard'), input);
    assert.deepEqual(lines(text).slice(0, 8), ['# 12. Bill annual plans upfront', '', 'Date: 2026-11-22', '', '## Status', '', 'Proposed', '']);
    assert.ok(!text.startsWith('---'));
    assert.doesNotMatch(text, /Sam Lee|billing/);
    assert.deepEqual(lines(text).filter((line) => line.startsWith('## ')), ['## Status', '## Context', '## Decision', '## Consequences']);
  });

  it('leaves the number out of a Nygard heading when the log has none', () => {
    const text = renderRecord(builtIn('nygard'), { ...input, number: undefined });
    assert.equal(lines(text)[0], '# Bill annual plans upfront');
  });

  for (const title of [
    'Use "quotes": and # hashes',
    "It's a 'single' quote",
    'yes',
    'null',
    '2026-11-22',
    '0005',
    '12:30',
    '- dash first',
    '[bracketed]',
    '{braced}',
    '@at & *star !bang | pipe > gt %pct',
    'Trailing colon:',
    'Ünïcödé 日本語',
  ]) {
    it(`round-trips the title ${JSON.stringify(title)}`, () => {
      for (const template of BUILT_IN_TEMPLATES.filter((candidate) => candidate.header === 'front-matter')) {
        const text = renderRecord(template, { ...input, title });
        assert.equal(frontMatterOf(text).title, title, template.id);
        assert.ok(lines(text).includes(`# ${title}`), template.id);
      }
    });
  }

  it('keeps the title on one line', () => {
    const text = renderRecord(builtIn('full'), { ...input, title: '  Two\nlines\tand  spaces ' });
    assert.equal(frontMatterOf(text).title, 'Two lines and spaces');
  });

  it('quotes list items a YAML 1.1 reader would misread, and names with commas', () => {
    const text = renderRecord(builtIn('short'), { ...input, tags: ['yes', 'on', '2024'], decisionMakers: ['Ruiz, Ana'] });
    const data = frontMatterOf(text);
    assert.deepEqual(data.tags, ['yes', 'on', '2024']);
    assert.deepEqual(parseRecord('0001-x.md', text).tags, ['yes', 'on', '2024']);
    assert.deepEqual(data['decision-makers'], ['Ruiz, Ana']);
  });

  it('writes empty prompts but leaves out keys with nothing to say', () => {
    const text = renderRecord(builtIn('full'), { ...input, decisionMakers: [], tags: [], stakeholders: [] });
    const data = frontMatterOf(text);
    assert.deepEqual(Object.keys(data), ['title', 'status', 'date', 'decision-makers', 'tags', 'data-sources']);
  });

  it('finds the Context body line in every built-in template', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      const text = renderRecord(template, input);
      const line = contextLineOf(text);
      assert.ok(line !== undefined, template.id);
      const all = lines(text);
      assert.match(all[line - 1], /^## Context/, template.id);
      assert.equal(all[line], '', template.id);
      assert.match(all[line + 1], /^<!--/, template.id);
    }
  });
});

describe('rendered records read back with parseRecord', () => {
  const stakeholders = [{ name: 'Sam Lee', email: 'sam@example.com', role: 'VP Finance' }, { name: 'Kim Park' }];

  for (const template of BUILT_IN_TEMPLATES) {
    it(`reads back what the ${template.id} template wrote`, () => {
      const text = renderRecord(template, { ...input, stakeholders });
      const record = parseRecord('docs/decisions/0012-bill-annual-plans-upfront.md', text);
      assert.equal(record.number, 12);
      assert.equal(record.title, input.title);
      assert.equal(record.status, 'proposed');
      assert.equal(record.date, '2026-11-22');
      assert.equal(record.contextLine, contextLineOf(text));
      assert.deepEqual(record.problems.filter((problem) => problem.severity === 'error'), []);
      if (template.header === 'front-matter') {
        assert.deepEqual(record.tags, ['billing', 'pricing']);
        assert.deepEqual(record.decisionMakers, ['Ana Ruiz']);
        assert.deepEqual(
          record.signOff.map((signOff) => [signOff.name, signOff.email, signOff.role, signOff.state]),
          [
            ['Sam Lee', 'sam@example.com', 'VP Finance', 'pending'],
            ['Kim Park', undefined, undefined, 'pending'],
          ],
        );
        assert.deepEqual(record.dataSources, []);
      } else {
        assert.equal(record.format, 'nygard');
      }
    });
  }

  for (const title of ['Use "quotes": and # hashes', "It's: 'single' # quoted", 'yes', '2026-11-22', '0005', '[bracketed] {braced} @at']) {
    it(`keeps the title ${JSON.stringify(title)} through the parser`, () => {
      for (const template of BUILT_IN_TEMPLATES) {
        const record = parseRecord('docs/decisions/0003-x.md', renderRecord(template, { ...input, number: 3, title }));
        assert.equal(record.title, title, template.id);
      }
    });
  }

  it('reads back a custom template’s front matter', async () => {
    const { templates } = await loadCustomTemplates(new NodeFileSystem(repoRoot), 'test/fixtures/templates');
    const template = templates.find((candidate) => candidate.id === 'security-review');
    assert.ok(template);
    const text = renderRecord(template, input);
    const record = parseRecord('docs/decisions/0012-x.md', text);
    assert.deepEqual(record.tags, ['security', 'billing', 'pricing']);
    assert.deepEqual(record.consulted, ['Security team']);
    assert.equal(record.contextLine, contextLineOf(text));
  });
});

describe('contextLineOf', () => {
  it('returns the line after the heading when the section is empty', () => {
    assert.equal(contextLineOf('# T\n\n## Context\n\n## Decision\n'), 3);
  });

  it('returns the first line of text the author wrote', () => {
    assert.equal(contextLineOf('# T\n\n## Context\n\nWe ship monthly.\n\n## Decision\n'), 4);
  });

  it('returns undefined without a Context section', () => {
    assert.equal(contextLineOf('# T\n\n## Decision\n'), undefined);
  });

  it('handles CRLF', () => {
    assert.equal(contextLineOf('# T\r\n\r\n## Context\r\n\r\nText\r\n'), 4);
  });
});

describe('custom templates', () => {
  const fs = new NodeFileSystem(repoRoot);

  it('loads every markdown template of a folder and reports the broken ones', async () => {
    const { templates, problems } = await loadCustomTemplates(fs, 'test/fixtures/templates');
    assert.deepEqual(
      templates.map((template) => [template.id, template.label]),
      [
        ['own_heading', 'Own heading'],
        ['security-review', 'Security review'],
      ],
    );
    assert.equal(problems.length, 2);
    assert.match(problems.join('\n'), /broken-front-matter\.md: front matter is not valid YAML/);
    assert.match(problems.join('\n'), /unclosed\.md: front matter opens with --- but never closes/);
  });

  it('merges a template’s front matter into the record and fills placeholders', async () => {
    const { templates } = await loadCustomTemplates(fs, 'test/fixtures/templates');
    const template = templates.find((candidate) => candidate.id === 'security-review');
    assert.ok(template);
    const text = renderRecord(template, input);
    const data = frontMatterOf(text);
    assert.deepEqual(Object.keys(data), [
      'title',
      'status',
      'date',
      'decision-makers',
      'consulted',
      'tags',
      'sign-off',
      'data-sources',
      'review-board',
      'adr',
    ]);
    assert.equal(data.status, 'draft');
    assert.deepEqual(data.tags, ['security', 'billing', 'pricing']);
    assert.deepEqual(data.consulted, ['Security team']);
    assert.equal(data['review-board'], 'Architecture');
    assert.equal(data.adr, '12');
    assert.ok(text.includes('<!-- What could go wrong for DR-12, decided on 2026-11-22? -->'));
    assert.ok(text.includes('Reviewed as Bill annual plans upfront. {{unknown}} stays.'));
    assert.ok(text.includes('# Bill annual plans upfront\n\n## Threat'));
  });

  it('merges template keys spelled another way into ours, keeping the template’s spelling', () => {
    const template: Template = {
      id: 'c',
      label: 'c',
      description: '',
      body: '## Context\n',
      header: 'front-matter',
      frontMatter: { Status: 'draft', Tags: ['security'], Sign_Off: [{ who: 'CISO', state: 'pending' }], signoffs: [{ name: 'Legal', state: 'pending' }], Created: '{{date}}' },
    };
    const text = renderRecord(template, { ...input, stakeholders: [{ name: 'Sam Lee' }, { name: 'ciso' }] });
    const data = frontMatterOf(text);
    assert.deepEqual(Object.keys(data), ['title', 'Status', 'Created', 'decision-makers', 'Tags', 'Sign_Off', 'data-sources']);
    assert.ok(text.includes('\nCreated: 2026-11-22\n'), 'the date is written plain');
    const record = parseRecord('d/0012-bill-annual-plans-upfront.md', text);
    assert.deepEqual(record.problems, []);
    assert.equal(record.statusText, 'draft');
    assert.deepEqual(record.tags, ['security', 'billing', 'pricing']);
    assert.deepEqual(record.signOff.map((entry) => entry.name), ['CISO', 'Legal', 'Sam Lee']);
  });

  it('does not add a second title to a template that writes its own', async () => {
    const { templates } = await loadCustomTemplates(fs, 'test/fixtures/templates');
    const template = templates.find((candidate) => candidate.id === 'own_heading');
    assert.ok(template);
    const text = renderRecord(template, input);
    assert.equal(lines(text).filter((line) => line.startsWith('# ')).length, 1);
    assert.ok(text.includes('# DR-12: Bill annual plans upfront'));
  });

  it('has no templates in a missing folder', async () => {
    assert.deepEqual(await loadCustomTemplates(new MemoryFileSystem(), '.decisions/templates'), { templates: [], problems: [] });
  });

  it('lets a custom template replace a built-in one of the same id', () => {
    const custom: Template = { ...builtIn('short'), body: '## Mine\n', description: 'ours' };
    const merged = mergeTemplates(BUILT_IN_TEMPLATES, [custom]);
    assert.equal(merged.length, BUILT_IN_TEMPLATES.length);
    assert.equal(merged.find((template) => template.id === 'short')?.description, 'ours');
  });
});
