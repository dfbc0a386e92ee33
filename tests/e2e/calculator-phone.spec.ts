import { FIELD_GROUPS, type Scenario } from '../../src/features/calculator/fields.ts';
import { groupDigest } from '../../src/features/calculator/view/group-digest.ts';
import { GROUP_LABELS } from '../../src/features/calculator/view/wording.ts';
import { createFormatters } from '../../src/common/format.ts';
import { builtCalculatorDefaults } from './content.ts';
import { axeViolations, expect, test } from './fixtures.ts';

/*
 * The calculator on a phone: the answer first, each input group a disclosure that starts closed and
 * shows a digest of its values, a field that needs the reader never hidden, and the status honest
 * about a spread that is not valid. On a desktop every group stays open and looks as it always did.
 */

// The defaults the site was built with.
const DEFAULTS: Scenario = builtCalculatorDefaults().defaults;
const fmt = createFormatters('en-US', DEFAULTS.currency);

test.describe('a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the answer comes first; every input group starts closed, named, with a digest of its values', async ({ page, calculatorPage }) => {
    await calculatorPage.goto();
    await calculatorPage.groupsReady();
    await expect(calculatorPage.verdict).toBeInViewport();
    await expect.poll(() => calculatorPage.openGroupIds()).toEqual([]);
    for (const group of FIELD_GROUPS) {
      const toggle = calculatorPage.groupToggle(GROUP_LABELS[group]);
      await expect(toggle).toBeVisible();
      await expect(toggle).toHaveText(`${GROUP_LABELS[group]}${groupDigest(group, DEFAULTS, fmt)}`);
    }
    await expect(calculatorPage.input('inHouse.baseSalary')).toBeHidden();
    // Opening a group shows its fields, and only that group opens.
    await calculatorPage.groupToggle('In-house SDR team').click();
    await expect(calculatorPage.input('inHouse.baseSalary')).toBeVisible();
    expect(await calculatorPage.openGroupIds()).toEqual(['inHouse']);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the digest follows the values typed: the issue’s 4 SDRs on a $70,000 base with 20 meetings a month', async ({ calculatorPage }) => {
    await calculatorPage.goto();
    await calculatorPage.groupsReady();
    const group = await calculatorPage.openGroup('In-house SDR team');
    const toggle = calculatorPage.groupToggle('In-house SDR team');
    await group.getByLabel('Solve for my target').uncheck();
    await group.getByLabel(/^Seats/).fill('4');
    await group.getByLabel(/^Base salary/).fill('70,000');
    await group.getByLabel(/^Meetings per SDR per month/).fill('20');
    await toggle.click();
    await expect(calculatorPage.input('inHouse.baseSalary')).toBeHidden();
    await expect(calculatorPage.digest('In-house SDR team')).toHaveText('4 SDRs · $70,000 base · 20 meetings a month');
    await expect(calculatorPage.status).toHaveText('Up to date');
  });

  test('a field with a message or a typing-slip warning is never hidden: its group opens, and the list of inputs to fix opens it again', async ({
    page,
    calculatorPage,
  }) => {
    // A link carrying a base salary of 70 (a typing slip): the warning shows, so its group opens; the others stay closed.
    await calculatorPage.goto('?inHouse.baseSalary=70');
    await calculatorPage.groupsReady();
    const warning = calculatorPage.warning('inHouse.baseSalary');
    await expect(warning).toBeVisible();
    expect(await calculatorPage.openGroupIds()).toEqual(['inHouse']);
    await expect(calculatorPage.digest('In-house SDR team')).toHaveText(/^1 value to confirm · /);
    await warning.getByRole('button', { name: /^Use 70,000$/ }).click();

    // A value that is not a number: the message shows beside the field; closing the group leaves its digest saying so.
    const ramp = await calculatorPage.field('In-house SDR team', /^Ramp/);
    await ramp.fill('soon');
    await expect(calculatorPage.message('inHouse.rampMonths')).toHaveText(/^“soon” is not a number/);
    await calculatorPage.groupToggle('In-house SDR team').click();
    await expect(ramp).toBeHidden();
    await expect(calculatorPage.digest('In-house SDR team')).toHaveText(/^1 input to fix · /);
    // “Fix” from the notice: the link opens the group and puts the cursor in the field.
    await calculatorPage.staleNotice.getByRole('link', { name: /^Ramp \(in-house\)/ }).click();
    await expect(ramp).toBeVisible();
    await expect(ramp).toBeFocused();
    // Editing another group with the message still there keeps the field in view.
    await calculatorPage.groupToggle('In-house SDR team').click();
    await (await calculatorPage.field('Shared inputs', /^Gross margin/)).fill('70');
    await expect(ramp).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('while a spread is not valid the status says the ranges and the link are not updated and names it; fixing it brings “Up to date” back', async ({
    page,
    calculatorPage,
  }) => {
    await calculatorPage.goto();
    await calculatorPage.groupsReady();
    await expect(calculatorPage.status).toHaveText('Up to date');
    await calculatorPage.spreadsToggle.click();
    // The groups of spreads start closed too, each saying how many spreads differ from the defaults.
    expect(await calculatorPage.openSpreadGroupCount()).toBe(0);
    const inHouseSummary = calculatorPage.spreadGroupToggle('In-house SDR team');
    await expect(inHouseSummary).toContainText(/All \d+ at the defaults/);

    const spreads = await calculatorPage.openSpreads('In-house SDR team');
    const meetings = spreads.getByLabel(/^Meetings per SDR per month/);
    await meetings.fill('60');
    await expect(calculatorPage.spreadLine('inHouse.meetingsPerMonth', 'changed')).toHaveText(
      `Changed: the default is ${Math.round((DEFAULTS.uncertainty.spread['inHouse.meetingsPerMonth'] ?? 0) * 100)} %.`,
    );
    await expect(inHouseSummary).toContainText(/^In-house SDR team1 of \d+ changed from the defaults$/);

    await spreads.getByLabel(/^Base salary/).fill('lots');
    await expect(calculatorPage.status).toHaveText('Ranges and link not updated: the spread of “Base salary (in-house)” needs fixing');
    await expect(inHouseSummary).toContainText(/1 to fix · 1 of \d+ changed from the defaults$/);
    // Closing the group does not hide the field for long: typing another spread opens it again.
    await inHouseSummary.click();
    await expect(spreads.getByLabel(/^Base salary/)).toBeHidden();
    await (await calculatorPage.openSpreads('Shared inputs')).getByLabel(/^Gross margin/).fill('20');
    await expect(spreads.getByLabel(/^Base salary/)).toBeVisible();
    await expect(calculatorPage.status).toHaveText(/^Ranges and link not updated: the spread of “Base salary \(in-house\)” needs fixing$/);

    await spreads.getByLabel(/^Base salary/).fill('10');
    await expect(calculatorPage.status).toHaveText('Up to date');
    await calculatorPage.resetSpreadsButton.click();
    await expect(inHouseSummary).toContainText(/All \d+ at the defaults/);
    await expect(calculatorPage.spreadLine('inHouse.meetingsPerMonth', 'changed')).toBeHidden();
    expect(await axeViolations(page, calculatorPage.scopes.spreads)).toEqual([]);
  });

  test('keyboard: Tab reaches each group’s summary with a visible focus ring; Enter opens it, Tab goes on into its fields, Space closes it', async ({
    page,
    calculatorPage,
  }) => {
    await calculatorPage.goto();
    await calculatorPage.groupsReady();
    const toggle = calculatorPage.groupToggle('Shared inputs');
    await calculatorPage.tabTo(toggle, 60);
    await expect(toggle).toBeFocused();
    expect(await toggle.evaluate((el) => getComputedStyle(el).outlineStyle !== 'none' && parseFloat(getComputedStyle(el).outlineWidth) >= 2)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await calculatorPage.isGroupOpen('Shared inputs')).toBe(true);
    await page.keyboard.press('Tab');
    await expect(calculatorPage.input('horizonMonths')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(toggle).toBeFocused();
    await page.keyboard.press('Space');
    expect(await calculatorPage.isGroupOpen('Shared inputs')).toBe(false);
    // Closed, the next Tab skips its fields and reaches the next group.
    await page.keyboard.press('Tab');
    await expect(calculatorPage.groupToggle('In-house SDR team')).toBeFocused();
  });

  test('printing shows every input, then the groups closed on screen close again', async ({ page, calculatorPage }) => {
    await calculatorPage.goto();
    await calculatorPage.groupsReady();
    await expect.poll(() => calculatorPage.openGroupIds()).toEqual([]);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    expect(await calculatorPage.openGroupIds()).toEqual([...FIELD_GROUPS]);
    await expect(calculatorPage.input('inHouse.baseSalary')).toBeVisible();
    await expect(calculatorPage.groupToggle('Shared inputs')).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await calculatorPage.openGroupIds()).toEqual([]);
  });
});

test.describe('a 390 px phone without JavaScript', () => {
  test.use({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });

  test('every group starts closed with its digest, and opens to show its inputs', async ({ calculatorPage }) => {
    await calculatorPage.goto();
    expect(await calculatorPage.openGroupIds()).toEqual([]);
    await expect(calculatorPage.groupToggle(GROUP_LABELS.inHouse)).toHaveText(`${GROUP_LABELS.inHouse}${groupDigest('inHouse', DEFAULTS, fmt)}`);
    await expect(calculatorPage.input('inHouse.baseSalary')).toBeHidden();
    await calculatorPage.groupToggle(GROUP_LABELS.inHouse).click();
    await expect(calculatorPage.input('inHouse.baseSalary')).toBeVisible();
    await calculatorPage.groupToggle(GROUP_LABELS.uncertainty).click();
    await expect(calculatorPage.input('uncertainty.seed')).toBeVisible();
  });
});

test.describe('a 1280 px desktop', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('every group is open, with its legend and no disclosure summary; the fields are edited directly', async ({ page, calculatorPage }) => {
    await calculatorPage.goto();
    await calculatorPage.groupsReady();
    expect(await calculatorPage.openGroupIds()).toEqual([...FIELD_GROUPS]);
    for (const group of FIELD_GROUPS) {
      await expect(calculatorPage.groupToggle(GROUP_LABELS[group])).toBeHidden();
      await expect(calculatorPage.groupLegend(GROUP_LABELS[group])).toBeVisible();
    }
    await calculatorPage.inGroup('In-house SDR team', /^Base salary/).fill('61,000');
    await expect(calculatorPage.status).toHaveText('Up to date');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a phone turned into a wide window opens every group it had closed', async ({ page, calculatorPage }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await calculatorPage.goto();
    await calculatorPage.groupsReady();
    await expect.poll(() => calculatorPage.openGroupIds()).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => calculatorPage.openGroupIds()).toEqual([...FIELD_GROUPS]);
    await expect(calculatorPage.input('inHouse.baseSalary')).toBeVisible();
  });

  test('the status names an invalid spread here too', async ({ calculatorPage }) => {
    await calculatorPage.goto();
    await calculatorPage.groupsReady();
    const spreads = await calculatorPage.openSpreads('Outsourced agency');
    await spreads.getByLabel(/^Meetings per rep per month/).fill('150');
    await expect(calculatorPage.status).toHaveText('Ranges and link not updated: the spread of “Meetings per rep per month (agency)” needs fixing');
  });
});
