// Writes realistic decision logs for the benchmark: the formats real teams use, sign-offs and data
// sources in the front matter, 2-4 KB bodies, and a few per cent of broken files, as real logs have.
const fs = require('node:fs');
const path = require('node:path');

const WORDS = (
  'customer revenue churn latency pipeline rollout budget forecast migration vendor contract storage ' +
  'region cache invoice pricing onboarding retention quota compliance audit tenant release database ' +
  'queue dashboard experiment cohort funnel conversion support incident capacity cost roadmap partner'
).split(' ');
const PEOPLE = [
  ['Ana Ruiz', 'ana@example.com', 'Product'],
  ['Sam Lee', 'sam@example.com', 'VP Finance'],
  ['Priya Nair', 'priya@example.com', 'Engineering Lead'],
  ['Tom Berg', 'tom@example.com', 'Sales'],
  ['Mei Chen', 'mei@example.com', 'Design'],
  ['Omar Haddad', 'omar@example.com', 'Support'],
];
const STATUSES = ['proposed', 'accepted', 'accepted', 'accepted', 'rejected', 'deprecated', 'superseded'];
const STATES = ['approved', 'approved', 'pending', 'objected', 'abstained'];
const TAGS = ['billing', 'pricing', 'infra', 'security', 'onboarding', 'data', 'mobile', 'growth'];

/** A small deterministic generator, so every run measures the same files. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick(next, list) {
  return list[Math.floor(next() * list.length)];
}

function sentence(next, words) {
  const parts = [];
  for (let i = 0; i < words; i++) parts.push(pick(next, WORDS));
  const text = parts.join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

function paragraph(next, sentences) {
  const parts = [];
  for (let i = 0; i < sentences; i++) parts.push(sentence(next, 8 + Math.floor(next() * 10)));
  return parts.join(' ');
}

function date(next) {
  const month = 1 + Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  return `${2018 + Math.floor(next() * 9)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 2-4 KB of body text in the sections of a full record, each section once. */
function body(next, title) {
  const sections = ['Context', 'Options considered', 'Decision', 'Rationale', 'Consequences'];
  const target = 2048 + Math.floor(next() * 2048);
  const texts = sections.map(() => '');
  for (let i = 0, length = 0; length < target; i++) {
    const added = paragraph(next, 2 + Math.floor(next() * 2));
    texts[i % sections.length] += (texts[i % sections.length] ? '\n\n' : '') + added;
    length += added.length + 2;
  }
  return `# ${title}\n` + sections.map((name, i) => `\n## ${name}\n\n${texts[i]}\n`).join('');
}

function ourRecord(next, number, title) {
  const signers = PEOPLE.slice(0, 2 + Math.floor(next() * 3));
  const lines = [
    '---',
    `title: ${title}`,
    `status: ${pick(next, STATUSES)}`,
    `date: ${date(next)}`,
    `decision-makers: [${PEOPLE[0][0]}]`,
    `tags: [${pick(next, TAGS)}, ${pick(next, TAGS)}]`,
    'sign-off:',
  ];
  for (const [name, email, role] of signers) {
    lines.push(`  - name: ${name}`, `    email: ${email}`, `    role: ${role}`, `    state: ${pick(next, STATES)}`);
    lines.push(`    date: ${date(next)}`, `    comment: ${sentence(next, 6)}`);
  }
  lines.push('data-sources:', `  - title: ${sentence(next, 3)}`, `    url: https://analytics.example.com/d/${number}`);
  lines.push(`    note: ${sentence(next, 5)}`, `  - title: Research notes`, `    path: research/${number}.md`);
  if (number > 10 && next() < 0.2) lines.push(`related: [${number - 3}, ${number - 7}]`);
  lines.push('---');
  return lines.join('\n') + '\n' + body(next, title);
}

function madrRecord(next, _number, title) {
  const head = ['---', `status: ${pick(next, STATUSES)}`, `date: ${date(next)}`, `decision-makers: ${PEOPLE[2][0]}, ${PEOPLE[1][0]}`, '---'];
  return head.join('\n') + '\n' + body(next, title);
}

function nygardRecord(next, number, title) {
  return `# ${number}. ${title}\n\nDate: ${date(next)}\n\n## Status\n\n${pick(next, ['Accepted', 'Proposed', 'Deprecated'])}\n` + body(next, title).replace(/^# .*\n/, '');
}

function brokenRecord(next, number, title) {
  // Unquoted colon in a flow mapping position: YAML rejects it, as it does in real logs.
  return `---\ntitle: ADR${number}: ${title}\nstatus: [accepted\n---\n` + body(next, title);
}

/**
 * Writes `count` records into `folder` and returns their paths relative to `folder`.
 * `mix` chooses the formats: 'mixed' (ours, MADR, Nygard, ~3% broken) or 'nygard' (adr-tools only).
 */
function generateLog(folder, count, mix = 'mixed', seed = 42) {
  const next = random(seed + count);
  fs.mkdirSync(folder, { recursive: true });
  const names = [];
  for (let number = 1; number <= count; number++) {
    const title = sentence(next, 3 + Math.floor(next() * 5)).replace(/\.$/, '');
    const roll = next();
    let text;
    if (mix === 'nygard') text = nygardRecord(next, number, title);
    else if (roll < 0.03) text = brokenRecord(next, number, title);
    else if (roll < 0.7) text = ourRecord(next, number, title);
    else if (roll < 0.85) text = madrRecord(next, number, title);
    else text = nygardRecord(next, number, title);
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    const name = `${String(number).padStart(4, '0')}-${slug}.md`;
    fs.writeFileSync(path.join(folder, name), text);
    names.push(name);
  }
  return names;
}

module.exports = { generateLog };
