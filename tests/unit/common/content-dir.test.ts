import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BUILT_IN_CONTENT_DIR, contentDir, contentFile } from '../../../src/common/content-dir.ts';

const work = mkdtempSync(join(tmpdir(), 'pb-content-dir-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the content folder', () => {
  test('is the generator’s own playbook unless CONTENT_DIR names another', () => {
    expect(BUILT_IN_CONTENT_DIR).toBe(resolve('src/content'));
    expect(contentDir({})).toBe(BUILT_IN_CONTENT_DIR);
    expect(contentDir({ CONTENT_DIR: '  ' })).toBe(BUILT_IN_CONTENT_DIR);
    expect(contentDir({ CONTENT_DIR: work })).toBe(work);
    expect(contentDir({ CONTENT_DIR: 'team/content' })).toBe(resolve('team/content'));
  });

  test('a file the team’s folder leaves out comes from the generator’s own', () => {
    expect(contentFile('calculator/defaults.yaml', work)).toBe(join(BUILT_IN_CONTENT_DIR, 'calculator/defaults.yaml'));
    mkdirSync(join(work, 'calculator'), { recursive: true });
    writeFileSync(join(work, 'calculator/defaults.yaml'), 'scenario: {}\n');
    expect(contentFile('calculator/defaults.yaml', work)).toBe(join(work, 'calculator/defaults.yaml'));
    // Neither has it: the team's path, for the error that follows.
    expect(contentFile('nowhere.yaml', work)).toBe(join(work, 'nowhere.yaml'));
  });
});
