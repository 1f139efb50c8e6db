import { expect, it } from 'vitest';
import { MAX_NAMED, nameStatements, statementName } from './prepared-statements.server';

// The name table is the module's: the test that fills it comes last.
it('prepares a text afresh under a new name after the server said its result columns changed', async () => {
  const stale = Object.assign(new Error('cached plan must not change result type'), { code: '0A000' });
  const viaCallback = {
    query: (_config: unknown, _values: unknown, callback: (error: unknown) => void) => callback(stale),
  };
  nameStatements(viaCallback as never);
  const before = statementName('SELECT * FROM t1');
  await new Promise((resolve) => viaCallback.query({ text: 'SELECT * FROM t1' }, [], resolve));
  const after = statementName('SELECT * FROM t1');
  expect(after).not.toBe(before);

  const viaPromise = { query: (_config: unknown) => Promise.reject(stale) };
  nameStatements(viaPromise as never);
  await expect(viaPromise.query({ text: 'SELECT * FROM t1' })).rejects.toBe(stale);
  expect(statementName('SELECT * FROM t1')).not.toBe(after);
});

it('names each distinct text once, and stops naming new texts when the table is full', () => {
  const first = statementName('SELECT 1');
  expect(first).toMatch(/^tk\d+$/);
  expect(statementName('SELECT 1')).toBe(first);
  for (let i = 0; i < MAX_NAMED; i++) statementName(`SELECT ${i} + 1`);
  expect(statementName('SELECT 2 FROM somewhere_new')).toBeUndefined();
  // Texts named before the table filled keep their names.
  expect(statementName('SELECT 1')).toBe(first);
});

it('names the query configs the adapter sends and leaves plain text and prepared objects alone', () => {
  const sent: unknown[] = [];
  const connection = { query: (config: unknown) => sent.push(config) };
  nameStatements(connection);
  connection.query({ text: 'SELECT 1', values: [] });
  connection.query('SELECT 1');
  connection.query({ text: 'SELECT 1', name: 'theirs' });
  const submittable = { text: 'SELECT 1', submit: () => {} };
  connection.query(submittable);
  expect(sent[0]).toEqual({ text: 'SELECT 1', values: [], name: statementName('SELECT 1') });
  expect(sent[1]).toBe('SELECT 1');
  expect(sent[2]).toEqual({ text: 'SELECT 1', name: 'theirs' });
  expect(sent[3]).toBe(submittable);
});
