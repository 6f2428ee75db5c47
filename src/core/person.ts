/**
 * People as typed into a quick pick: `Sam Lee`, `Sam Lee <sam@example.com>`, or a bare address.
 */

export interface Person {
  name: string;
  email?: string;
  role?: string;
}

const NAME_AND_EMAIL = /^(.*?)\s*<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/;
const BARE_EMAIL = /^[^<>\s@]+@[^<>\s@]+$/;

/** The person typed text names, or undefined for blank text. A bare address doubles as the name. */
export function parsePerson(text: string): Person | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const match = NAME_AND_EMAIL.exec(trimmed);
  if (match) {
    const name = match[1].trim().replace(/^"(.*)"$/, '$1');
    return { name: name === '' ? match[2] : name, email: match[2] };
  }
  if (BARE_EMAIL.test(trimmed)) return { name: trimmed, email: trimmed };
  return { name: trimmed };
}

/** `Sam Lee <sam@example.com>`, the form {@link parsePerson} reads back. */
export function formatPerson(person: Person): string {
  return person.email && person.email !== person.name ? `${person.name} <${person.email}>` : person.name;
}
