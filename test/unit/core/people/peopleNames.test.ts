import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { canonicalPerson, formatPerson, parsePeople, PEOPLE_FILE, peopleIn, personSlug, samePerson, withNames } from '../../../../src/core/people/peopleNames';
import { FIXTURES } from './peopleJournal';

const PEOPLE = parsePeople(readFileSync(path.join(FIXTURES, 'journal', PEOPLE_FILE), 'utf8'));

describe('people: names and aliases', () => {
  it('reads people.md: one person a bullet, the name before the colon, the spellings after it; prose and titles are skipped', () => {
    assert.deepEqual(PEOPLE.people, [
      { name: 'Priya Kumar', aliases: ['@priya', 'Priya K', 'PK'], line: 4 },
      { name: 'Sam Lee', aliases: ['@sam', 'Samuel'], line: 5 },
      { name: 'Dana', aliases: [], line: 6 },
    ]);
  });

  it('a spelling claimed twice stays with the first person, and a name always means its own person', () => {
    const list = parsePeople('- Sam Lee: @sam, Dana\n- Sam Ortiz: @sam, SO\n- Dana\n');
    assert.equal(canonicalPerson('@sam', list), 'Sam Lee');
    assert.equal(canonicalPerson('so', list), 'Sam Ortiz');
    assert.equal(canonicalPerson('Dana', list), 'Dana', "Dana's own bullet wins over Sam Lee's alias");
  });

  it('matches any spelling case-insensitively, with or without @, its edge punctuation and possessive trimmed', () => {
    for (const raw of ['Priya Kumar', 'priya kumar', '@priya', '@Priya,', 'PRIYA K', '(PK)', 'pk:', "Priya K's", '  Priya   K  ', '“@priya”']) {
      assert.equal(canonicalPerson(raw, PEOPLE), 'Priya Kumar', raw);
    }
    assert.equal(canonicalPerson('Samuel.', PEOPLE), 'Sam Lee');
    assert.ok(samePerson('@sam', 'SAMUEL', PEOPLE));
    assert.ok(!samePerson('@sam', '@priya', PEOPLE));
    assert.ok(!samePerson('', '', PEOPLE), 'no one is not a person');
  });

  it('without an alias list, a handle and a name are still one person: "@marco" reads "Marco"', () => {
    assert.equal(canonicalPerson('@marco'), 'Marco');
    assert.equal(canonicalPerson('Marco!'), 'Marco');
    assert.equal(canonicalPerson('@McKenzie'), 'McKenzie', 'a name written with capitals keeps them');
    assert.ok(samePerson('@marco', 'MARCO'));
    assert.ok(!samePerson('@marco', 'Marcos'));
  });

  it('finds the people a line names: handles and known spellings as whole words, in order, each once', () => {
    assert.deepEqual(peopleIn('Send @sam the runbook, then ping priya k and PK again', PEOPLE), ['Sam Lee', 'Priya Kumar']);
    assert.deepEqual(peopleIn('Pairing with Dana; Samuel joined later.', PEOPLE), ['Dana', 'Sam Lee']);
    assert.deepEqual(peopleIn('Told @marco and @lee-ann. about it'), ['Marco', 'Lee-ann']);
    assert.deepEqual(peopleIn('updated the pkg and the samples', PEOPLE), [], 'no name inside another word');
    assert.deepEqual(peopleIn('mail priya@example.com or me@priya.dev', PEOPLE), [], 'an e-mail address names no one');
  });

  it('a known name that is also a common word counts only when written with a capital or @', () => {
    const list = parsePeople('- Will Chen: Will\n- May\n');
    assert.deepEqual(peopleIn('I will send it in may', list), []);
    assert.deepEqual(peopleIn('Will said May would review it', list), ['Will Chen', 'May']);
    assert.deepEqual(peopleIn('thanks @will', list), ['Will Chen']);
  });

  it('reads a line only up to 2,000 characters, and a long hostile line in milliseconds', () => {
    assert.deepEqual(peopleIn(`${'x '.repeat(1000)}@sam`, PEOPLE), []);
    assert.deepEqual(peopleIn(`${'x '.repeat(990)}@sam`, PEOPLE), ['Sam Lee']);
    const started = performance.now();
    for (const run of ['@', '@a.', 'a@', 'priya ', 'pk@', '@-', '. ', 'Priya K']) peopleIn(run.repeat(50_000), PEOPLE);
    assert.ok(performance.now() - started < 1000, `${(performance.now() - started).toFixed(0)} ms`);
  });

  it('people seen in the journal can join the list, without taking a spelling it already has', () => {
    const more = withNames(PEOPLE, ['@marco', 'priya', 'Lee']);
    assert.deepEqual(peopleIn('marco asked Lee and priya', more), ['marco', 'Lee', 'Priya Kumar']);
  });

  it('writes a bullet that reads back as the same person', () => {
    const line = formatPerson('Ana María López', ['@ana', 'Ana M', 'AML']);
    assert.equal(line, '- Ana María López: @ana, Ana M, AML');
    assert.deepEqual(parsePeople(line).people, [{ name: 'Ana María López', aliases: ['@ana', 'Ana M', 'AML'], line: 0 }]);
    assert.equal(formatPerson('Dana'), '- Dana');
    assert.deepEqual(parsePeople(formatPerson('Jo: the PM', ['a, b'])).people[0], { name: 'Jo the PM', aliases: ['a b'], line: 0 });
  });

  it('names a file after a person: lower case, accents and punctuation gone', () => {
    assert.equal(personSlug('Priya Kumar'), 'priya-kumar');
    assert.equal(personSlug('José Álvarez-Ruiz'), 'jose-alvarez-ruiz');
    assert.equal(personSlug("@o'brien"), 'o-brien');
    assert.equal(personSlug('!!'), 'someone');
  });
});
